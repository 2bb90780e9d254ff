package org.tariffscope.engine.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.Failure;
import org.tariffscope.basics.FailureReason;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.basics.Money;
import org.tariffscope.basics.Result;
import org.tariffscope.basics.ValueBase;
import org.tariffscope.engine.DutyRequest;
import org.tariffscope.engine.EntryFacts;
import org.tariffscope.engine.LawView;
import org.tariffscope.schedule.SpecialPrograms;

/**
 * One entry as text, the way a person or a file gives it, and its validation into a
 * {@link DutyRequest}. The CLI, the CSV batch and the HTTP API all read entries through this, so
 * they accept and reject exactly the same inputs with the same messages. Immutable.
 *
 * @param hts HTS code, dotted or not
 * @param origin ISO-2, ISO-3, Census code or English name
 * @param date entry date, YYYY-MM-DD
 * @param value customs value in dollars, or null/blank
 * @param quantity quantity in the unit of the specific rate, or null/blank
 * @param usmca whether USMCA preference is claimed: true/false/yes/no/1/0, or null/blank for no
 * @param metalContentPct steel, aluminum and copper content together as a percentage of value (counted
 *     once, shared by the metals not given one by one), or null/blank
 * @param usContentPct U.S. content as a percentage of value, or null/blank
 * @param claims claims made at entry, separated by ';' or ',' (e.g. {@code civil_aircraft}), or null/blank
 * @param asPublished whether to follow the dates the schedule printed rather than the legal dates
 * @param steelContentPct steel content as a percentage of value, or null/blank
 * @param aluminumContentPct aluminum content as a percentage of value, or null/blank
 * @param copperContentPct copper content as a percentage of value, or null/blank
 * @param preference the free-trade agreement claimed, by its column 1-Special symbol ({@code KR},
 *     {@code AU}, {@code P}, ...), or null/blank
 */
public record DutyInput(String hts, String origin, String date, String value, String quantity, String usmca,
    String metalContentPct, String usContentPct, String claims, boolean asPublished, String steelContentPct,
    String aluminumContentPct, String copperContentPct, String preference) {

  /** Without a free-trade agreement claimed. */
  public DutyInput(String hts, String origin, String date, String value, String quantity, String usmca,
      String metalContentPct, String usContentPct, String claims, boolean asPublished, String steelContentPct,
      String aluminumContentPct, String copperContentPct) {
    this(hts, origin, date, value, quantity, usmca, metalContentPct, usContentPct, claims, asPublished, steelContentPct,
        aluminumContentPct, copperContentPct, null);
  }

  /** Without contents declared metal by metal. */
  public DutyInput(String hts, String origin, String date, String value, String quantity, String usmca,
      String metalContentPct, String usContentPct, String claims, boolean asPublished) {
    this(hts, origin, date, value, quantity, usmca, metalContentPct, usContentPct, claims, asPublished, null, null, null);
  }

  public static DutyInput of(String hts, String origin, String date) {
    return new DutyInput(hts, origin, date, null, null, null, null, null, null, false);
  }

  /** The same entry with the steel, aluminum and copper contents declared one by one (percentages, or null/blank). */
  public DutyInput withMetalContents(String steelPct, String aluminumPct, String copperPct) {
    return new DutyInput(hts, origin, date, value, quantity, usmca, metalContentPct, usContentPct, claims, asPublished,
        steelPct, aluminumPct, copperPct, preference);
  }

  /** The same entry with a free-trade agreement claimed (its symbol, or null/blank for none). */
  public DutyInput withPreference(String symbol) {
    return new DutyInput(hts, origin, date, value, quantity, usmca, metalContentPct, usContentPct, claims, asPublished,
        steelContentPct, aluminumContentPct, copperContentPct, symbol);
  }

  /** The request, or the first thing wrong with the input. */
  public Result<DutyRequest> toRequest(Countries countries) {
    HtsCode code;
    try {
      code = HtsCode.parse(hts);
    } catch (InvalidInputException e) {
      return Result.failure(Failure.of(FailureReason.INVALID_INPUT, e));
    }
    Country country;
    try {
      country = countries.parse(origin);
    } catch (InvalidInputException e) {
      return Result.failure(Failure.of(FailureReason.UNKNOWN_COUNTRY, e));
    }
    if (blank(date)) {
      return Result.failure(FailureReason.INVALID_INPUT, "An entry date is required (YYYY-MM-DD)");
    }
    LocalDate day;
    try {
      day = LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      return Result.failure(FailureReason.INVALID_INPUT, "Not a date: '" + date.strip() + "' (use YYYY-MM-DD)");
    }
    try {
      EntryFacts facts = EntryFacts.NONE;
      if (!blank(value)) {
        facts = facts.withValue(Money.usd(value));
      }
      if (!blank(quantity)) {
        facts = facts.withQuantity(number(quantity, "quantity"));
      }
      if (!blank(usmca)) {
        facts = facts.withUsmcaClaimed(bool(usmca));
      }
      if (!blank(steelContentPct)) {
        facts = facts.withContent(ValueBase.STEEL_CONTENT, share(steelContentPct, "steel content"));
      }
      if (!blank(aluminumContentPct)) {
        facts = facts.withContent(ValueBase.ALUMINUM_CONTENT, share(aluminumContentPct, "aluminum content"));
      }
      if (!blank(copperContentPct)) {
        facts = facts.withContent(ValueBase.COPPER_CONTENT, share(copperContentPct, "copper content"));
      }
      if (!blank(metalContentPct)) {
        facts = facts.withMetalContent(share(metalContentPct, "metal content"));
      }
      if (!blank(usContentPct)) {
        facts = facts.withContent(ValueBase.US_CONTENT, share(usContentPct, "U.S. content"));
      }
      if (!blank(preference)) {
        facts = facts.withPreference(SpecialPrograms.embedded().parse(preference).symbol());
      }
      if (!blank(claims)) {
        for (String c : claims.split("[;,]")) {
          if (!c.isBlank()) {
            facts = facts.withClaim(c.strip().toLowerCase(Locale.ROOT));
          }
        }
      }
      return Result.success(new DutyRequest(code, country, day, facts, asPublished ? LawView.AS_PUBLISHED : LawView.LAW));
    } catch (InvalidInputException e) {
      return Result.failure(Failure.of(FailureReason.INVALID_INPUT, e));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static BigDecimal number(String s, String what) {
    try {
      BigDecimal v = new BigDecimal(s.strip().replace(",", ""));
      if (v.signum() < 0) {
        throw new InvalidInputException("A " + what + " cannot be negative: " + s.strip());
      }
      return v;
    } catch (NumberFormatException e) {
      throw new InvalidInputException("Not a " + what + ": '" + s.strip() + "'");
    }
  }

  private static BigDecimal share(String pct, String what) {
    BigDecimal v = number(pct.replace("%", ""), what);
    if (v.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new InvalidInputException("The " + what + " is a percentage of value, at most 100: " + pct.strip());
    }
    return v.movePointLeft(2);
  }

  private static boolean bool(String s) {
    switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1", "usmca":
        return true;
      case "false", "no", "n", "0", "":
        return false;
      default:
        throw new InvalidInputException("Not yes or no: '" + s.strip() + "' (usmca is true or false)");
    }
  }
}
