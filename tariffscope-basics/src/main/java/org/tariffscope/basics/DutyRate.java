package org.tariffscope.basics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A rate of duty on the whole article: an ad valorem part plus zero or more specific parts.
 * {@code Free} has neither; {@code 2.5%} only the first; {@code 2.2¢/kg + 3%} both. Immutable.
 */
public record DutyRate(Percent adValorem, List<SpecificDuty> specifics) {
  public static final DutyRate FREE = new DutyRate(Percent.ZERO, List.of());

  public DutyRate {
    Objects.requireNonNull(adValorem, "adValorem");
    specifics = List.copyOf(specifics);
  }

  public static DutyRate adValorem(Percent percent) {
    return percent.isZero() ? FREE : new DutyRate(percent, List.of());
  }

  public boolean isFree() {
    return adValorem.isZero() && specifics.isEmpty();
  }

  public boolean hasSpecific() {
    return !specifics.isEmpty();
  }

  /** {@code Free}, {@code 2.5%}, {@code 1.5¢/kg}, {@code 2.2¢/kg + 3%}. */
  @Override
  public String toString() {
    if (isFree()) {
      return "Free";
    }
    List<String> parts = new ArrayList<>();
    specifics.forEach(s -> parts.add(s.toString()));
    if (!adValorem.isZero()) {
      parts.add(adValorem.toString());
    }
    return String.join(" + ", parts);
  }
}
