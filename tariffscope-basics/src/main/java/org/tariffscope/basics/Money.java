package org.tariffscope.basics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of US dollars. Amounts are exact; {@link #rounded()} is the one place where an amount
 * is rounded to cents (half up, as CBP rounds duty per line). Immutable and thread-safe.
 */
public final class Money implements Comparable<Money> {
  public static final Money ZERO = new Money(BigDecimal.ZERO);

  private final BigDecimal amount;

  private Money(BigDecimal amount) {
    this.amount = amount;
  }

  /** @throws InvalidInputException when negative */
  public static Money usd(BigDecimal amount) {
    if (amount.signum() < 0) {
      throw new InvalidInputException("An amount cannot be negative: " + amount.toPlainString());
    }
    return new Money(amount);
  }

  /** Parses {@code 40000}, {@code 40,000.50} or {@code $40000}. */
  public static Money usd(String text) {
    String cleaned = text == null ? "" : text.strip().replace(",", "").replace("$", "");
    try {
      return usd(new BigDecimal(cleaned));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("Not an amount in dollars: '" + text + "'");
    }
  }

  public static Money usd(long dollars) {
    return usd(BigDecimal.valueOf(dollars));
  }

  public BigDecimal amount() {
    return amount;
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public Money plus(Money other) {
    return new Money(amount.add(other.amount));
  }

  /** This amount times a rate, unrounded. */
  public Money times(Percent rate) {
    return new Money(amount.multiply(rate.fraction()));
  }

  /** This amount times a share (0..1), unrounded. */
  public Money timesShare(BigDecimal share) {
    return new Money(amount.multiply(share));
  }

  /** Rounded to cents, half up. */
  public Money rounded() {
    return new Money(amount.setScale(2, RoundingMode.HALF_UP));
  }

  @Override
  public int compareTo(Money o) {
    return amount.compareTo(o.amount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money m && m.amount.compareTo(amount) == 0;
  }

  @Override
  public int hashCode() {
    return amount.stripTrailingZeros().hashCode();
  }

  /** Cents precision with a dollar sign, e.g. {@code $11000.00}. */
  @Override
  public String toString() {
    return "$" + rounded().amount.toPlainString();
  }
}
