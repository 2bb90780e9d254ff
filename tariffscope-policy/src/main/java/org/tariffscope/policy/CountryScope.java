package org.tariffscope.policy;

import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.tariffscope.basics.Country;

/**
 * The origins a measure applies to: all, only some, or all except some. Holds the resolved
 * countries as a bit set over the registry's indexes. Immutable.
 *
 * @param kind all, only, or except
 * @param countries the countries named (groups resolved), empty for {@link Kind#ALL}
 * @param written the entries as written in the file ({@code EU}, {@code JP}), for display
 */
public record CountryScope(Kind kind, Set<Country> countries, List<String> written) {
  public static final CountryScope ALL = new CountryScope(Kind.ALL, Set.of(), List.of());

  /** How the named countries are used. */
  public enum Kind { ALL, ONLY, EXCEPT }

  public CountryScope {
    countries = Set.copyOf(countries);
    written = List.copyOf(written);
  }

  /** Whether the measure applies to goods of {@code origin}. */
  public boolean includes(Country origin) {
    return switch (kind) {
      case ALL -> true;
      case ONLY -> countries.contains(origin);
      case EXCEPT -> !countries.contains(origin);
    };
  }

  /** Whether {@code origin} is named in an "all except" list (an exclusion worth explaining). */
  public boolean explicitlyExcludes(Country origin) {
    return kind == Kind.EXCEPT && countries.contains(origin);
  }

  /** The included origins as a bit set over {@code registrySize} countries. */
  public BitSet toBitSet(int registrySize) {
    BitSet bits = new BitSet(registrySize);
    switch (kind) {
      case ALL -> bits.set(0, registrySize);
      case ONLY -> countries.forEach(c -> bits.set(c.index()));
      case EXCEPT -> {
        bits.set(0, registrySize);
        countries.forEach(c -> bits.clear(c.index()));
      }
    }
    return bits;
  }

  @Override
  public String toString() {
    String names = countries.stream().sorted(Comparator.comparing(Country::iso2)).map(Country::iso2)
        .collect(Collectors.joining(", "));
    return switch (kind) {
      case ALL -> "all countries";
      case ONLY -> names;
      case EXCEPT -> "all except " + names;
    };
  }
}
