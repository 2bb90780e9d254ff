package org.tariffscope.engine;

import java.math.BigDecimal;
import java.util.Optional;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.Percent;
import org.tariffscope.basics.ValueBase;

/**
 * Estimates the engine uses where an entry does not declare a fact: the ad valorem equivalent of a
 * specific rate, the metal content of a derivative article. The duty calculator uses
 * {@link #NONE} (undeclared facts are reported, never guessed); the rate panel uses estimates from
 * trade data, with the method stated.
 */
public interface Estimates {

  /** No estimates. */
  Estimates NONE = new Estimates() {
  };

  /** The ad valorem equivalent of a line's whole base rate (specific and ad valorem parts), if estimated. */
  default Optional<Percent> baseRateAdValoremEquivalent(HtsCode line, Country origin) {
    return Optional.empty();
  }

  /** The share of value (0..1) of a content ({@code STEEL_CONTENT}, ...), if estimated. */
  default Optional<BigDecimal> contentShare(HtsCode line, ValueBase content) {
    return Optional.empty();
  }

  /** A short statement of the method, for explanations ("2024 Census duties / value"). */
  default String describe() {
    return "none";
  }
}
