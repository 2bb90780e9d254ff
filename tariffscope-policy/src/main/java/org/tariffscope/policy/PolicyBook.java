package org.tariffscope.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.HtsCode;

/**
 * Every measure Tariffscope knows, with the product lists they use and the base-rate rules: the
 * law as data. Built by {@link PolicyLoader}; a scenario derives a new book and never changes this
 * one. Immutable and thread-safe.
 */
public final class PolicyBook {
  private final List<Measure> measures;
  private final Map<String, Measure> byId;
  private final Map<String, ProductList> lists;
  private final List<BaseRateRule> baseRates;
  private final Map<String, Claim> claims;
  private final List<NotModelled> notModelled;
  private final List<String> files;

  public PolicyBook(List<Measure> measures, Map<String, ProductList> lists, List<BaseRateRule> baseRates,
      Map<String, Claim> claims, List<NotModelled> notModelled, List<String> files) {
    List<Measure> sorted = new ArrayList<>(measures);
    sorted.sort(Comparator.comparing(Measure::heading).thenComparing(m -> m.effective().start())
        .thenComparing(Measure::id));
    this.measures = List.copyOf(sorted);
    Map<String, Measure> ids = new LinkedHashMap<>();
    for (Measure m : sorted) {
      if (ids.put(m.id(), m) != null) {
        throw new IllegalArgumentException("two measures have the id " + m.id());
      }
    }
    this.byId = Map.copyOf(ids);
    this.lists = Map.copyOf(lists);
    this.baseRates = List.copyOf(baseRates);
    this.claims = Map.copyOf(claims);
    this.notModelled = List.copyOf(notModelled);
    this.files = List.copyOf(files);
  }

  /** All measures, by heading then start date. */
  public List<Measure> measures() {
    return measures;
  }

  public Optional<Measure> measure(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The measures of one heading, oldest first. */
  public List<Measure> measuresOf(HtsCode heading) {
    return measures.stream().filter(m -> m.heading().equals(heading)).toList();
  }

  /** Measures in force on {@code date} for goods of {@code origin} (any product), or of any origin when null. */
  public List<Measure> inForce(LocalDate date, Country origin, boolean asPublished) {
    return measures.stream()
        .filter(m -> m.inForce(date, asPublished))
        .filter(m -> origin == null || m.countries().includes(origin))
        .toList();
  }

  public Map<String, ProductList> lists() {
    return lists;
  }

  public Optional<ProductList> list(String name) {
    return Optional.ofNullable(lists.get(name));
  }

  public List<BaseRateRule> baseRates() {
    return baseRates;
  }

  /** The claims an entry can make, by id. */
  public Map<String, Claim> claims() {
    return claims;
  }

  /** Chapter 99 headings deliberately not modelled, with reasons. */
  public List<NotModelled> notModelled() {
    return notModelled;
  }

  /** The policy files the book was read from. */
  public List<String> files() {
    return files;
  }

  /** A book with other measures and lists, the same base-rate rules (for scenarios). */
  public PolicyBook with(List<Measure> newMeasures, Map<String, ProductList> newLists) {
    return new PolicyBook(newMeasures, newLists, baseRates, claims, notModelled, files);
  }

  @Override
  public String toString() {
    return "PolicyBook[" + measures.size() + " measures, " + lists.size() + " lists, " + files.size() + " files]";
  }
}
