package org.tariffscope.analytics;

import java.time.LocalDate;
import org.tariffscope.basics.Authority;

/**
 * One run of days on which a product from one class of origins pays one rate. Immutable.
 *
 * @param hts10 the product's code, digits
 * @param originClass the origin class (countries the engine cannot tell apart)
 * @param usmca whether the rates are those of entries claiming USMCA (Canada and Mexico only)
 * @param from first day
 * @param until first day after (exclusive)
 * @param rates percent by {@link Authority} ordinal; the base rate at its ad valorem equivalent
 */
public record PanelRow(String hts10, int originClass, boolean usmca, LocalDate from, LocalDate until, float[] rates) {

  /**
   * The total: the rates added in {@link Authority} order in float arithmetic, as the database's ingest
   * adds its {@code total_pct} ({@code PanelDatabase}).
   */
  public float total() {
    float s = 0;
    for (float v : rates) {
      s += v;
    }
    return s;
  }
}
