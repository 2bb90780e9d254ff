package org.tariffscope.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.Country;
import org.tariffscope.data.CsvTable;

/**
 * The 2024 US import weights, for every HTS-10 line and every partner (Census, imports for
 * consumption, customs value). Immutable once built.
 *
 * <p>The Census file gives HTS-10 x the 50 largest partners, with the EU-27 as one aggregate
 * ({@code 0003}) and Slovakia also on its own; a second file gives HS-2 x all 226 partners. We
 * build one set of flows without double counting:
 * <ul>
 *   <li>the 49 non-EU top partners and Slovakia: their HTS-10 rows as they are;</li>
 *   <li>the other 26 EU members: the EU aggregate less Slovakia, line by line, apportioned to each
 *       member by its share of the EU's imports in that HS-2 chapter (HS-2 file);</li>
 *   <li>every other partner: its HS-2 value, apportioned to the HTS-10 lines of that chapter in
 *       proportion to all partners' HTS-10 imports in it.</li>
 * </ul>
 * USMCA claim shares (DataWeb, 2025) split Canada's and Mexico's flows into claimed and not claimed.
 */
public final class TradeWeights {
  private static final String EU_AGGREGATE = "0003";
  private static final String SLOVAKIA = "4359";

  private final List<Flow> flows;
  private final double totalValue;

  private TradeWeights(List<Flow> flows) {
    this.flows = List.copyOf(flows);
    double t = 0;
    for (Flow f : flows) {
      t += f.value();
    }
    this.totalValue = t;
  }

  public List<Flow> flows() {
    return flows;
  }

  /** Total 2024 imports covered, dollars. */
  public double totalValue() {
    return totalValue;
  }

  /** One line describing the method, for reports. */
  public static String method() {
    return "2024 Census imports for consumption: HTS-10 x top-50 partners as published; the EU-27 aggregate "
        + "apportioned to members by their HS-2 shares; other partners' HS-2 values apportioned to HTS-10 lines by "
        + "all partners' mix within the chapter; Canada and Mexico split by 2025 USMCA claim shares; the base rate "
        + "scaled by the share of the column-1 duty paid in 2024 (preference programmes other than USMCA).";
  }

  /** The weights from the embedded Census files. */
  public static TradeWeights load(Countries countries) {
    Map<String, Country> byCensus = new HashMap<>();
    for (Country c : countries.all()) {
      byCensus.put(c.censusCode(), c);
    }
    Map<String, Double> usmca = new HashMap<>();
    for (CsvTable.Row r : CsvTable.embedded("data/trade/usmca_product_shares_2025.csv").rows()) {
      usmca.put(r.get("hts10") + "|" + r.get("cty_code"), Double.parseDouble(r.get("usmca_share")));
    }
    // HS-2 x all partners; the EU aggregate's chapters, for apportioning
    Map<String, Map<String, Double>> hs2 = new HashMap<>(); // partner -> hs2 -> value
    Map<String, Map<String, Double>> hs2Duty = new HashMap<>(); // partner -> hs2 -> calculated duty
    for (CsvTable.Row r : CsvTable.embedded("data/trade/us_imports_2024_hs2_by_country.csv").rows()) {
      hs2.computeIfAbsent(r.get("cty_code"), k -> new HashMap<>())
          .merge(r.get("hs2"), Double.parseDouble(r.get("con_val_2024")), Double::sum);
      String duty = r.get("cal_dut_2024");
      hs2Duty.computeIfAbsent(r.get("cty_code"), k -> new HashMap<>())
          .merge(r.get("hs2"), duty == null || duty.isEmpty() ? 0.0 : Double.parseDouble(duty), Double::sum);
    }
    List<String[]> hs10Rows = new ArrayList<>();
    for (CsvTable.Row r : CsvTable.embedded("data/trade/us_imports_2024_hs10_by_country.csv.gz").rows()) {
      hs10Rows.add(new String[] {r.get("hs10"), r.get("cty_code"), r.get("con_val_2024"), r.get("cal_dut_2024")});
    }

    List<Flow> flows = new ArrayList<>();
    java.util.Set<String> top = new java.util.HashSet<>();
    Map<String, Double> slovakia = new HashMap<>();
    Map<String, double[]> euAggregate = new HashMap<>(); // hts10 -> value, duty
    Map<String, Map<String, Double>> chapterMix = new HashMap<>(); // hs2 -> hts10 -> value (all partners)
    for (String[] r : hs10Rows) {
      String hts10 = r[0];
      String cty = r[1];
      double value = Double.parseDouble(r[2]);
      double duty = Double.parseDouble(r[3]);
      top.add(cty);
      chapterMix.computeIfAbsent(hts10.substring(0, 2), k -> new HashMap<>()).merge(hts10, value, Double::sum);
      if (cty.equals(EU_AGGREGATE)) {
        euAggregate.computeIfAbsent(hts10, k -> new double[2]);
        euAggregate.get(hts10)[0] += value;
        euAggregate.get(hts10)[1] += duty;
        continue;
      }
      if (cty.equals(SLOVAKIA)) {
        slovakia.merge(hts10, value, Double::sum);
      }
      Country c = byCensus.get(cty);
      if (c == null || value <= 0) {
        continue;
      }
      flows.add(new Flow(hts10, c.index(), value, duty, usmca.getOrDefault(hts10 + "|" + cty, 0.0), "hs10"));
    }
    // The chapter mix counts the EU aggregate and Slovakia once: remove Slovakia's own rows from it.
    slovakia.forEach((h, v) -> chapterMix.get(h.substring(0, 2)).merge(h, -v, Double::sum));

    // EU members other than Slovakia: apportion (EU aggregate - Slovakia) by HS-2 shares.
    Map<String, Double> euHs2 = hs2.getOrDefault(EU_AGGREGATE, Map.of());
    List<Country> members = new ArrayList<>(countries.group("EU").orElseThrow());
    members.removeIf(c -> c.censusCode().equals(SLOVAKIA));
    Map<String, Double> euHs2LessSk = new HashMap<>(euHs2);
    hs2.getOrDefault(SLOVAKIA, Map.of()).forEach((ch, v) -> euHs2LessSk.merge(ch, -v, Double::sum));
    euAggregate.forEach((hts10, vd) -> {
      String ch = hts10.substring(0, 2);
      double remaining = Math.max(0, vd[0] - slovakia.getOrDefault(hts10, 0.0));
      double dutyRatio = vd[0] > 0 ? vd[1] / vd[0] : 0;
      double chapterTotal = euHs2LessSk.getOrDefault(ch, 0.0);
      if (remaining <= 0 || chapterTotal <= 0) {
        return;
      }
      for (Country m : members) {
        double share = hs2.getOrDefault(m.censusCode(), Map.of()).getOrDefault(ch, 0.0) / chapterTotal;
        if (share > 0) {
          double v = remaining * share;
          flows.add(new Flow(hts10, m.index(), v, v * dutyRatio, 0, "eu"));
        }
      }
    });

    // Partners outside the top 50 (and not EU members): HS-2 value over the chapter's HTS-10 mix.
    java.util.Set<String> euCodes = new java.util.HashSet<>();
    countries.group("EU").orElseThrow().forEach(c -> euCodes.add(c.censusCode()));
    Map<String, Double> chapterTotals = new HashMap<>();
    chapterMix.forEach((ch, mix) -> chapterTotals.put(ch, mix.values().stream().mapToDouble(Double::doubleValue).sum()));
    hs2.forEach((cty, chapters) -> {
      if (top.contains(cty) || euCodes.contains(cty) || cty.equals(EU_AGGREGATE)) {
        return;
      }
      Country c = byCensus.get(cty);
      if (c == null) {
        return;
      }
      chapters.forEach((ch, value) -> {
        Map<String, Double> mix = chapterMix.get(ch);
        Double total = chapterTotals.get(ch);
        if (mix == null || total == null || total <= 0 || value <= 0) {
          return;
        }
        // The chapter's duty is spread in proportion to value: only its sum over the chapter means anything.
        double dutyRatio = hs2Duty.getOrDefault(cty, Map.of()).getOrDefault(ch, 0.0) / value;
        mix.forEach((hts10, v) -> {
          if (v > 0) {
            double flowValue = value * v / total;
            flows.add(new Flow(hts10, c.index(), flowValue, flowValue * dutyRatio, 0, "hs2"));
          }
        });
      });
    });
    return new TradeWeights(flows);
  }

  /** Flows of one country, for tests and reports. */
  public List<Flow> of(Country c) {
    return flows.stream().filter(f -> f.countryIndex() == c.index()).toList();
  }

  /** Census' calculated duty / value for each HTS-10 line over all partners (for ad valorem equivalents). */
  public Map<String, double[]> valueAndDutyByLine() {
    Map<String, double[]> out = new HashMap<>();
    for (Flow f : flows) {
      if (!f.source().equals("hs2")) {
        double[] vd = out.computeIfAbsent(f.hts10(), k -> new double[2]);
        vd[0] += f.value();
        vd[1] += f.calculatedDuty();
      }
    }
    return out;
  }
}
