package org.tariffscope.analytics;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.Percent;
import org.tariffscope.basics.ValueBase;
import org.tariffscope.data.CsvTable;
import org.tariffscope.engine.Estimates;

/**
 * Estimates for the rate panel, where no entry declares the facts:
 * <ul>
 *   <li>the ad valorem equivalent of a specific or compound base rate: 2024 Census calculated duty
 *       divided by customs value for the line, over partners that pay the general rate (no free trade
 *       agreement with the US, not China, whose 2024 duties include Section 301);</li>
 *   <li>the steel, aluminum and copper content of a derivative article: the BEA input-output shares by
 *       HTS-10 ({@code metal_content_shares_bea_hs10.csv}).</li>
 * </ul>
 * Immutable.
 */
public final class CensusEstimates implements Estimates {
  /** Partners whose 2024 duties are not column-1 general duties (free trade agreements, Section 301). */
  private static final Set<String> NOT_GENERAL = Set.of("CA", "MX", "KR", "AU", "CL", "CO", "PE", "PA", "SG",
      "IL", "JO", "MA", "BH", "OM", "CR", "DO", "SV", "GT", "HN", "NI", "CN", "HK", "MO");

  private final Map<String, Double> averageDutyRate;
  private final Map<String, double[]> metalShares;

  private CensusEstimates(Map<String, Double> averageDutyRate, Map<String, double[]> metalShares) {
    this.averageDutyRate = averageDutyRate;
    this.metalShares = metalShares;
  }

  public static CensusEstimates load(TradeWeights weights, Countries countries) {
    Map<String, double[]> vd = new HashMap<>();
    for (Flow f : weights.flows()) {
      Country c = countries.get(f.countryIndex());
      if (f.source().equals("hs2") || NOT_GENERAL.contains(c.iso2()) || f.value() <= 0) {
        continue;
      }
      double[] a = vd.computeIfAbsent(f.hts10(), k -> new double[2]);
      a[0] += f.value();
      a[1] += f.calculatedDuty();
    }
    Map<String, Double> rate = new HashMap<>();
    vd.forEach((h, a) -> {
      if (a[0] > 0) {
        rate.put(h, a[1] / a[0]);
      }
    });
    Map<String, double[]> metals = new HashMap<>();
    for (CsvTable.Row r : CsvTable.embedded("data/lists/metal_content_shares_bea_hs10.csv").rows()) {
      metals.put(r.get("hs10"), new double[] {number(r.get("steel_share")), number(r.get("aluminum_share")),
          number(r.get("copper_share"))});
    }
    return new CensusEstimates(rate, metals);
  }

  private static double number(String s) {
    try {
      return s.isEmpty() ? 0 : Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public Optional<Percent> baseRateAdValoremEquivalent(HtsCode line, Country origin) {
    Double r = averageDutyRate.get(line.digits());
    return r == null ? Optional.empty() : Optional.of(Percent.of(BigDecimal.valueOf(r * 100)));
  }

  @Override
  public Optional<BigDecimal> contentShare(HtsCode line, ValueBase content) {
    double[] s = metalShares.get(line.digits());
    if (s == null) {
      return Optional.empty();
    }
    double v = switch (content) {
      case STEEL_CONTENT -> s[0];
      case ALUMINUM_CONTENT -> s[1];
      case COPPER_CONTENT -> s[2];
      default -> -1;
    };
    return v < 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(Math.min(1, Math.max(0, v))));
  }

  @Override
  public String describe() {
    return "2024 Census duty/value for specific rates; BEA input-output metal shares for metal content";
  }
}
