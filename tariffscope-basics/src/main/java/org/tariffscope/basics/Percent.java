package org.tariffscope.basics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A non-negative rate in percent, exact: {@code 2.5} means 2.5%. Ad valorem duties, their sums and
 * ad valorem equivalents are all expressed with it. Immutable and thread-safe.
 */
public final class Percent implements Comparable<Percent> {
  public static final Percent ZERO = new Percent(BigDecimal.ZERO);
  public static final Percent HUNDRED = new Percent(BigDecimal.valueOf(100));

  /** Ad valorem equivalents and shares are kept to this many significant digits. */
  private static final MathContext PRECISION = MathContext.DECIMAL64;

  private final BigDecimal value;

  private Percent(BigDecimal value) {
    // Not normalised here (stripTrailingZeros allocates on the engine's hot path): equality compares
    // numerically and printing strips the zeros.
    this.value = value.signum() == 0 ? BigDecimal.ZERO : value;
  }

  /** @throws InvalidInputException when negative */
  public static Percent of(BigDecimal percent) {
    if (percent.signum() < 0) {
      throw new InvalidInputException("A rate cannot be negative: " + percent.toPlainString() + "%");
    }
    return new Percent(percent);
  }

  public static Percent of(String percent) {
    try {
      return of(new BigDecimal(percent.strip().replace("%", "")));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("Not a percentage: '" + percent + "'");
    }
  }

  public static Percent of(long percent) {
    return of(BigDecimal.valueOf(percent));
  }

  public static Percent of(double percent) {
    return of(BigDecimal.valueOf(percent));
  }

  /** The percentage as a number (27.5 for 27.5%), without trailing zeros. */
  public BigDecimal value() {
    return value.stripTrailingZeros();
  }

  /** The rate as a fraction of value (0.275 for 27.5%). */
  public BigDecimal fraction() {
    return value.movePointLeft(2);
  }

  public double doubleValue() {
    return value.doubleValue();
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  public Percent plus(Percent other) {
    return other.isZero() ? this : isZero() ? other : new Percent(value.add(other.value));
  }

  /** This rate less {@code other}, never below zero (an all-in floor never refunds duty). */
  public Percent minusFloorZero(Percent other) {
    BigDecimal d = value.subtract(other.value);
    return d.signum() <= 0 ? ZERO : new Percent(d);
  }

  /** This rate applied to a share of the value, e.g. 50% on a 40% steel content = 20% of value. */
  public Percent timesShare(BigDecimal share) {
    if (share.signum() < 0) {
      throw new IllegalArgumentException("negative share " + share);
    }
    return new Percent(value.multiply(share, PRECISION));
  }

  /** The rate a duty of {@code amount} represents on {@code base}, e.g. a specific duty's equivalent. */
  public static Percent ratio(BigDecimal amount, BigDecimal base) {
    if (base.signum() <= 0) {
      throw new IllegalArgumentException("base must be positive");
    }
    return of(amount.multiply(BigDecimal.valueOf(100)).divide(base, PRECISION));
  }

  public Percent round(int decimals) {
    return new Percent(value.setScale(decimals, RoundingMode.HALF_UP));
  }

  /** The number as held, for arithmetic without normalising. */
  BigDecimal raw() {
    return value;
  }

  public boolean isLessThan(Percent other) {
    return value.compareTo(other.value) < 0;
  }

  @Override
  public int compareTo(Percent o) {
    return value.compareTo(o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Percent p && p.value.compareTo(value) == 0;
  }

  @Override
  public int hashCode() {
    return value.stripTrailingZeros().hashCode();
  }

  /** Plain digits and a percent sign, e.g. {@code 27.5%}. */
  @Override
  public String toString() {
    return value.stripTrailingZeros().toPlainString() + "%";
  }
}
