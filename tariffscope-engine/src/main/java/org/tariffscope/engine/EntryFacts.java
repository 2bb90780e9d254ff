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
 *     {@code ALUMINUM_CONTENT}, {@code COPPER_CONTENT} and {@code US_CONTENT}
 * @param claims claims made at entry (ids of the policy book's claims, e.g. {@code civil_aircraft})
 */
public record EntryFacts(Money value, BigDecimal quantity, boolean usmcaClaimed, Map<ValueBase, BigDecimal> contentShares,
    Set<String> claims) {
  public static final EntryFacts NONE = new EntryFacts(null, null, false, Map.of(), Set.of());

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
  }

  public static EntryFacts ofValue(Money value) {
    return new EntryFacts(value, null, false, Map.of(), Set.of());
  }

  public EntryFacts withValue(Money v) {
    return new EntryFacts(v, quantity, usmcaClaimed, contentShares, claims);
  }

  public EntryFacts withQuantity(BigDecimal q) {
    return new EntryFacts(value, q, usmcaClaimed, contentShares, claims);
  }

  public EntryFacts withUsmcaClaimed(boolean claimed) {
    return new EntryFacts(value, quantity, claimed, contentShares, claims);
  }

  /** With a declared content share (e.g. {@code STEEL_CONTENT}, 0.4 for 40% of value). */
  public EntryFacts withContent(ValueBase content, BigDecimal share) {
    EnumMap<ValueBase, BigDecimal> m = new EnumMap<>(ValueBase.class);
    m.putAll(contentShares);
    m.put(content, share);
    return new EntryFacts(value, quantity, usmcaClaimed, m, claims);
  }

  /** With a claim made at entry (e.g. {@code civil_aircraft}). */
  public EntryFacts withClaim(String claim) {
    Set<String> c = new TreeSet<>(claims);
    c.add(claim);
    return new EntryFacts(value, quantity, usmcaClaimed, contentShares, c);
  }

  public Optional<Money> valueOpt() {
    return Optional.ofNullable(value);
  }

  public Optional<BigDecimal> content(ValueBase content) {
    return Optional.ofNullable(contentShares.get(content));
  }
}
