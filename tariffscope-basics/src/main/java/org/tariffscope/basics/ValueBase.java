package org.tariffscope.basics;

import java.util.Locale;

/**
 * The part of an article's customs value an ad valorem duty is charged on. Most duties apply to
 * the full value; Section 232 duties on derivatives apply to the value of their steel, aluminum
 * or copper content; some apply to the non-U.S. content, and 9903.01.34 covers the U.S. content.
 */
public enum ValueBase {
  FULL("full value"),
  STEEL_CONTENT("value of the steel content"),
  ALUMINUM_CONTENT("value of the aluminum content"),
  COPPER_CONTENT("value of the copper content"),
  US_CONTENT("value of the U.S. content"),
  NON_US_CONTENT("value of the non-U.S. content");

  private final String description;

  ValueBase(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  public boolean isMetalContent() {
    return this == STEEL_CONTENT || this == ALUMINUM_CONTENT || this == COPPER_CONTENT;
  }

  /** The lower-case key used in files and output, e.g. {@code steel_content}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ValueBase parse(String text) {
    String norm = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (ValueBase b : values()) {
      if (b.name().equals(norm)) {
        return b;
      }
    }
    throw new InvalidInputException("Unknown value base '" + text
        + "' (one of full, steel_content, aluminum_content, copper_content, us_content, non_us_content)");
  }
}
