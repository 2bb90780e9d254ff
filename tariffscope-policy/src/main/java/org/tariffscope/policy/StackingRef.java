package org.tariffscope.policy;

import java.util.Locale;
import java.util.Objects;
import org.tariffscope.basics.Authority;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.InvalidInputException;

/**
 * A reference in {@code yields_to} or {@code yields_whole_to}: a heading, a range of headings, an
 * authority, or a tag. Immutable.
 *
 * @param kind which of the four
 * @param from the heading, or the first heading of the range
 * @param to the last heading of the range (inclusive), equal to {@code from} for a heading
 * @param authority the authority for {@link Kind#AUTHORITY}
 * @param tag the tag for {@link Kind#TAG}
 * @param written the reference as written
 * @param whole whether it comes from {@code yields_whole_to}: when a measure it names applies to any
 *     part of the value (a 232 duty on the metal content), the yielding measure does not apply to the
 *     article at all; otherwise (from {@code yields_to}) it applies to the part of the value left
 */
public record StackingRef(Kind kind, HtsCode from, HtsCode to, Authority authority, String tag, String written,
    boolean whole) {

  /** What a reference names. */
  public enum Kind { HEADING, AUTHORITY, TAG }

  public StackingRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(written, "written");
  }

  /**
   * Reads {@code 9903.01.32}, {@code 9903.01.43-9903.01.75} (hyphen or dash), {@code SECTION_232} or
   * {@code tag:auto_232}.
   */
  public static StackingRef parse(String text) {
    return parse(text, false);
  }

  /** Reads a reference of {@code yields_whole_to} ({@code whole}) or of {@code yields_to}. */
  public static StackingRef parse(String text, boolean whole) {
    String t = text == null ? "" : text.strip();
    if (t.startsWith("tag:")) {
      String tag = t.substring(4).strip();
      if (tag.isEmpty()) {
        throw new InvalidInputException("empty tag in '" + text + "'");
      }
      return new StackingRef(Kind.TAG, null, null, null, tag, t, whole);
    }
    if (!t.isEmpty() && Character.isLetter(t.charAt(0))) {
      return new StackingRef(Kind.AUTHORITY, null, null, Authority.parse(t), null, t, whole);
    }
    String[] parts = t.split("\\s*[-\u2013\u2014]\\s*");
    if (parts.length == 1) {
      HtsCode h = HtsCode.parse(parts[0]);
      return new StackingRef(Kind.HEADING, h, h, null, null, t, whole);
    }
    if (parts.length == 2) {
      HtsCode a = HtsCode.parse(parts[0]);
      HtsCode b = HtsCode.parse(parts[1]);
      if (a.length() != b.length() || a.compareTo(b) > 0) {
        throw new InvalidInputException("bad heading range '" + text + "'");
      }
      return new StackingRef(Kind.HEADING, a, b, null, null, t, whole);
    }
    throw new InvalidInputException("not a heading, range, authority or tag: '" + text + "'");
  }

  /** Whether this reference names the measure {@code m}. */
  public boolean matches(Measure m) {
    return switch (kind) {
      case HEADING -> m.heading().length() == from.length()
          && m.heading().compareTo(from) >= 0 && m.heading().compareTo(to) <= 0;
      case AUTHORITY -> m.authority() == authority;
      case TAG -> m.tags().contains(tag.toLowerCase(Locale.ROOT));
    };
  }

  @Override
  public String toString() {
    return whole ? "whole " + written : written;
  }
}
