package org.tariffscope.schedule;

import java.util.List;
import java.util.Objects;
import org.tariffscope.basics.HtsCode;

/**
 * A numbered line of one revision of the schedule: a heading, subheading, tariff line or
 * statistical line, or a Chapter 99 heading. Immutable.
 *
 * <p>Rates live on the 8-digit legal line; a statistical line reads them from {@link #rateLine()},
 * its nearest ancestor (or itself) that prints a general rate.
 *
 * @param code the line's code
 * @param indent depth in the printed hierarchy (0 for headings)
 * @param description the line's own description
 * @param path descriptions from the top of the heading down to and including this line
 * @param units statistical units ({@code kg}, {@code No.})
 * @param general column 1 general rate text that applies: printed on this line or inherited
 *     from {@code rateLine} (empty for headings without a rate)
 * @param special column 1 special rate text that applies, likewise
 * @param other column 2 rate text that applies, likewise
 * @param footnotes the footnotes that apply: the line's own and those of {@code rateLine}
 * @param rateLine code of the line whose rate texts apply (itself when it prints one)
 */
public record HtsLine(HtsCode code, int indent, String description, List<String> path,
    List<String> units, String general, String special, String other, List<Footnote> footnotes,
    HtsCode rateLine) {

  public HtsLine {
    Objects.requireNonNull(code, "code");
    path = List.copyOf(path);
    units = List.copyOf(units);
    footnotes = List.copyOf(footnotes);
    general = general == null ? "" : general;
    special = special == null ? "" : special;
    other = other == null ? "" : other;
    rateLine = rateLine == null ? code : rateLine;
  }

  /** The description path joined into one readable phrase, top level first. */
  public String fullDescription() {
    return String.join(" › ", path);
  }

  /** Whether this line prints its own rates (an 8-digit legal line, mostly). */
  public boolean printsRate() {
    return rateLine.equals(code) && !general.isBlank();
  }

  /** The general column read as a rate (chapter 99 headings use their own grammar). */
  public RateReading generalReading() {
    return code.isChapter99() ? RateText.parseChapter99(general) : RateText.parse(general);
  }

  public RateReading specialReading() {
    return code.isChapter99() ? RateText.parseChapter99(special) : RateText.parse(special);
  }

  public RateReading otherReading() {
    return code.isChapter99() ? RateText.parseChapter99(other) : RateText.parse(other);
  }

  @Override
  public String toString() {
    return code + " " + description;
  }
}
