package org.tariffscope.basics;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One specific part of a rate of duty: an amount of dollars per unit of quantity, as in
 * {@code 1.5¢/kg}, {@code $1.035/kg}, {@code 68¢/head} or {@code 29¢ each}. Immutable.
 *
 * @param usdPerUnit dollars per unit ({@code 0.015} for 1.5¢)
 * @param unit the unit as the schedule prints it, normalised: {@code kg}, {@code liter},
 *     {@code pf. liter}, {@code doz.}, {@code m2}, {@code each}, {@code head}, ...
 * @param basis what the quantity is measured on when not the goods themselves, e.g.
 *     {@code on drained weight}, {@code on copper content}; empty when plain
 */
public record SpecificDuty(BigDecimal usdPerUnit, String unit, String basis) {

  public SpecificDuty {
    Objects.requireNonNull(usdPerUnit, "usdPerUnit");
    Objects.requireNonNull(unit, "unit");
    basis = basis == null ? "" : basis;
    if (usdPerUnit.signum() < 0) {
      throw new IllegalArgumentException("negative specific duty " + usdPerUnit);
    }
  }

  /** The duty on {@code quantity} units, unrounded. */
  public Money amountFor(BigDecimal quantity) {
    return Money.usd(usdPerUnit.multiply(quantity));
  }

  /** As the schedule writes it: cents below a dollar ({@code 1.5¢/kg}), dollars above ({@code $1.035/kg}). */
  @Override
  public String toString() {
    String amount = usdPerUnit.compareTo(BigDecimal.ONE) < 0
        ? usdPerUnit.movePointRight(2).stripTrailingZeros().toPlainString() + "¢"
        : "$" + usdPerUnit.stripTrailingZeros().toPlainString();
    String per = "each".equals(unit) ? " each" : "/" + unit;
    return amount + per + (basis.isEmpty() ? "" : " " + basis);
  }
}
