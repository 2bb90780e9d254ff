package org.tariffscope.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.tariffscope.schedule.HtsLine;
import org.tariffscope.schedule.RevisionInfo;
import org.tariffscope.schedule.Schedule;

/**
 * Where each 2024 trade code sits in the schedule of each day. Immutable.
 *
 * <p>The weights are 2024 Census codes; the panel's products are the lines of the 2025-2026
 * revisions. Most codes are the same line throughout. The others are mapped, revision by revision,
 * so that their trade keeps its weight instead of silently leaving the average:
 * <ul>
 *   <li>{@code same}: the code is a line of the revision;</li>
 *   <li>{@code split_8}: the code is not a line (split or renumbered, e.g. in the 2025 basic edition,
 *       or a statistical suffix the schedule does not list, as for some watches of chapter 91) and its
 *       value is shared equally among the lines now under its 8-digit subheading; rates are set on
 *       8-digit lines, so this keeps the rate;</li>
 *   <li>{@code split_6}: likewise under its 6-digit subheading, when the 8-digit one is gone too.</li>
 * </ul>
 * Codes with no line under their subheading (chapter 98 special provisions, chapter 99, Census'
 * {@code 9999} estimates) are left out of the panel's averages; {@link #unmapped} lists them.
 */
public final class ProductMapping {

  /**
   * A share of a code's trade priced as one product over a run of days.
   *
   * @param code the 2024 code
   * @param product the panel product (a reporting line's digits)
   * @param share fraction of the code's value
   * @param from first day
   * @param until first day after
   * @param how {@code same}, {@code split_8} or {@code split_6}
   */
  public record Share(String code, String product, double share, LocalDate from, LocalDate until, String how) {
  }

  private final Map<String, List<Share>> byCode;

  private ProductMapping(Map<String, List<Share>> byCode) {
    this.byCode = Map.copyOf(byCode);
  }

  /**
   * Maps {@code codes} over the revisions of {@code schedule} in force between {@code from} and
   * {@code until}; reads each revision's lines once.
   */
  public static ProductMapping of(Schedule schedule, Collection<String> codes, LocalDate from, LocalDate until) {
    List<RevisionInfo> revisions = schedule.revisions();
    List<Period> periods = new ArrayList<>();
    for (int i = 0; i < revisions.size(); i++) {
      RevisionInfo r = revisions.get(i);
      LocalDate start = r.effectiveDate().isBefore(from) ? from : r.effectiveDate();
      LocalDate end = i + 1 < revisions.size() ? revisions.get(i + 1).effectiveDate() : until;
      if (end.isAfter(until)) {
        end = until;
      }
      if (start.isBefore(end)) {
        periods.add(new Period(r, start, end));
      }
    }
    // Each revision's lines once, then each code on its own: both are independent, so both run on
    // every core (the panel build waits for this step).
    List<NavigableSet<String>> lines = periods.parallelStream().map(p -> {
      NavigableSet<String> set = new TreeSet<>();
      for (HtsLine l : schedule.load(p.revision()).reportingLines()) {
        set.add(l.code().digits());
      }
      return set;
    }).toList();
    Map<String, List<Share>> out = new ConcurrentHashMap<>();
    codes.stream().distinct().toList().parallelStream().forEach(code -> {
      List<Share> shares = sharesOf(code, periods, lines);
      if (!shares.isEmpty()) {
        out.put(code, shares);
      }
    });
    return new ProductMapping(out);
  }

  /** A revision and the days it is in force within the panel. */
  private record Period(RevisionInfo revision, LocalDate start, LocalDate end) {
  }

  /** The shares of one code over the periods, consecutive periods with the same products merged. */
  private static List<Share> sharesOf(String code, List<Period> periods, List<NavigableSet<String>> lines) {
    List<Share> out = new ArrayList<>();
    List<Share> open = null; // the shares of the run still going
    for (int i = 0; i < periods.size(); i++) {
      Period p = periods.get(i);
      List<Share> now = resolve(code, lines.get(i), p.start(), p.end());
      if (open != null && sameProducts(open, now) && open.get(0).until().equals(p.start())) {
        List<Share> extended = new ArrayList<>(open.size());
        for (Share s : open) {
          extended.add(new Share(s.code(), s.product(), s.share(), s.from(), p.end(), s.how()));
        }
        open = extended;
      } else {
        if (open != null) {
          out.addAll(open);
        }
        open = now.isEmpty() ? null : now;
      }
    }
    if (open != null) {
      out.addAll(open);
    }
    return out;
  }

  private static List<Share> resolve(String code, NavigableSet<String> lines, LocalDate start, LocalDate end) {
    if (lines.contains(code)) {
      return List.of(new Share(code, code, 1, start, end, "same"));
    }
    for (String[] level : new String[][] {{code.substring(0, 8), "split_8"}, {code.substring(0, 6), "split_6"}}) {
      NavigableSet<String> under = lines.subSet(level[0], true, level[0] + Character.MAX_VALUE, false);
      if (!under.isEmpty()) {
        List<Share> shares = new ArrayList<>(under.size());
        for (String product : under) {
          shares.add(new Share(code, product, 1.0 / under.size(), start, end, level[1]));
        }
        return shares;
      }
    }
    return List.of();
  }

  private static boolean sameProducts(List<Share> a, List<Share> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).product().equals(b.get(i).product()) || !a.get(i).how().equals(b.get(i).how())) {
        return false;
      }
    }
    return true;
  }

  /** The shares of one code, in date order (empty when it has no line at all). */
  public List<Share> of(String code) {
    return byCode.getOrDefault(code, List.of());
  }

  /** Every share, for the database. */
  public List<Share> all() {
    List<Share> all = new ArrayList<>();
    byCode.values().forEach(all::addAll);
    return all;
  }

  /** The codes of {@code codes} that map to no product on any day. */
  public List<String> unmapped(Collection<String> codes) {
    return codes.stream().filter(c -> !byCode.containsKey(c)).sorted().toList();
  }
}
