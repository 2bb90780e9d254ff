package org.tariffscope.engine.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.tariffscope.basics.Authority;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.policy.Measure;
import org.tariffscope.policy.PolicyBook;

/**
 * Which measures of the book to list: in force on a day, applying to an origin, of an authority,
 * under a heading prefix. Every filter is optional. The CLI's {@code measures} command and the HTTP
 * API read filters given as text through {@link #parse}, so they accept the same inputs. Immutable.
 *
 * @param date only measures in force that day, or null
 * @param origin only measures applying to goods of this country, or null
 * @param authority only this authority, or null
 * @param headingPrefix only headings whose digits start with this, or null
 * @param asPublished whether {@code date} follows the dates the schedule printed
 */
public record MeasureQuery(LocalDate date, Country origin, Authority authority, String headingPrefix,
    boolean asPublished) {

  public static final MeasureQuery ALL = new MeasureQuery(null, null, null, null, false);

  /**
   * Filters given as text (null or blank for none).
   *
   * @throws InvalidInputException naming the filter that is not understood
   */
  public static MeasureQuery parse(String date, String origin, String authority, String heading, boolean asPublished,
      Countries countries) {
    LocalDate day = null;
    if (!blank(date)) {
      try {
        day = LocalDate.parse(date.strip());
      } catch (DateTimeParseException e) {
        throw new InvalidInputException("Not a date: '" + date.strip() + "' (use YYYY-MM-DD)");
      }
    }
    Country country = blank(origin) ? null : countries.parse(origin);
    Authority auth = blank(authority) ? null : Authority.parse(authority);
    String prefix = null;
    if (!blank(heading)) {
      prefix = heading.replace(".", "").strip();
      if (!prefix.matches("\\d+")) {
        throw new InvalidInputException("Not a heading prefix: '" + heading.strip() + "' (digits and dots, e.g. 9903.01)");
      }
    }
    return new MeasureQuery(day, country, auth, prefix, asPublished);
  }

  /** The measures of the book that pass every filter, in book order. */
  public List<Measure> select(PolicyBook book) {
    List<Measure> selected = new ArrayList<>();
    for (Measure m : book.measures()) {
      if (matches(m)) {
        selected.add(m);
      }
    }
    return selected;
  }

  public boolean matches(Measure m) {
    return (date == null || m.inForce(date, asPublished))
        && (origin == null || m.countries().includes(origin))
        && (authority == null || m.authority() == authority)
        && (headingPrefix == null || m.heading().digits().startsWith(headingPrefix));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
