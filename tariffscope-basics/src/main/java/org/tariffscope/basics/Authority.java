package org.tariffscope.basics;

import java.util.Locale;

/**
 * The legal authority under which a duty is imposed. Results are split by authority; stacking
 * rules refer to authorities ("articles subject to Section 232 duties are not subject to ...").
 */
public enum Authority {
  MFN("MFN", "Column 1 general (normal trade relations) rate"),
  SECTION_232("Section 232", "Trade Expansion Act of 1962, s. 232 (national security)"),
  SECTION_301("Section 301", "Trade Act of 1974, s. 301 (unfair trade practices)"),
  IEEPA_RECIPROCAL("IEEPA reciprocal", "International Emergency Economic Powers Act: reciprocal tariffs"),
  IEEPA_FENTANYL("IEEPA fentanyl", "International Emergency Economic Powers Act: fentanyl / border tariffs"),
  SECTION_122("Section 122", "Trade Act of 1974, s. 122 (balance of payments)"),
  SECTION_201("Section 201", "Trade Act of 1974, s. 201 (safeguards)"),
  OTHER("Other", "Other additional duties");

  private final String label;
  private final String description;

  Authority(String label, String description) {
    this.label = label;
    this.description = description;
  }

  /** Short human name, e.g. "Section 232". */
  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  /** The lower-case key used in JSON and CSV output, e.g. {@code section_232}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Accepts {@code SECTION_232}, {@code section_232}, {@code section-232} or "Section 232". */
  public static Authority parse(String text) {
    String norm = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (Authority a : values()) {
      if (a.name().equals(norm)) {
        return a;
      }
    }
    throw new InvalidInputException("Unknown authority '" + text + "' (one of "
        + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT) + ")");
  }
}
