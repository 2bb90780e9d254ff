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
  private final List<PolicyProblem> problems;

  BookChecks(List<Measure> measures, List<PolicyProblem> problems) {
    this.measures = measures;
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

  /** A conservative test: scopes meet unless their prefixes and lists are visibly apart. */
  private static boolean productsMeet(ProductScope a, ProductScope b) {
    if (a.all() || b.all()) {
      return true;
    }
    for (String l : a.lists()) {
      if (b.lists().contains(l)) {
        return true;
      }
    }
    if (!a.lists().isEmpty() || !b.lists().isEmpty()) {
      // Lists and prefixes of different names: assume they may meet only through shared prefixes.
      return prefixesMeet(a.include(), b.include()) || (!a.lists().isEmpty() && !b.lists().isEmpty());
    }
    return prefixesMeet(a.include(), b.include());
  }

  private static boolean prefixesMeet(List<String> a, List<String> b) {
    for (String x : a) {
      for (String y : b) {
        if (x.startsWith(y) || y.startsWith(x)) {
          return true;
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
