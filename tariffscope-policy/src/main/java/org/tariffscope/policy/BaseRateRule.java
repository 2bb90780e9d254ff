package org.tariffscope.policy;

import java.util.List;
import java.util.Objects;
import org.tariffscope.basics.DateInterval;

/**
 * Which column of the schedule gives the base rate for goods of some countries: column 2
 * ({@code other}) for the countries of general note 3(b) (Cuba, North Korea, and since 2022 Russia
 * and Belarus), column 1 general for everyone else. Immutable.
 *
 * @param column {@code other} (column 2)
 * @param countries origins the rule applies to
 * @param effective when it applies
 * @param title what it is, for explanations
 * @param instruments legal sources
 * @param source file and line
 */
public record BaseRateRule(String column, CountryScope countries, DateInterval effective, String title,
    List<Instrument> instruments, SourceLocation source) {
  public BaseRateRule {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(countries, "countries");
    Objects.requireNonNull(effective, "effective");
    instruments = List.copyOf(instruments);
  }
}
