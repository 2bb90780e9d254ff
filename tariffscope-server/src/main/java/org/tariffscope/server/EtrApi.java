package org.tariffscope.server;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tariffscope.analytics.EffectiveRates;
import org.tariffscope.analytics.EffectiveRates.By;
import org.tariffscope.analytics.EtrReport;
import org.tariffscope.analytics.PanelDatabase;
import org.tariffscope.analytics.TradeWeights;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.InvalidInputException;

/**
 * {@code GET /api/v1/etr} and {@code GET /api/v1/etr/series}: import-weighted effective tariff rates
 * from the rate panel, as {@code tariffscope etr --format json} and {@code etr series} give them
 * (the rows are {@link EtrReport}s). Parameters are checked before the panel is asked for, so bad
 * input is a 400 even while the panel is being built (then 503, see {@link RatePanelService}).
 * The parsing here is shared with the effective-rates page.
 */
final class EtrApi {
  /** The days the panel covers. */
  static final LocalDate FIRST = PanelDatabase.FROM;
  static final LocalDate LAST = PanelDatabase.UNTIL.minusDays(1);
  static final int MAX_TOP = 250;
  private static final List<String> SPLITS = List.of("overall", "country", "authority", "sector", "hs2");

  private final RatePanelService panel;
  private final Countries countries;

  EtrApi(RatePanelService panel, Countries countries) {
    this.panel = panel;
    this.countries = countries;
  }

  /** {@code GET /api/v1/etr?date=&by=&origin=&top=&format=}: the rates on one day. */
  Reply etr(Context ctx) {
    boolean csv = csv(ctx.queryParam("format"));
    String dateText = ctx.queryParam("date");
    if (dateText == null || dateText.isBlank()) {
      throw ApiError.badRequest("date is required (YYYY-MM-DD, from " + FIRST + " to " + LAST + ")");
    }
    LocalDate date = day(dateText, "date");
    List<Country> origins = origins(ctx.queryParams("origin"), countries);
    By by = by(ctx.queryParam("by"), !origins.isEmpty());
    int top = Api.intParam(ctx.queryParam("top"), "top", 0, 1, MAX_TOP);
    Set<String> keys = keys(origins);
    List<EffectiveRates.Row> rows = panel.query(r -> r.on(date, by, keys));
    if (top > 0 && by != By.AUTHORITY && rows.size() > top) {
      rows = rows.subList(0, top);
    }
    List<EtrReport> rates = EtrReport.of(rows);
    if (csv) {
      return csvReply(rates, "etr-" + date + "-" + name(by) + ".csv");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("date", date.toString());
    out.put("by", name(by));
    if (!keys.isEmpty()) {
      out.put("origins", List.copyOf(keys));
    }
    out.put("weights", TradeWeights.method());
    out.put("rates", rates);
    return Reply.json(out);
  }

  /** {@code GET /api/v1/etr/series?from=&to=&by=&origin=&top=&format=}: the rates on every day of a period. */
  Reply series(Context ctx) {
    boolean csv = csv(ctx.queryParam("format"));
    LocalDate from = optionalDay(ctx.queryParam("from"), "from", FIRST);
    LocalDate to = optionalDay(ctx.queryParam("to"), "to", LAST);
    if (to.isBefore(from)) {
      throw ApiError.badRequest("to " + to + " is before from " + from);
    }
    List<Country> origins = origins(ctx.queryParams("origin"), countries);
    By by = by(ctx.queryParam("by"), !origins.isEmpty());
    int top = Api.intParam(ctx.queryParam("top"), "top", 0, 1, MAX_TOP);
    Set<String> keys = keys(origins);
    List<EffectiveRates.Row> rows = panel.query(r -> r.series(from, to, by, top > 0 && keys.isEmpty() && by != By.AUTHORITY
        ? largest(r, from, by, top) : keys));
    List<EtrReport> rates = EtrReport.of(rows);
    if (csv) {
      return csvReply(rates, "etr-series-" + from + "-" + to + "-" + name(by) + ".csv");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", from.toString());
    out.put("to", to.toString());
    out.put("by", name(by));
    if (!keys.isEmpty()) {
      out.put("origins", List.copyOf(keys));
    }
    out.put("weights", TradeWeights.method());
    out.put("rates", rates);
    return Reply.json(out);
  }

  /** The {@code n} keys with the most 2024 imports on {@code day}. */
  static Set<String> largest(EffectiveRates rates, LocalDate day, By by, int n) {
    Set<String> keys = new LinkedHashSet<>();
    for (EffectiveRates.Row r : rates.on(day, by, Set.of())) {
      if (keys.size() == n) {
        break;
      }
      keys.add(r.key());
    }
    return keys;
  }

  private static Reply csvReply(List<EtrReport> rates, String file) {
    StringBuilder sb = new StringBuilder(rates.size() * 96 + 128).append(EtrReport.CSV_HEADER).append("\r\n");
    for (EtrReport r : rates) {
      sb.append(r.csvRow()).append("\r\n");
    }
    return Reply.text(200, Reply.CSV, sb.toString())
        .withHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
  }

  // ---- parameters (shared with the page) -----------------------------------------------------

  static boolean csv(String format) {
    if (format == null || format.isBlank() || format.strip().equalsIgnoreCase("json")) {
      return false;
    }
    if (format.strip().equalsIgnoreCase("csv")) {
      return true;
    }
    throw ApiError.badRequest("Unknown format '" + format.strip() + "' (json or csv)");
  }

  /** A day the panel covers. */
  static LocalDate day(String text, String name) {
    LocalDate d = Api.date(text, name);
    if (d.isBefore(FIRST) || d.isAfter(LAST)) {
      throw ApiError.badRequest("The effective rates cover " + FIRST + " to " + LAST + "; " + name + " " + d
          + " is outside them");
    }
    return d;
  }

  static LocalDate optionalDay(String text, String name, LocalDate fallback) {
    return text == null || text.isBlank() ? fallback : day(text, name);
  }

  /** The split: {@code overall} unless told, {@code country} when origins are given (as the CLI reads {@code --by}). */
  static By by(String text, boolean origins) {
    By by;
    if (text == null || text.isBlank()) {
      by = origins ? By.COUNTRY : By.OVERALL;
    } else {
      String t = text.strip().toLowerCase(Locale.ROOT);
      if (!SPLITS.contains(t)) {
        throw ApiError.badRequest("Unknown by '" + text.strip() + "' (overall, country, authority, sector or hs2)");
      }
      by = By.valueOf(t.toUpperCase(Locale.ROOT));
    }
    if (origins && by != By.COUNTRY) {
      throw ApiError.badRequest("origin goes with by=country (or no by)");
    }
    return by;
  }

  static String name(By by) {
    return by.name().toLowerCase(Locale.ROOT);
  }

  /** Countries given as {@code origin=CN&origin=JP} or {@code origin=CN,JP} (codes or names, as the CLI reads them). */
  static List<Country> origins(List<String> values, Countries countries) {
    List<Country> out = new ArrayList<>();
    for (String v : values) {
      if (v == null) {
        continue;
      }
      for (String part : v.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          Country c = countries.parse(part);
          if (!out.contains(c)) {
            out.add(c);
          }
        } catch (InvalidInputException e) {
          throw new ApiError(400, "UNKNOWN_COUNTRY", e.getMessage(), e.suggestions());
        }
      }
    }
    if (out.size() > MAX_TOP) {
      throw ApiError.badRequest("At most " + MAX_TOP + " origins at once");
    }
    return out;
  }

  static Set<String> keys(List<Country> origins) {
    Set<String> keys = new LinkedHashSet<>();
    origins.forEach(c -> keys.add(c.iso2()));
    return keys;
  }
}
