package org.tariffscope.basics;

/**
 * A country or territory of origin as US trade statistics know it (Census Schedule C).
 *
 * <p>Obtain instances from {@link Countries}; {@code index} is the country's position in its
 * registry, a dense number that lets engines keep country sets as bit sets. Immutable.
 *
 * @param iso2 ISO 3166 alpha-2 code as Census uses it (Kosovo is {@code KV}), e.g. {@code JP}
 * @param iso3 ISO 3166 alpha-3 code, or empty where none exists
 * @param censusCode the 4-digit Census country code, e.g. {@code 5880}
 * @param name the English short name, e.g. {@code Japan}
 * @param index position in the registry
 */
public record Country(String iso2, String iso3, String censusCode, String name, int index) {

  public Country {
    if (iso2 == null || iso2.length() != 2) {
      throw new IllegalArgumentException("ISO-2 code must have 2 letters: " + iso2);
    }
    if (censusCode == null || censusCode.length() != 4) {
      throw new IllegalArgumentException("Census code must have 4 digits: " + censusCode);
    }
  }

  /** Countries are canonical within a registry: equal when their code and registry position are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Country c && c.index == index && c.iso2.equals(iso2);
  }

  @Override
  public int hashCode() {
    return index;
  }

  /** {@code Japan (JP)}. */
  @Override
  public String toString() {
    return name + " (" + iso2 + ")";
  }
}
