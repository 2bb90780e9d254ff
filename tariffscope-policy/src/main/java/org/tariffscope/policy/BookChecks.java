package org.tariffscope.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tariffscope.basics.Country;

/**
 * Checks that need the whole book: two measures of one heading that contradict each other for the
 * same goods, origins and days; stacking cycles; references to headings no measure defines.
 */
final class BookChecks {
  private final List<Measure> measures;
  private final Map<String, ProductList> lists;
  private final List<PolicyProblem> problems;

  BookChecks(List<Measure> measures, Map<String, ProductList> lists, List<PolicyProblem> problems) {
    this.measures = measures;
    this.lists = lists;
    this.problems = problems;
  }

  void run() {
    contradictions();
    unknownReferences();
    cycles();
  }

  /** Same heading, overlapping days, origins and products, different duty: the book cannot say which applies. */
  private void contradictions() {
    Map<String, List<Measure>> byHeading = new HashMap<>();
    for (Measure m : measures) {
      byHeading.computeIfAbsent(m.heading().digits(), k -> new ArrayList<>()).add(m);
    }
    for (List<Measure> group : byHeading.values()) {
      for (int i = 0; i < group.size(); i++) {
        for (int j = i + 1; j < group.size(); j++) {
          Measure a = group.get(i);
          Measure b = group.get(j);
          boolean sameDuty = a.rate().equals(b.rate()) && a.base() == b.base() && a.when().equals(b.when());
          if (a.printedOnly() != b.printedOnly()) {
            continue; // a printed-only heading and the law's measure are two readings, never both applied
          }
          if (!sameDuty && a.effective().overlaps(b.effective()) && countriesMeet(a.countries(), b.countries())
              && productsMeet(a.products(), b.products()) && conditionsMeet(a.when(), b.when())) {
            problems.add(PolicyProblem.error(b.source(), b.heading() + " from " + b.effective().start(),
                "contradicts " + a.source() + " (" + a.rate() + " " + a.effective() + "): same heading, "
                    + "overlapping dates, origins and products, different duty"));
          }
        }
      }
    }
  }

  private static boolean countriesMeet(CountryScope a, CountryScope b) {
    if (a.kind() == CountryScope.Kind.ONLY && b.kind() == CountryScope.Kind.ONLY) {
      for (Country c : a.countries()) {
        if (b.countries().contains(c)) {
          return true;
        }
      }
      return false;
    }
    if (a.kind() == CountryScope.Kind.ONLY) {
      return a.countries().stream().anyMatch(b::includes);
    }
    if (b.kind() == CountryScope.Kind.ONLY) {
      return b.countries().stream().anyMatch(a::includes);
    }
    return true;
  }

  /** Conditions that cannot hold together (USMCA claimed vs not; MFN below 15 vs at least 15) keep measures apart. */
  private static boolean conditionsMeet(Conditions a, Conditions b) {
    if (a.usmcaClaimed() != null && b.usmcaClaimed() != null && !a.usmcaClaimed().equals(b.usmcaClaimed())) {
      return false;
    }
    if (a.mfnBelow() != null && b.mfnAtLeast() != null && a.mfnBelow().compareTo(b.mfnAtLeast()) <= 0) {
      return false;
    }
    return !(b.mfnBelow() != null && a.mfnAtLeast() != null && b.mfnBelow().compareTo(a.mfnAtLeast()) <= 0);
  }

  /**
   * A conservative test: scopes meet unless their prefixes, and the prefixes of their lists, are apart
   * (exclusions are not subtracted; an unknown list is taken to meet anything).
   */
  private boolean productsMeet(ProductScope a, ProductScope b) {
    if (a.all() || b.all()) {
      return true;
    }
    for (String l : a.lists()) {
      if (b.lists().contains(l)) {
        return true;
      }
    }
    Set<String> pa = prefixesOf(a);
    Set<String> pb = prefixesOf(b);
    if (pa == null || pb == null) {
      return true;
    }
    return prefixesMeet(pa, pb);
  }

  /** The included prefixes of a scope with those of its lists, or null when a list is unknown. */
  private Set<String> prefixesOf(ProductScope scope) {
    Set<String> out = new HashSet<>(scope.include());
    for (String name : scope.lists()) {
      ProductList list = lists.get(name);
      if (list == null) {
        return null;
      }
      for (ProductList.Entry e : list.entries()) {
        out.add(e.prefix().digits());
      }
    }
    return out;
  }

  /** Whether a prefix of one set is a prefix of (or equal to) one of the other. */
  private static boolean prefixesMeet(Set<String> a, Set<String> b) {
    Set<String> truncationsOfA = new HashSet<>();
    for (String x : a) {
      for (int n = 1; n <= x.length(); n++) {
        truncationsOfA.add(x.substring(0, n));
      }
    }
    for (String y : b) {
      if (truncationsOfA.contains(y)) {
        return true; // y is a prefix of (or equal to) some x
      }
      for (int n = 1; n < y.length(); n++) {
        if (a.contains(y.substring(0, n))) {
          return true; // some x is a prefix of y
        }
      }
    }
    return false;
  }

  private void unknownReferences() {
    for (Measure m : measures) {
      for (StackingRef ref : m.yieldsTo()) {
        if (ref.kind() == StackingRef.Kind.HEADING && measures.stream().noneMatch(ref::matches)) {
          problems.add(PolicyProblem.warning(m.source(), m.heading() + " yields_to",
              "no measure has heading " + ref + " (not yet modelled?)"));
        }
        if (ref.kind() == StackingRef.Kind.TAG && measures.stream().noneMatch(ref::matches)) {
          problems.add(PolicyProblem.warning(m.source(), m.heading() + " yields_to",
              "no measure carries " + ref));
        }
      }
    }
  }

  /** Measures that could apply together and yield to each other in a circle. */
  private void cycles() {
    int n = measures.size();
    List<List<Integer>> edges = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Measure m = measures.get(i);
      List<Integer> out = new ArrayList<>();
      if (!m.yieldsTo().isEmpty()) {
        for (int j = 0; j < n; j++) {
          Measure o = measures.get(j);
          if (i != j && m.effective().overlaps(o.effective()) && m.yieldsTo(o)) {
            out.add(j);
          }
        }
      }
      edges.add(out);
    }
    int[] state = new int[n];
    Set<String> reported = new HashSet<>();
    for (int i = 0; i < n; i++) {
      if (state[i] == 0) {
        List<Integer> path = new ArrayList<>();
        visit(i, edges, state, path, reported);
      }
    }
  }

  private void visit(int i, List<List<Integer>> edges, int[] state, List<Integer> path, Set<String> reported) {
    state[i] = 1;
    path.add(i);
    for (int j : edges.get(i)) {
      if (state[j] == 1) {
        List<Integer> cycle = path.subList(path.indexOf(j), path.size());
        StringBuilder sb = new StringBuilder();
        for (int k : cycle) {
          sb.append(measures.get(k).id()).append(" -> ");
        }
        sb.append(measures.get(j).id());
        if (reported.add(sb.toString())) {
          Measure m = measures.get(i);
          problems.add(PolicyProblem.error(m.source(), m.heading() + " yields_to", "stacking cycle: " + sb));
        }
      } else if (state[j] == 0) {
        visit(j, edges, state, path, reported);
      }
    }
    path.remove(path.size() - 1);
    state[i] = 2;
  }
}
