package org.tariffscope.policy;

import java.util.Objects;

/**
 * Chapter 99 headings deliberately left out of the policy book, with the reason (an expired
 * provision, a quota, a rule that depends on facts an entry does not carry). The lint counts a
 * heading as accounted for when a measure models it or an entry here names it. Immutable.
 *
 * @param headings the heading or range of headings
 * @param reason why it is not modelled
 * @param source file and line
 */
public record NotModelled(StackingRef headings, String reason, SourceLocation source) {
  public NotModelled {
    Objects.requireNonNull(headings, "headings");
    Objects.requireNonNull(reason, "reason");
    if (headings.kind() != StackingRef.Kind.HEADING) {
      throw new IllegalArgumentException("not a heading or range: " + headings);
    }
  }

  /** Whether this entry names the heading (8 or 10 digits; a range of 8-digit headings covers their 10-digit lines). */
  public boolean covers(org.tariffscope.basics.HtsCode heading) {
    org.tariffscope.basics.HtsCode h = heading.length() > headings.from().length()
        ? heading.prefix(headings.from().length()) : heading;
    return h.length() == headings.from().length() && h.compareTo(headings.from()) >= 0 && h.compareTo(headings.to()) <= 0;
  }
}
