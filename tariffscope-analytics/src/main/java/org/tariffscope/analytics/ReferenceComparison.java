package org.tariffscope.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tariffscope.basics.Authority;
import org.tariffscope.data.CsvTable;
import org.tariffscope.data.EmbeddedData;

/**
 * Our overall effective rate against the Budget Lab tariff-rate-tracker's published daily series
 * (statutory, 2024 Census weights), on the days their series changes, overall and by authority.
 * Theirs is a yardstick, not the truth: docs/validation.md explains each gap.
 */
public final class ReferenceComparison {
  /** Their authority columns, mapped to ours. */
  private static final Map<String, Authority> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("etr_base", Authority.MFN);
    COLUMNS.put("etr_232", Authority.SECTION_232);
    COLUMNS.put("etr_301", Authority.SECTION_301);
    COLUMNS.put("etr_ieepa", Authority.IEEPA_RECIPROCAL);
    COLUMNS.put("etr_fentanyl", Authority.IEEPA_FENTANYL);
    COLUMNS.put("etr_s122", Authority.SECTION_122);
    COLUMNS.put("etr_section_201", Authority.SECTION_201);
    COLUMNS.put("etr_other", Authority.OTHER);
  }

  /**
   * The days on which issue 4 requires our overall rate to be within 1.0 point of theirs (or the gap to
   * be traced to a cited reading of the law): docs/validation.md.
   */
  public static final List<LocalDate> CHECKPOINTS = List.of(LocalDate.of(2025, 4, 10), LocalDate.of(2025, 7, 17),
      LocalDate.of(2025, 10, 17), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1));

  /**
   * One day compared.
   *
   * @param date the day
   * @param revision their schedule revision for the day
   * @param changed whether their overall rate changed that day (or it is their first day)
   * @param checkpoint whether it is one of the {@link #CHECKPOINTS}
   * @param ours our overall effective rate, percent
   * @param theirs theirs, percent
   * @param oursBy ours by authority, percent, {@link Authority} order
   * @param theirsBy theirs by authority, percent, {@link Authority} order
   */
  public record Day(LocalDate date, String revision, boolean changed, boolean checkpoint, double ours, double theirs,
      double[] oursBy, double[] theirsBy) {
    public double difference() {
      return ours - theirs;
    }
  }

  /** Their overall rate on one day. */
  public record Reference(LocalDate date, String revision, double pct) {
  }

  private ReferenceComparison() {
  }

  /** The reference files shipped in {@code data/reference/}. */
  public static String overallFile() {
    return EmbeddedData.list("data/reference").stream().filter(f -> f.contains("budget_lab_daily_overall"))
        .findFirst().orElseThrow(() -> new IllegalStateException("no reference series in data/reference"));
  }

  /** Their daily overall rate, every day of their series that the panel covers. */
  public static List<Reference> theirDaily() {
    List<Reference> out = new ArrayList<>();
    for (CsvTable.Row r : CsvTable.embedded(overallFile()).rows()) {
      LocalDate date = LocalDate.parse(r.get("date"));
      if (PanelDatabase.checkDate(date).isEmpty()) {
        out.add(new Reference(date, r.get("revision"), 100 * parse(r.get("weighted_etr"))));
      }
    }
    return out;
  }

  /** Every day on which their overall series changes (and their first day), and the {@link #CHECKPOINTS}. */
  public static List<Day> compare(EffectiveRates ours) {
    return compare(ours, CHECKPOINTS);
  }

  /**
   * Every day on which their overall series changes (and their first day), plus {@code alsoOn}, compared
   * with ours, in date order.
   */
  public static List<Day> compare(EffectiveRates ours, java.util.Collection<LocalDate> alsoOn) {
    CsvTable overall = CsvTable.embedded(overallFile());
    CsvTable byAuthority = CsvTable.embedded(overallFile().replace("daily_overall", "daily_by_authority"));
    Map<String, CsvTable.Row> authorityRows = new LinkedHashMap<>();
    for (CsvTable.Row r : byAuthority.rows()) {
      authorityRows.put(r.get("date"), r);
    }
    Set<LocalDate> extra = new java.util.HashSet<>(alsoOn);
    List<Day> out = new ArrayList<>();
    String previous = null;
    for (CsvTable.Row r : overall.rows()) {
      String etr = r.get("weighted_etr");
      LocalDate date = LocalDate.parse(r.get("date"));
      boolean changed = !etr.equals(previous);
      previous = etr;
      if ((!changed && !extra.contains(date)) || PanelDatabase.checkDate(date).isPresent()) {
        continue;
      }
      double[] theirsBy = new double[Authority.values().length];
      CsvTable.Row a = authorityRows.get(r.get("date"));
      if (a != null) {
        COLUMNS.forEach((col, auth) -> theirsBy[auth.ordinal()] += 100 * parse(a.get(col)));
      }
      EffectiveRates.Row mine = ours.on(date, EffectiveRates.By.OVERALL, Set.of()).get(0);
      out.add(new Day(date, r.get("revision"), changed, CHECKPOINTS.contains(date), mine.totalPct(), 100 * parse(etr),
          mine.byAuthority(), theirsBy));
    }
    return out;
  }

  private static double parse(String s) {
    try {
      return s.isEmpty() || s.equals("NA") ? 0 : Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
