package org.tariffscope.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tariffscope.analytics.Flow;

/**
 * The worked example of docs/model.md, section "A worked example", computed by hand there: one
 * product, two origins with $100 each, a 25% tariff on the partner A, sigma 3, eta 1. The expected
 * numbers below are the closed forms of the doc (q_A = 1.25^-3 / 0.82, q_B = 1 / 0.82, ...), not
 * the model's code.
 */
class WorkedExampleTest {
  private static final double EPS = 1e-9;

  private static double[] run() {
    // origin index 0 = A (the partner), 1 = B; one product, chapter 84
    FlowTable table = FlowTable.of(List.of(new Flow("8429521010", 0, 100, 0, 0, "hs10"),
        new Flow("8429521010", 1, 100, 0, 0, "hs10")));
    ModelSettings settings = new ModelSettings(1.0, Map.of(), 1.0, Double.POSITIVE_INFINITY, 1.0, 0.10,
        ModelSettings.DEFAULTS.referenceDate(), 0.35, 0.35);
    ImpactModel.Exports exports = new ImpactModel.Exports(50, new double[0], new double[0], new double[0], new int[0][],
        10 * 0.5, 0, 0, null);
    ImpactModel model = ImpactModel.prepare(table, new double[] {0, 0}, new double[] {0.25, 0}, new double[] {3.0},
        0, 1.0, settings, exports, true);
    return model.evaluate(ImpactModel.ones(), ImpactModel.ones(), null);
  }

  @Test
  void importsMoveAsComputedByHand() {
    double[] m = run();
    double qA = Math.pow(1.25, -3) / 0.82; // 0.624390...
    double qB = 1 / 0.82; // 1.219512...
    assertThat(m[Metric.PARTNER_IMPORTS_AFTER.ordinal()] * 1e9).isCloseTo(100 * qA, within(EPS));
    assertThat(m[Metric.IMPORTS_AFTER.ordinal()] * 1e9).isCloseTo(100 * qA + 100 * qB, within(EPS));
    assertThat(m[Metric.IMPORTS_AFTER.ordinal()] * 1e9).isCloseTo(184.390244, within(1e-6));
    assertThat(m[Metric.PARTNER_IMPORTS_CHANGE.ordinal()]).isCloseTo(-37.5610, within(1e-4));
  }

  @Test
  void revenueRatesAndPricesAsComputedByHand() {
    double[] m = run();
    double qA = Math.pow(1.25, -3) / 0.82;
    assertThat(m[Metric.REVENUE_BEFORE.ordinal()]).isZero();
    assertThat(m[Metric.REVENUE_STATIC.ordinal()] * 1e9).isCloseTo(25, within(EPS));
    assertThat(m[Metric.REVENUE_DYNAMIC.ordinal()] * 1e9).isCloseTo(25 * qA, within(EPS)); // 15.609756
    assertThat(m[Metric.ETR_PRE_SUBSTITUTION.ordinal()]).isCloseTo(12.5, within(EPS));
    assertThat(m[Metric.ETR_POST_SUBSTITUTION.ordinal()]).isCloseTo(8.465608, within(1e-6));
    // CES price index: (0.5 x 1.25^-2 + 0.5)^(-1/2) = 0.82^-0.5
    assertThat(m[Metric.IMPORT_PRICE_CHANGE.ordinal()]).isCloseTo(100 * (Math.pow(0.82, -0.5) - 1), within(EPS));
    assertThat(m[Metric.CONSUMER_PRICE_CHANGE.ordinal()]).isCloseTo(0.10 * 10.431526, within(1e-6));
  }

  @Test
  void creationDiversionWelfareAndBalanceAsComputedByHand() {
    double[] m = run();
    double qA = Math.pow(1.25, -3) / 0.82;
    double pr = Math.pow(0.82, -0.5);
    double aA = Math.pow(1.25 / pr, -3);
    double aB = Math.pow(1 / pr, -3);
    assertThat(m[Metric.TRADE_CREATION.ordinal()] * 1e9).isCloseTo(100 * (aA + aB) * (1 / pr - 1), within(EPS)); // -19.23
    assertThat(m[Metric.DIVERSION_TO_OTHERS.ordinal()] * 1e9).isCloseTo(100 * (aB - 1), within(EPS)); // +34.67
    assertThat(m[Metric.DEADWEIGHT_LOSS.ordinal()] * 1e9).isCloseTo(0.5 * 0.25 * (100 - 100 * qA), within(EPS)); // 4.695
    assertThat(m[Metric.TERMS_OF_TRADE.ordinal()]).isZero();
    assertThat(m[Metric.BALANCE_BEFORE.ordinal()] * 1e9).isCloseTo(50 - 100, within(EPS));
    assertThat(m[Metric.BALANCE_AFTER.ordinal()] * 1e9).isCloseTo(50 + 5 - 100 * qA, within(EPS)); // -7.44
  }

  @Test
  void halfPassThroughLeavesHalfTheTariffToTheExporter() {
    FlowTable table = FlowTable.of(List.of(new Flow("8429521010", 0, 100, 0, 0, "hs10")));
    ModelSettings settings = new ModelSettings(1.0, Map.of(), 1.0, Double.POSITIVE_INFINITY, 0.5, 0.10,
        ModelSettings.DEFAULTS.referenceDate(), 0.35, 0.35);
    ImpactModel.Exports none = new ImpactModel.Exports(0, new double[0], new double[0], new double[0], new int[0][], 0, 0, 0, null);
    double[] m = ImpactModel.prepare(table, new double[] {0}, new double[] {0.2}, new double[] {3.0}, -1, 1, settings, none,
        true).evaluate(ImpactModel.ones(), ImpactModel.ones(), null);
    // buyer price 1.1, exporter price 1.1 / 1.2; one origin: quantity 1.1^-1
    double q = 1 / 1.1;
    assertThat(m[Metric.IMPORTS_AFTER.ordinal()] * 1e9).isCloseTo(100 * (1.1 / 1.2) * q, within(EPS));
    assertThat(m[Metric.TERMS_OF_TRADE.ordinal()] * 1e9).isCloseTo(100 * q * (1 - 1.1 / 1.2), within(EPS));
  }

  @Test
  void aCurrencyFallMakesThePartnersGoodsCheaperAndItsImportsOfUsGoodsSmaller() {
    // A (partner) and B, $100 each, no tariff change; A's currency -10%, half passed into its dollar prices
    FlowTable table = FlowTable.of(List.of(new Flow("8429521010", 0, 100, 0, 0, "hs10"),
        new Flow("8429521010", 1, 100, 0, 0, "hs10")));
    ImpactModel.Exports exports = new ImpactModel.Exports(50, new double[0], new double[0], new double[0], new int[0][],
        0, -0.10, 0.5, null);
    double[] m = ImpactModel.prepare(table, new double[] {0, 0}, new double[] {0, 0}, new double[] {3.0}, 0,
        1 - 0.5 * 0.10, ModelSettings.DEFAULTS, exports, true).evaluate(ImpactModel.ones(), ImpactModel.ones(), null);
    double b = 0.95;
    double pr = Math.pow(0.5 * Math.pow(b, -2) + 0.5, -0.5);
    double qA = Math.pow(b / pr, -3) / pr; // eta 1
    assertThat(m[Metric.PARTNER_IMPORTS_AFTER.ordinal()] * 1e9).isCloseTo(100 * b * qA, within(EPS));
    assertThat(m[Metric.TERMS_OF_TRADE.ordinal()] * 1e9).isCloseTo(100 * qA * (1 - b), within(EPS));
    assertThat(m[Metric.IMPORT_PRICE_CHANGE.ordinal()]).isCloseTo(100 * (pr - 1), within(EPS)).isNegative();
    // US exports: 50 x 0.9^(0.5 x 1)
    assertThat(m[Metric.EXPORTS_AFTER.ordinal()] * 1e9).isCloseTo(50 * Math.pow(0.9, 0.5), within(EPS));
  }

  @Test
  void aBarrierCutRaisesUsExportsByTheChaptersTradeElasticity() throws java.io.IOException {
    Elasticities e = Elasticities.read("e.csv", new java.io.ByteArrayInputStream(
        "HS6,zero,positive,sigma\n870323,0,0,-4\n870324,0,0,-6\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .orThrow();
    FlowTable table = FlowTable.of(List.of(new Flow("8703230160", 0, 100, 0, 0, "hs10")));
    // $1 of exports of chapter 87, a 10% barrier removed, plus $2 of purchases
    ImpactModel.Exports exports = new ImpactModel.Exports(50, new double[] {1}, new double[] {10}, new double[] {10},
        new int[][] {{87}}, 2, 0, 0, e);
    double[] m = ImpactModel.prepare(table, new double[] {0}, new double[] {0}, new double[] {5.0}, 0, 1,
        ModelSettings.DEFAULTS, exports, true).evaluate(ImpactModel.ones(), ImpactModel.ones(), null);
    // chapter 87's mean elasticity is 5: exports of 1 become 1.1^5
    assertThat(m[Metric.EXPORTS_AFTER.ordinal()] * 1e9).isCloseTo(50 + (Math.pow(1.1, 5) - 1) + 2, within(EPS));
  }
}
