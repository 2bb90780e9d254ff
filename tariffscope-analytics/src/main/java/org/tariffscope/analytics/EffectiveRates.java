package org.tariffscope.analytics;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tariffscope.basics.Authority;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.data.CsvTable;

/**
 * Import-weighted effective tariff rates from a built panel: overall, or by country, authority,
 * GTAP sector or HS-2 chapter, for a day or a series of days. Weights are 2024 imports
 * (pre-substitution: the mix before tariffs changed it); the rate of a product is its total
 * statutory rate with the base rate at its ad valorem equivalent.
 */
public final class EffectiveRates {

  /** How to split the rate. */
  public enum By {
    OVERALL, COUNTRY, AUTHORITY, SECTOR, HS2;

    public static By parse(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("Unknown --by '" + text + "' (country, authority, sector or hs2)");
      }
    }

    String table() {
      return switch (this) {
        case OVERALL, AUTHORITY -> "etr_daily_overall";
        case COUNTRY -> "etr_daily_country";
        case SECTOR -> "etr_daily_sector";
        case HS2 -> "etr_daily_hs2";
      };
    }
  }

  /**
   * One rate.
   *
   * @param date the day
   * @param key country ISO-2, authority key, GTAP code, HS-2 chapter, or {@code all}
   * @param label human name of the key
   * @param importsB 2024 imports weighted in, billions of dollars
   * @param totalPct the effective rate, percent
   * @param byAuthority its parts, percent, in {@link Authority} order
   */
  public record Row(LocalDate date, String key, String label, double importsB, double totalPct, double[] byAuthority) {
  }

  private final PanelDatabase db;
  private final Weighting weighting;
  private final Map<String, String> labels = new HashMap<>();

  public EffectiveRates(PanelDatabase db) {
    this(db, Weighting.DEFAULT);
  }

  /**
   * Rates under another weighting than the panel's ({@link Weighting}): computed on first use, for the
   * overall rate and its authority split only.
   */
  public EffectiveRates(PanelDatabase db, Weighting weighting) {
    this.db = db;
    this.weighting = weighting;
    try (var s = db.connection().createStatement(); ResultSet rs = s.executeQuery("SELECT iso2, name FROM countries")) {
      while (rs.next()) {
        labels.put("country:" + rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    for (CsvTable.Row r : CsvTable.embedded("data/lists/gtap_sector_names.csv").rows()) {
      labels.put("sector:" + r.get("gtap_code").toLowerCase(Locale.ROOT), r.get("sector_name"));
    }
    labels.put("sector:unmapped", "Not in the GTAP crosswalk");
  }

  /** Rates on one day. With {@code keys} (ISO-2 codes, sectors, chapters) only those. */
  public List<Row> on(LocalDate date, By by, Set<String> keys) {
    PanelDatabase.requireDate(date);
    return series(date, date, by, keys);
  }

  /** Rates on every day from {@code from} to {@code to} inclusive. */
  public List<Row> series(LocalDate from, LocalDate to, By by, Set<String> keys) {
    PanelDatabase.requireDate(from);
    PanelDatabase.requireDate(to);
    if (to.isBefore(from)) {
      throw new InvalidInputException("--to " + to + " is before --from " + from);
    }
    StringBuilder sql = new StringBuilder("SELECT key, date, imports_b, total_pct");
    for (String col : PanelDatabase.RATE_COLUMNS) {
      sql.append(", ").append(col);
    }
    String table = by.table();
    if (!weighting.isDefault()) {
      if (by != By.OVERALL && by != By.AUTHORITY) {
        throw new InvalidInputException("Another weighting (" + weighting.describe() + ") is available for the overall "
            + "rate and --by authority only");
      }
      table = db.overallTable(weighting);
    }
    sql.append(" FROM ").append(table).append(" WHERE date BETWEEN ? AND ?");
    if (keys != null && !keys.isEmpty()) {
      sql.append(" AND key IN (").append(String.join(", ", keys.stream().map(k -> "?").toList())).append(')');
    }
    sql.append(" ORDER BY date, imports_b DESC");
    List<Row> out = new ArrayList<>();
    try (PreparedStatement ps = db.connection().prepareStatement(sql.toString())) {
      ps.setObject(1, from);
      ps.setObject(2, to);
      int i = 3;
      if (keys != null) {
        for (String k : keys) {
          ps.setString(i++, k);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double[] parts = new double[Authority.values().length];
          for (int a = 0; a < parts.length; a++) {
            parts[a] = clean(rs.getDouble(5 + a));
          }
          String key = rs.getString(1);
          LocalDate date = rs.getObject(2, LocalDate.class);
          if (by == By.AUTHORITY) {
            for (Authority a : Authority.values()) {
              out.add(new Row(date, a.key(), a.label(), rs.getDouble(3), parts[a.ordinal()], parts));
            }
          } else {
            out.add(new Row(date, key, label(by, key), rs.getDouble(3), clean(rs.getDouble(4)), parts));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Query failed: " + e.getMessage(), e);
    }
    return out;
  }

  public Weighting weighting() {
    return weighting;
  }

  /** Running sums leave crumbs like -1e-13 where a rate has gone back to zero. */
  private static double clean(double v) {
    return Math.abs(v) < 1e-9 ? 0 : v;
  }

  private String label(By by, String key) {
    return switch (by) {
      case OVERALL -> "All imports";
      case COUNTRY -> labels.getOrDefault("country:" + key, key);
      case SECTOR -> labels.getOrDefault("sector:" + key, key);
      case HS2 -> "Chapter " + key;
      case AUTHORITY -> key;
    };
  }
}
