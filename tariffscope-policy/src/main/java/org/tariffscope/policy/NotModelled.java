package org.tariffscope.policy;

import java.util.Objects;

/**
 * Chapter 99 headings deliberately left out of the policy book, with the reason (an expired
 * provision, a quota, a rule that depends on facts an entry does not carry); or an instrument in
 * force that no shipped revision prints a heading for. The lint counts a heading as accounted for
 * when a measure models it or an entry here names it. Immutable.
 *
 * @param headings the heading or range of headings, or null for an instrument without a heading
 * @param instrument the instrument (title and citation) when there is no heading to name, or empty
 * @param reason why it is not modelled
 * @param source file and line
 */
public record NotModelled(StackingRef headings, String instrument, String reason, SourceLocation source) {
  public NotModelled {
    instrument = instrument == null ? "" : instrument;
    Objects.requireNonNull(reason, "reason");
    if (headings == null && instrument.isEmpty()) {
      throw new IllegalArgumentException("names neither headings nor an instrument");
    }
    if (headings != null && headings.kind() != StackingRef.Kind.HEADING) {
      throw new IllegalArgumentException("not a heading or range: " + headings);
    }
  }

  public NotModelled(StackingRef headings, String reason, SourceLocation source) {
    this(headings, "", reason, source);
  }

  /** Whether this entry concerns an instrument without a Chapter 99 heading. */
  public boolean isInstrument() {
    return headings == null;
  }

  /** Whether this entry names the heading (8 or 10 digits; a range of 8-digit headings covers their 10-digit lines). */
  public boolean covers(org.tariffscope.basics.HtsCode heading) {
    if (headings == null) {
      return false;
    }
    org.tariffscope.basics.HtsCode h = heading.length() > headings.from().length()
        ? heading.prefix(headings.from().length()) : heading;
    return h.length() == headings.from().length() && h.compareTo(headings.from()) >= 0 && h.compareTo(headings.to()) <= 0;
  }
}
