package org.tariffscope.engine;

import java.util.List;
import java.util.Objects;
import org.tariffscope.basics.Percent;
import org.tariffscope.basics.SpecificDuty;

/**
 * The base rate of duty of the product: column 1 general (MFN), a special program's rate when one is
 * claimed (USMCA), or column 2 for the countries of general note 3(b). Immutable.
 *
 * @param column {@code general}, {@code special:S} (USMCA) or {@code other} (column 2)
 * @param text the rate text as printed
 * @param adValorem the ad valorem part on the whole article
 * @param specifics the specific parts
 * @param complete whether the text is fully captured by the two parts above
 * @param note why it is incomplete, or which rule chose the column; empty otherwise
 */
public record MfnLine(String column, String text, Percent adValorem, List<SpecificDuty> specifics, boolean complete,
    String note) {
  public MfnLine {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(adValorem, "adValorem");
    specifics = List.copyOf(specifics);
    note = note == null ? "" : note;
  }

  /** The specific part as text ({@code 2.2¢/kg}), or null when there is none. */
  public String specificText() {
    return specifics.isEmpty() ? null : String.join(" + ", specifics.stream().map(SpecificDuty::toString).toList());
  }
}
