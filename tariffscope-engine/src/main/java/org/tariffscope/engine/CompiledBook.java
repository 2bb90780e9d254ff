package org.tariffscope.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.Country;
import org.tariffscope.policy.Measure;
import org.tariffscope.policy.PolicyBook;
import org.tariffscope.policy.ProductIndex;

/**
 * A policy book arranged for fast lookups: measures in decision order (each after every measure it
 * yields to), an index from HTS prefixes to measures, country bit sets, and the yields-to relation
 * as bit sets. Built once per book; immutable and thread-safe.
 */
final class CompiledBook {
  final PolicyBook book;
  final Measure[] measures;
  final BitSet[] yieldsTo;
  /** The part of {@link #yieldsTo} named in {@code yields_whole_to}: those take the whole article out. */
  final BitSet[] yieldsWhole;
  final BitSet[] origins;
  /** The measures with {@code products: all}. */
  final BitSet allProducts;
  /** Days on which an all-products measure or a base-rate rule starts or ends, by view. */
  final java.util.NavigableSet<java.time.LocalDate> allProductsDays;
  final java.util.NavigableSet<java.time.LocalDate> allProductsPrintedDays;
  /** For each country index, the measures whose country scope includes it. */
  final BitSet[] measuresOf;
  /** Each measure's country scope in words, for explanations (formatting it per request would dominate). */
  final String[] countriesText;
  final ProductIndex products;
  /** For each country index: the all-products measures that include it or name it as excluded. */
  final int[][] allProductsByCountry;

  CompiledBook(PolicyBook book, Countries countries) {
    this.book = book;
    this.measures = decisionOrder(book.measures());
    int n = measures.length;
    this.yieldsTo = new BitSet[n];
    this.yieldsWhole = new BitSet[n];
    this.origins = new BitSet[n];
    this.countriesText = new String[n];
    for (int i = 0; i < n; i++) {
      yieldsTo[i] = new BitSet(n);
      yieldsWhole[i] = new BitSet(n);
      if (!measures[i].yieldsTo().isEmpty()) {
        for (int j = 0; j < n; j++) {
          if (i != j && measures[i].yieldsTo(measures[j])) {
            yieldsTo[i].set(j);
            if (measures[i].yieldsWholeTo(measures[j])) {
              yieldsWhole[i].set(j);
            }
          }
        }
      }
      origins[i] = measures[i].countries().toBitSet(countries.size());
      countriesText[i] = measures[i].countries().toString();
    }
    List<List<Integer>> byCountry = new ArrayList<>();
    for (int c = 0; c < countries.size(); c++) {
      byCountry.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      Measure m = measures[i];
      if (m.products().all()) {
        for (Country c : countries.all()) {
          if (origins[i].get(c.index()) || m.countries().explicitlyExcludes(c)) {
            byCountry.get(c.index()).add(i);
          }
        }
      }
    }
    this.products = new ProductIndex(List.of(measures), book);
    this.allProducts = new BitSet(n);
    this.measuresOf = new BitSet[countries.size()];
    for (int c = 0; c < countries.size(); c++) {
      measuresOf[c] = new BitSet(n);
    }
    for (int i = 0; i < n; i++) {
      if (measures[i].products().all()) {
        allProducts.set(i);
      }
      for (int c = origins[i].nextSetBit(0); c >= 0; c = origins[i].nextSetBit(c + 1)) {
        measuresOf[c].set(i);
      }
    }
    java.util.TreeSet<java.time.LocalDate> law = new java.util.TreeSet<>();
    java.util.TreeSet<java.time.LocalDate> printed = new java.util.TreeSet<>();
    for (int i = allProducts.nextSetBit(0); i >= 0; i = allProducts.nextSetBit(i + 1)) {
      law.add(measures[i].effective().start());
      measures[i].effective().end().ifPresent(law::add);
      printed.add(measures[i].period(true).start());
      measures[i].period(true).end().ifPresent(printed::add);
    }
    for (var rule : book.baseRates()) {
      law.add(rule.effective().start());
      rule.effective().end().ifPresent(law::add);
      printed.add(rule.effective().start());
      rule.effective().end().ifPresent(printed::add);
    }
    this.allProductsDays = java.util.Collections.unmodifiableNavigableSet(law);
    this.allProductsPrintedDays = java.util.Collections.unmodifiableNavigableSet(printed);
    this.allProductsByCountry = new int[countries.size()][];
    for (int c = 0; c < countries.size(); c++) {
      allProductsByCountry[c] = byCountry.get(c).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /**
   * Measures ordered so that each comes after every measure it yields to (and may be in force
   * with); ties keep the book's order (heading, then start date). The loader rejects cycles.
   */
  private static Measure[] decisionOrder(List<Measure> all) {
    int n = all.size();
    List<List<Integer>> dependents = new ArrayList<>(n);
    int[] pending = new int[n];
    for (int i = 0; i < n; i++) {
      dependents.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      Measure m = all.get(i);
      if (m.yieldsTo().isEmpty()) {
        continue;
      }
      for (int j = 0; j < n; j++) {
        if (i != j && m.effective().overlaps(all.get(j).effective()) && m.yieldsTo(all.get(j))) {
          dependents.get(j).add(i);
          pending[i]++;
        }
      }
    }
    Deque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (pending[i] == 0) {
        ready.add(i);
      }
    }
    List<Measure> out = new ArrayList<>(n);
    boolean[] done = new boolean[n];
    while (!ready.isEmpty()) {
      int i = ready.poll();
      done[i] = true;
      out.add(all.get(i));
      for (int d : dependents.get(i)) {
        if (--pending[d] == 0) {
          ready.add(d);
        }
      }
    }
    if (out.size() < n) {
      // A cycle survived validation (it should not): decide the rest in book order rather than lose them.
      for (int i = 0; i < n; i++) {
        if (!done[i]) {
          out.add(all.get(i));
        }
      }
    }
    return out.toArray(new Measure[0]);
  }

  static final Comparator<Measure> BY_HEADING = Comparator.comparing(Measure::heading);
}
