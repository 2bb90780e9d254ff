package org.tariffscope.analytics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tariffscope.basics.InvalidInputException;

/**
 * How the 2024 import flows weight the panel's statutory rates into an effective rate. Immutable.
 *
 * <p>The panel prices every product and origin with no preference claimed, except that Canada and
 * Mexico are priced both with and without a USMCA claim. The weights blend the cases:
 * <ul>
 *   <li><b>USMCA claims.</b> Canada's and Mexico's flows are split by the share of each HTS-10 line
 *       entered claiming USMCA. By default the 2025 DataWeb shares ({@code usmca_product_shares_2025.csv},
 *       a calendar-year average, trade-weighted 0.68); {@link #usmcaSharesFile} replaces them with another
 *       file of the same format ({@code hts10,cty_code,usmca_share}); {@link #usmcaUtilisation} rescales
 *       the default shares so that their trade-weighted average is the given value, shrinking every
 *       line's non-claimed share by the same factor (a sensitivity, for example 0.87, the July-December
 *       2025 average).</li>
 *   <li><b>Other preferences</b> ({@link #mfnPreferences}). Free trade agreements, the civil aircraft
 *       agreement, AGOA and the like lower the column-1 rate an entry pays. The base rate of each flow is
 *       scaled by the share of its column-1 duty that was actually paid in 2024: Census calculated duty
 *       divided by value, over the statutory base rate of 2025-01-01, at most 1 (by line for the published
 *       HTS-10 flows, by chapter for the HS-2 remainder). Not applied to China, Hong Kong and Macau (their
 *       2024 duties include Section 301), nor to Canada and Mexico (the USMCA split covers them).</li>
 * </ul>
 *
 * @param mfnPreferences whether to scale base rates by the 2024 share of column-1 duty paid
 * @param usmcaSharesFile a file of USMCA claim shares to use instead of the 2025 ones, or null
 * @param usmcaUtilisation a trade-weighted USMCA claim share (0..1) to rescale the 2025 shares to, or null
 */
public record Weighting(boolean mfnPreferences, Path usmcaSharesFile, Double usmcaUtilisation) {
  /** What the panel's daily tables are built with. */
  public static final Weighting DEFAULT = new Weighting(true, null, null);

  public Weighting {
    if (usmcaSharesFile != null && usmcaUtilisation != null) {
      throw new InvalidInputException("Give either a USMCA shares file or a USMCA utilisation, not both");
    }
    if (usmcaUtilisation != null && !(usmcaUtilisation >= 0 && usmcaUtilisation <= 1)) {
      throw new InvalidInputException("The USMCA utilisation is a share between 0 and 1: " + usmcaUtilisation);
    }
    if (usmcaSharesFile != null && !Files.isReadable(usmcaSharesFile)) {
      throw new InvalidInputException("Cannot read the USMCA shares file " + usmcaSharesFile);
    }
  }

  public boolean isDefault() {
    return equals(DEFAULT);
  }

  /** One line for reports. */
  public String describe() {
    String usmca = usmcaSharesFile != null ? "USMCA claim shares from " + usmcaSharesFile
        : usmcaUtilisation != null ? String.format(Locale.ROOT, "2025 USMCA claim shares rescaled to a trade-weighted %.3f",
            usmcaUtilisation)
        : "2025 USMCA claim shares";
    return usmca + "; " + (mfnPreferences ? "base rates scaled by the 2024 share of column-1 duty paid (preferences)"
        : "base rates at column 1 (no preferences other than USMCA)");
  }

  /** SQL for a flow's USMCA claim share, over {@code flows f} joined with {@code countries c} (and {@code u}, the file). */
  String usmcaShareSql(double currentUtilisation) {
    if (usmcaSharesFile != null) {
      return "CASE WHEN c.iso2 IN ('CA', 'MX') THEN greatest(0, least(1, coalesce(u.usmca_share, 0))) ELSE 0 END";
    }
    if (usmcaUtilisation != null) {
      double k = currentUtilisation >= 1 ? 0 : (1 - usmcaUtilisation) / (1 - currentUtilisation);
      return String.format(Locale.ROOT,
          "CASE WHEN c.iso2 IN ('CA', 'MX') THEN greatest(0, least(1, 1 - (1 - f.usmca_share) * %.12f)) ELSE 0 END", k);
    }
    return "f.usmca_share";
  }

  /** SQL joining the shares file as {@code u}, or nothing. */
  String usmcaJoinSql() {
    if (usmcaSharesFile == null) {
      return "";
    }
    String path = usmcaSharesFile.toAbsolutePath().toString().replace("'", "''");
    return " LEFT JOIN (SELECT lpad(CAST(hts10 AS VARCHAR), 10, '0') AS hts10, lpad(CAST(cty_code AS VARCHAR), 4, '0') AS cty_code, "
        + "max(CAST(usmca_share AS DOUBLE)) AS usmca_share FROM read_csv('" + path + "', header = true, all_varchar = true) "
        + "GROUP BY ALL) u ON u.hts10 = f.hts10 AND u.cty_code = c.census_code";
  }

  /** SQL for the factor applied to a flow's base rate. */
  String mfnFactorSql() {
    return mfnPreferences ? "f.mfn_paid_share" : "1.0";
  }
}
