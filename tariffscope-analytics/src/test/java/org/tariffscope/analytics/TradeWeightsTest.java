package org.tariffscope.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.Country;
import org.tariffscope.data.CsvTable;

/**
 * The 2024 weights against the Census files they come from: every partner's total must match its
 * HS-2 total (all 226 partners are there), the EU aggregate must be spread over its members without
 * counting Slovakia twice, and the USMCA shares must only split Canada's and Mexico's trade.
 */
class TradeWeightsTest {
  private static final Countries COUNTRIES = Countries.standard();
  private static TradeWeights weights;
  /** Census code -> 2024 imports from the HS-2 file, dollars (the EU aggregate left out). */
  private static final Map<String, Double> HS2_TOTALS = new HashMap<>();

  @BeforeAll
  static void load() {
    weights = TradeWeights.load(COUNTRIES);
    for (CsvTable.Row r : CsvTable.embedded("data/trade/us_imports_2024_hs2_by_country.csv").rows()) {
      if (!r.get("cty_code").equals("0003")) {
        HS2_TOTALS.merge(r.get("cty_code"), Double.parseDouble(r.get("con_val_2024")), Double::sum);
      }
    }
  }

  private static double total(Country c) {
    return weights.of(c).stream().mapToDouble(Flow::value).sum();
  }

  private static double census(String iso2) {
    return HS2_TOTALS.get(COUNTRIES.parse(iso2).censusCode());
  }

  @Test
  void theWholeOf2024ImportsIsWeightedOnce() {
    double all = HS2_TOTALS.values().stream().mapToDouble(Double::doubleValue).sum();
    // $3.25 trillion of imports for consumption in 2024 (Census); the HTS-10 file covers $3.22T of it.
    assertThat(all / 1e12).isCloseTo(3.25, within(0.01));
    assertThat(weights.totalValue() / all).isCloseTo(1.0, within(0.01));
  }

  @Test
  void topPartnersKeepTheirHts10Rows() {
    // Japan, China, Mexico and Canada are among the 50 partners published at HTS-10.
    for (String iso2 : new String[] {"JP", "CN", "MX", "CA", "VN"}) {
      Country c = COUNTRIES.parse(iso2);
      assertThat(weights.of(c)).allMatch(f -> f.source().equals("hs10"));
      assertThat(total(c) / census(iso2)).as(iso2).isCloseTo(1.0, within(0.01));
    }
  }

  @Test
  void euMembersGetTheAggregateBackInTheirProportions() {
    // Germany, France and Italy are in the EU aggregate only: apportioned by their HS-2 shares.
    for (String iso2 : new String[] {"DE", "FR", "IT", "IE", "NL"}) {
      Country c = COUNTRIES.parse(iso2);
      assertThat(weights.of(c)).allMatch(f -> f.source().equals("eu"));
      assertThat(total(c) / census(iso2)).as(iso2).isCloseTo(1.0, within(0.03));
    }
    // The 2024 US imports from the EU-27 were about $606 billion (Census); the members add up to it.
    double eu = COUNTRIES.group("EU").orElseThrow().stream().mapToDouble(TradeWeightsTest::total).sum();
    assertThat(eu / 1e9).isCloseTo(606, within(12.0));
  }

  @Test
  void slovakiaIsCountedOnce() {
    // Slovakia is published both on its own and inside the EU aggregate.
    Country sk = COUNTRIES.parse("SK");
    assertThat(weights.of(sk)).allMatch(f -> f.source().equals("hs10"));
    assertThat(total(sk) / census("SK")).isCloseTo(1.0, within(0.02));
  }

  @Test
  void smallPartnersAreSpreadOverTheirChapters() {
    for (String iso2 : new String[] {"IS", "MN", "FJ"}) {
      Country c = COUNTRIES.parse(iso2);
      assertThat(weights.of(c)).isNotEmpty().allMatch(f -> f.source().equals("hs2"));
      assertThat(total(c) / census(iso2)).as(iso2).isCloseTo(1.0, within(0.02));
      // The value of each chapter stays in that chapter.
      Map<String, Double> byChapter = new HashMap<>();
      weights.of(c).forEach(f -> byChapter.merge(f.hts10().substring(0, 2), f.value(), Double::sum));
      for (CsvTable.Row r : CsvTable.embedded("data/trade/us_imports_2024_hs2_by_country.csv").rows()) {
        if (r.get("cty_code").equals(c.censusCode()) && Double.parseDouble(r.get("con_val_2024")) > 0) {
          assertThat(byChapter.getOrDefault(r.get("hs2"), 0.0))
              .as(iso2 + " chapter " + r.get("hs2"))
              .isCloseTo(Double.parseDouble(r.get("con_val_2024")), within(1.0 + 1e-6 * Double.parseDouble(r.get("con_val_2024"))));
        }
      }
    }
  }

  @Test
  void usmcaSharesSplitOnlyCanadaAndMexico() {
    Set<Integer> usmca = new HashSet<>();
    usmca.add(COUNTRIES.parse("CA").index());
    usmca.add(COUNTRIES.parse("MX").index());
    assertThat(weights.flows()).allMatch(f -> f.usmcaShare() >= 0 && f.usmcaShare() <= 1);
    assertThat(weights.flows()).filteredOn(f -> f.usmcaShare() > 0).allMatch(f -> usmca.contains(f.countryIndex()));
    // Most of Mexico's 2025 trade was entered under USMCA; a claimed share of 0 or 1 overall would be a bug.
    Country mx = COUNTRIES.parse("MX");
    double claimed = weights.of(mx).stream().mapToDouble(f -> f.value() * f.usmcaShare()).sum() / total(mx);
    assertThat(claimed).isBetween(0.3, 0.95);
  }

  @Test
  void everyFlowIsAnHts10LineWithAPositiveValue() {
    assertThat(weights.flows()).allMatch(f -> f.hts10().length() == 10 && f.hts10().chars().allMatch(Character::isDigit))
        .allMatch(f -> f.value() > 0 && f.calculatedDuty() >= 0);
  }
}
