package org.tariffscope.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tariffscope.basics.Authority;

/**
 * One effective rate as every adapter shows it: the JSON and CSV of {@code tariffscope etr} and
 * {@code etr series}, of {@code /api/v1/etr} and {@code /api/v1/etr/series}, and the web app's
 * effective-rates page. Rounded as printed: imports to a million dollars, rates to 1/10,000 of a
 * percentage point. Immutable.
 *
 * @param date the day
 * @param key country ISO-2, authority key, GTAP sector code, HS-2 chapter, or {@code all}
 * @param label the key's name
 * @param importsB 2024 imports weighted in, billions of dollars
 * @param totalPct the effective rate, percent
 * @param byAuthority its parts by authority key ({@code mfn}, {@code section_232}, ...), percent, adding up to it
 */
@JsonPropertyOrder({"date", "key", "label", "imports_b", "total_pct", "by_authority"})
public record EtrReport(
    @JsonProperty("date") String date,
    @JsonProperty("key") String key,
    @JsonProperty("label") String label,
    @JsonProperty("imports_b") double importsB,
    @JsonProperty("total_pct") double totalPct,
    @JsonProperty("by_authority") Map<String, Double> byAuthority) {

  /** The CSV header of {@link #csvRow()}: the parts by authority as the panel's rate columns. */
  public static final String CSV_HEADER = "date,key,label,imports_b,total_pct," + String.join(",", PanelDatabase.RATE_COLUMNS);

  public EtrReport {
    byAuthority = Collections.unmodifiableMap(new LinkedHashMap<>(byAuthority));
  }

  public static EtrReport of(EffectiveRates.Row r) {
    Map<String, Double> parts = new LinkedHashMap<>();
    for (Authority a : Authority.values()) {
      parts.put(a.key(), round(r.byAuthority()[a.ordinal()], 4));
    }
    return new EtrReport(r.date().toString(), r.key(), r.label(), round(r.importsB(), 3), round(r.totalPct(), 4), parts);
  }

  public static List<EtrReport> of(List<EffectiveRates.Row> rows) {
    return rows.stream().map(EtrReport::of).toList();
  }

  /** The rate as a CSV line (no line break), columns as {@link #CSV_HEADER}. */
  public String csvRow() {
    StringBuilder sb = new StringBuilder(128);
    sb.append(date).append(',').append(csvCell(key)).append(',').append(csvCell(label)).append(',')
        .append(plain(importsB)).append(',').append(plain(totalPct));
    for (Authority a : Authority.values()) {
      sb.append(',').append(plain(byAuthority.getOrDefault(a.key(), 0.0)));
    }
    return sb.toString();
  }

  /** A number as written by hand: {@code 4.27}, {@code 0.0001}, {@code 25} (never {@code 1.0E-4}). */
  static String plain(double v) {
    if (v == 0) {
      return "0";
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** A CSV cell, quoted when it holds a comma, a quote or a line break. */
  static String csvCell(String s) {
    if (s == null) {
      return "";
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  static double round(double v, int places) {
    double f = Math.pow(10, places);
    double r = Math.round(v * f) / f;
    return r == 0 ? 0 : r; // no -0.0
  }
}
