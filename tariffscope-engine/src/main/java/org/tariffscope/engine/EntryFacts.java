package org.tariffscope.engine;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.basics.Money;
import org.tariffscope.basics.ValueBase;

/**
 * What the importer declares about an entry beyond product, origin and date. Every fact is
 * optional; without a value the result is a rate, not an amount. Immutable.
 *
 * @param value customs value, or null
 * @param quantity quantity in the unit of the line's specific rate, or null
 * @param usmcaClaimed whether USMCA preference is claimed (goods of Canada or Mexico)
 * @param contentShares declared shares of value (0..1) of {@code STEEL_CONTENT},
 *     {@code ALUMINUM_CONTENT}, {@code COPPER_CONTENT} and {@code US_CONTENT}; the three metal
 *     shares together are at most the whole value
 * @param claims claims made at entry (ids of the policy book's claims, e.g. {@code civil_aircraft})
 * @param metalContent the declared share of value (0..1) of the article's steel, aluminum and
 *     copper content together, without saying which metal, or null: the Section 232 measures of the
 *     metals not declared one by one share it (it is counted once, not once per metal); at least
 *     the sum of the metals declared one by one
 * @param preference the free-trade agreement claimed for the base rate, by its symbol in column
 *     1-Special ({@code KR}, {@code P}, ...; see {@link org.tariffscope.schedule.SpecialPrograms}), or
 *     null; USMCA is {@code usmcaClaimed}
 */
public record EntryFacts(Money value, BigDecimal quantity, boolean usmcaClaimed, Map<ValueBase, BigDecimal> contentShares,
    Set<String> claims, BigDecimal metalContent, String preference) {
  /** The contents of the Section 232 metals. */
  public static final java.util.List<ValueBase> METALS =
      java.util.List.of(ValueBase.STEEL_CONTENT, ValueBase.ALUMINUM_CONTENT, ValueBase.COPPER_CONTENT);
  // METALS must be initialized before NONE, whose construction reads it.
  public static final EntryFacts NONE = new EntryFacts(null, null, false, Map.of(), Set.of(), null, null);

  public EntryFacts {
    if (quantity != null && quantity.signum() < 0) {
      throw new InvalidInputException("A quantity cannot be negative: " + quantity.toPlainString());
    }
    EnumMap<ValueBase, BigDecimal> copy = new EnumMap<>(ValueBase.class);
    if (contentShares != null) {
      contentShares.forEach((base, share) -> {
        if (base == ValueBase.FULL || base == ValueBase.NON_US_CONTENT) {
          throw new IllegalArgumentException("not a declarable content: " + base);
        }
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
          throw new InvalidInputException("A content share must be between 0% and 100%: "
              + share.movePointRight(2).stripTrailingZeros().toPlainString() + "%");
        }
        copy.put(base, share);
      });
    }
    contentShares = Collections.unmodifiableMap(copy);
    claims = claims == null ? Set.of() : Set.copyOf(new TreeSet<>(claims));
    BigDecimal metals = BigDecimal.ZERO;
    for (ValueBase b : METALS) {
      metals = metals.add(copy.getOrDefault(b, BigDecimal.ZERO));
    }
    if (metals.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidInputException("The steel, aluminum and copper contents add up to " + pct(metals)
          + " of value, more than the whole value");
    }
    if (preference != null && usmcaClaimed) {
      throw new InvalidInputException("An entry claims one preference: USMCA or " + preference + ", not both");
    }
    if (metalContent != null) {
      if (metalContent.signum() < 0 || metalContent.compareTo(BigDecimal.ONE) > 0) {
        throw new InvalidInputException("A content share must be between 0% and 100%: " + pct(metalContent));
      }
      if (metals.compareTo(metalContent) > 0) {
        throw new InvalidInputException("The steel, aluminum and copper contents declared one by one (" + pct(metals)
            + ") exceed the metal content (" + pct(metalContent) + ")");
      }
    }
  }

  private static String pct(BigDecimal share) {
    return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  public static EntryFacts ofValue(Money value) {
    return new EntryFacts(value, null, false, Map.of(), Set.of(), null, null);
  }

  public EntryFacts withValue(Money v) {
    return new EntryFacts(v, quantity, usmcaClaimed, contentShares, claims, metalContent, preference);
  }

  public EntryFacts withQuantity(BigDecimal q) {
    return new EntryFacts(value, q, usmcaClaimed, contentShares, claims, metalContent, preference);
  }

  public EntryFacts withUsmcaClaimed(boolean claimed) {
    return new EntryFacts(value, quantity, claimed, contentShares, claims, metalContent, preference);
  }

  /** With a declared content share (e.g. {@code STEEL_CONTENT}, 0.4 for 40% of value). */
  public EntryFacts withContent(ValueBase content, BigDecimal share) {
    EnumMap<ValueBase, BigDecimal> m = new EnumMap<>(ValueBase.class);
    m.putAll(contentShares);
    m.put(content, share);
    return new EntryFacts(value, quantity, usmcaClaimed, m, claims, metalContent, preference);
  }

  /** With a claim made at entry (e.g. {@code civil_aircraft}). */
  public EntryFacts withClaim(String claim) {
    Set<String> c = new TreeSet<>(claims);
    c.add(claim);
    return new EntryFacts(value, quantity, usmcaClaimed, contentShares, c, metalContent, preference);
  }

  /**
   * With the steel, aluminum and copper content together (0.4 for 40% of value), not split by metal:
   * what {@code --metal-content} declares.
   */
  public EntryFacts withMetalContent(BigDecimal share) {
    return new EntryFacts(value, quantity, usmcaClaimed, contentShares, claims, share, preference);
  }

  /**
   * With a free-trade agreement claimed for the base rate, by its symbol (validated against the
   * agreements by {@link org.tariffscope.engine.report.DutyInput}; the engine warns and ignores a
   * symbol it does not know, or one the origin may not claim).
   */
  public EntryFacts withPreference(String symbol) {
    return new EntryFacts(value, quantity, usmcaClaimed, contentShares, claims, metalContent,
        symbol == null || symbol.isBlank() ? null : symbol.strip().toUpperCase(java.util.Locale.ROOT));
  }

  public Optional<String> preferenceOpt() {
    return Optional.ofNullable(preference);
  }

  public Optional<BigDecimal> metalContentOpt() {
    return Optional.ofNullable(metalContent);
  }

  public Optional<Money> valueOpt() {
    return Optional.ofNullable(value);
  }

  public Optional<BigDecimal> content(ValueBase content) {
    return Optional.ofNullable(contentShares.get(content));
  }
}
