package org.tariffscope.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.schedule.HtsLine;
import org.tariffscope.schedule.HtsRevision;

/**
 * What changed in Chapter 99 from one revision to the next, and whether the policy book accounts for
 * each change: the list a maintainer works through when a new USITC export arrives.
 */
public final class Chapter99Changes {

  /** How a heading changed. */
  public enum Kind { ADDED, RATE_CHANGED, TEXT_CHANGED, REMOVED }

  /**
   * One changed heading.
   *
   * @param heading the heading
   * @param kind how it changed
   * @param before the rate text before (empty when added)
   * @param after the rate text after (empty when removed)
   * @param description the heading's description (after, or before when removed)
   * @param accountedFor whether a measure models the heading or a not-modelled entry names it
   */
  public record Change(HtsCode heading, Kind kind, String before, String after, String description, boolean accountedFor) {
  }

  private Chapter99Changes() {
  }

  /** The changes to 8-digit 9903 headings from {@code previous} to {@code next}. */
  public static List<Change> between(HtsRevision previous, HtsRevision next, PolicyBook book) {
    Map<String, HtsLine> before = headings(previous);
    Map<String, HtsLine> after = headings(next);
    List<Change> out = new ArrayList<>();
    for (HtsLine l : after.values()) {
      HtsLine old = before.get(l.code().digits());
      if (old == null) {
        out.add(change(l.code(), Kind.ADDED, "", l.general(), l.description(), book));
      } else if (!Objects.equals(old.general(), l.general())) {
        out.add(change(l.code(), Kind.RATE_CHANGED, old.general(), l.general(), l.description(), book));
      } else if (!Objects.equals(old.description(), l.description())) {
        out.add(change(l.code(), Kind.TEXT_CHANGED, old.general(), l.general(), l.description(), book));
      }
    }
    for (HtsLine l : before.values()) {
      if (!after.containsKey(l.code().digits())) {
        out.add(change(l.code(), Kind.REMOVED, l.general(), "", l.description(), book));
      }
    }
    return out;
  }

  private static Change change(HtsCode h, Kind kind, String before, String after, String description, PolicyBook book) {
    boolean accounted = !book.measuresOf(h).isEmpty() || book.notModelled().stream().anyMatch(n -> n.covers(h));
    // A changed heading is only settled once a measure (or a reason) has been written for its new text:
    // an existing measure accounts for a text change, not for a new rate.
    if (kind == Kind.RATE_CHANGED) {
      accounted = book.measuresOf(h).stream().anyMatch(m -> PolicyLint.difference(m,
          org.tariffscope.schedule.RateText.parseChapter99(after)) == null)
          || book.notModelled().stream().anyMatch(n -> n.covers(h));
    }
    return new Change(h, kind, before, after, description, accounted);
  }

  private static Map<String, HtsLine> headings(HtsRevision rev) {
    Map<String, HtsLine> out = new LinkedHashMap<>();
    for (HtsLine l : rev.chapter99Headings()) {
      if (l.code().length() == 8) {
        out.putIfAbsent(l.code().digits(), l);
      }
    }
    return out;
  }
}
