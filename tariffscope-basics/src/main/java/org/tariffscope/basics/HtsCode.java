package org.tariffscope.basics;

/**
 * A code of the Harmonized Tariff Schedule of the United States: a chapter (2 digits), heading (4),
 * subheading (6), tariff line (8, the legal level carrying rates) or statistical line (10).
 *
 * <p>{@link #of(String)} is strict and takes digits only; {@link #parse(String)} is lenient and takes
 * the dotted form ({@code 8703.23.01.60}), plain digits ({@code 8703230160}) or anything in between, and
 * accepts exactly what {@link #toString()} prints. Instances are immutable and thread-safe.
 */
public final class HtsCode implements Comparable<HtsCode> {
  private final String digits;

  private HtsCode(String digits) {
    this.digits = digits;
  }

  /**
   * A code from its digits.
   *
   * @throws InvalidInputException unless {@code digits} is 2, 4, 6, 8 or 10 ASCII digits
   */
  public static HtsCode of(String digits) {
    if (digits == null || !isValidLength(digits.length()) || !allDigits(digits)) {
      throw new InvalidInputException("Not an HTS code: '" + digits
          + "' (expected 2, 4, 6, 8 or 10 digits, e.g. 8703230160)");
    }
    return new HtsCode(digits);
  }

  /**
   * A code from its usual written forms: dots and spaces between digit groups are ignored.
   *
   * @throws InvalidInputException naming the problem when the text is not such a code
   */
  public static HtsCode parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("An HTS code is required (e.g. 8703.23.01.60)");
    }
    String trimmed = text.strip();
    StringBuilder digits = new StringBuilder(10);
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c != '.' && c != ' ') {
        throw new InvalidInputException("Not an HTS code: '" + text
            + "' (only digits and dots, e.g. 8703.23.01.60 or 8703230160)");
      }
    }
    if (!isValidLength(digits.length())) {
      throw new InvalidInputException("Not an HTS code: '" + text + "' has " + digits.length()
          + " digits (expected 2, 4, 6, 8 or 10, e.g. 8703.23.01.60)");
    }
    return new HtsCode(digits.toString());
  }

  private static boolean isValidLength(int length) {
    return length >= 2 && length <= 10 && length % 2 == 0;
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The digits, without dots. */
  public String digits() {
    return digits;
  }

  /** Number of digits: 2, 4, 6, 8 or 10. */
  public int length() {
    return digits.length();
  }

  /** The 2-digit chapter, e.g. {@code 87}. */
  public String chapter() {
    return digits.substring(0, 2);
  }

  /** Whether this is a 10-digit statistical reporting number. */
  public boolean isStatisticalLine() {
    return digits.length() == 10;
  }

  /** Whether this is a code of chapter 99 (temporary legislation and additional duties). */
  public boolean isChapter99() {
    return digits.startsWith("99");
  }

  /** The first {@code length} digits as a code. */
  public HtsCode prefix(int length) {
    if (!isValidLength(length) || length > digits.length()) {
      throw new IllegalArgumentException("Cannot take " + length + " digits of " + this);
    }
    return length == digits.length() ? this : new HtsCode(digits.substring(0, length));
  }

  /** Whether {@code other} equals this code or lies below it in the hierarchy. */
  public boolean contains(HtsCode other) {
    return other.digits.startsWith(digits);
  }

  @Override
  public int compareTo(HtsCode o) {
    return digits.compareTo(o.digits);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HtsCode h && h.digits.equals(digits);
  }

  @Override
  public int hashCode() {
    return digits.hashCode();
  }

  /** The dotted form used by the schedule: {@code 87}, {@code 8703}, {@code 8703.23}, {@code 8703.23.01.60}. */
  @Override
  public String toString() {
    return dotted(digits);
  }

  /** The dotted form of a string of 2 to 10 digits. */
  public static String dotted(String digits) {
    int n = digits.length();
    if (n <= 4) {
      return digits;
    }
    StringBuilder sb = new StringBuilder(n + 3).append(digits, 0, 4);
    for (int i = 4; i < n; i += 2) {
      sb.append('.').append(digits, i, Math.min(i + 2, n));
    }
    return sb.toString();
  }
}
