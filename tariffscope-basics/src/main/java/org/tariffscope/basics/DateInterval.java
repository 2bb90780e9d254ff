package org.tariffscope.basics;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A half-open interval of days {@code [start, endExclusive)}; an absent end means open-ended.
 * Legal texts say "entries on or after 12:01 a.m. of day X": X is the start of the interval in
 * which the rule applies and the exclusive end of the one it replaces. Immutable and thread-safe.
 */
public record DateInterval(LocalDate start, LocalDate endExclusive) {

  public DateInterval {
    if (start == null) {
      throw new InvalidInputException("A date interval needs a start date");
    }
    if (endExclusive != null && !endExclusive.isAfter(start)) {
      throw new InvalidInputException("A date interval must end after it starts: " + start
          + " .. " + endExclusive);
    }
  }

  public static DateInterval of(LocalDate start, LocalDate endExclusive) {
    return new DateInterval(start, endExclusive);
  }

  public static DateInterval from(LocalDate start) {
    return new DateInterval(start, null);
  }

  public Optional<LocalDate> end() {
    return Optional.ofNullable(endExclusive);
  }

  public boolean isOpen() {
    return endExclusive == null;
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && (endExclusive == null || date.isBefore(endExclusive));
  }

  public boolean overlaps(DateInterval other) {
    boolean startsBeforeOtherEnds = other.endExclusive == null || start.isBefore(other.endExclusive);
    boolean otherStartsBeforeThisEnds = endExclusive == null || other.start.isBefore(endExclusive);
    return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
  }

  /** The last day inside the interval, if it is closed. */
  public Optional<LocalDate> lastDay() {
    return end().map(d -> d.minusDays(1));
  }

  /** {@code [2025-04-09, 2025-04-10)} or {@code [2025-04-05, open)}. */
  @Override
  public String toString() {
    return "[" + start + ", " + (endExclusive == null ? "open" : endExclusive.toString()) + ")";
  }
}
