package org.tariffscope.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tariffscope.basics.CodeTable;
import org.tariffscope.basics.DateInterval;
import org.tariffscope.basics.HtsCode;

/**
 * Which measures name a product in their scope: an index from every HTS prefix written in a
 * measure's {@code include}/{@code exclude} or in its product lists, to the measures (by position in
 * the list given) and the period each entry holds. A lookup walks the prefixes of one code once.
 * Measures with {@code products: all} are not indexed (they include everything). Immutable.
 */
public final class ProductIndex {

  /** One scope entry of a measure: via a prefix or a list entry, holding during a period. */
  public record Hit(int measure, DateInterval period, String via) {
  }

  /** Receives the hits of a lookup. */
  @FunctionalInterface
  public interface HitConsumer {
    void accept(Hit hit);
  }

  private static final DateInterval ALWAYS = DateInterval.from(LocalDate.of(1900, 1, 1));

  private final CodeTable<Hit[]> includes;
  private final CodeTable<Hit[]> excludes;
  /** Inclusions of statistical lines (10 digits), by their tariff line: "only .44 of 3004.90.92". */
  private final Map<String, List<Hit>> statisticalByTariffLine;

  /** Indexes the scopes of {@code measures}, reading their lists from {@code book}. */
  public ProductIndex(List<Measure> measures, PolicyBook book) {
    Map<String, List<Hit>> inc = new HashMap<>();
    Map<String, List<Hit>> exc = new HashMap<>();
    Map<String, List<Hit>> stat = new HashMap<>();
    for (int i = 0; i < measures.size(); i++) {
      ProductScope p = measures.get(i).products();
      for (String prefix : p.include()) {
        Hit hit = new Hit(i, ALWAYS, HtsCode.dotted(prefix));
        add(inc, prefix, hit);
        if (prefix.length() == 10) {
          stat.computeIfAbsent(prefix.substring(0, 8), k -> new ArrayList<>()).add(hit);
        }
      }
      for (String listName : p.lists()) {
        for (ProductList.Entry e : book.list(listName).orElseThrow().entries()) {
          Hit hit = new Hit(i, e.period(), "list " + listName);
          add(inc, e.prefix().digits(), hit);
          if (e.prefix().length() == 10) {
            stat.computeIfAbsent(e.prefix().digits().substring(0, 8), k -> new ArrayList<>())
                .add(new Hit(i, e.period(), e.prefix() + " in list " + listName));
          }
        }
      }
      for (String prefix : p.exclude()) {
        add(exc, prefix, new Hit(i, ALWAYS, HtsCode.dotted(prefix)));
      }
      for (String listName : p.excludeLists()) {
        for (ProductList.Entry e : book.list(listName).orElseThrow().entries()) {
          add(exc, e.prefix().digits(), new Hit(i, e.period(), "list " + listName));
        }
      }
    }
    this.includes = freeze(inc);
    this.excludes = freeze(exc);
    stat.replaceAll((k, v) -> List.copyOf(v));
    this.statisticalByTariffLine = Map.copyOf(stat);
  }

  /**
   * Inclusions that name other statistical lines of the same tariff line as {@code digits}: a measure
   * that lists 3004.90.92.44 explains why 3004.90.92.16 is outside it.
   */
  public List<Hit> statisticalSiblings(String digits) {
    return digits.length() < 8 ? List.of() : statisticalByTariffLine.getOrDefault(digits.substring(0, 8), List.of());
  }

  /** Every inclusion entry for a code, whatever its period. */
  public void includesOf(String digits, HitConsumer consumer) {
    walk(includes, digits, consumer);
  }

  /** Every exclusion entry for a code, whatever its period. */
  public void excludesOf(String digits, HitConsumer consumer) {
    if (!excludes.isEmpty()) {
      walk(excludes, digits, consumer);
    }
  }

  public boolean hasExclusions() {
    return !excludes.isEmpty();
  }

  /** Walks the prefixes of the code (2 to all its digits), without allocating. */
  private static void walk(CodeTable<Hit[]> table, String digits, HitConsumer consumer) {
    long value = 0;
    for (int len = 1; len <= digits.length(); len++) {
      value = value * 10 + (digits.charAt(len - 1) - '0');
      if (len < 2) {
        continue;
      }
      Hit[] hits = table.get(CodeTable.key(value, len));
      if (hits != null) {
        for (Hit h : hits) {
          consumer.accept(h);
        }
      }
    }
  }

  private static void add(Map<String, List<Hit>> map, String digits, Hit hit) {
    map.computeIfAbsent(digits, k -> new ArrayList<>(2)).add(hit);
  }

  private static CodeTable<Hit[]> freeze(Map<String, List<Hit>> map) {
    Map<String, Hit[]> out = new HashMap<>(map.size() * 2);
    map.forEach((k, v) -> out.put(k, v.toArray(new Hit[0])));
    return CodeTable.of(out);
  }

  /** Whether measure {@code m} (its position) includes the code on the date, counting exclusions. */
  public boolean includes(Measure measure, int m, String digits, LocalDate date) {
    boolean[] in = {measure.products().all()};
    if (!in[0]) {
      includesOf(digits, h -> {
        if (h.measure() == m && h.period().contains(date)) {
          in[0] = true;
        }
      });
    }
    if (in[0] && measure.products().hasExclusions()) {
      excludesOf(digits, h -> {
        if (h.measure() == m && h.period().contains(date)) {
          in[0] = false;
        }
      });
    }
    return in[0];
  }
}
