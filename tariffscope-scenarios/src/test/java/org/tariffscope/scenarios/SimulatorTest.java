package org.tariffscope.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.policy.PolicyBook;
import org.tariffscope.policy.PolicyLoader;
import org.tariffscope.schedule.Schedule;

/** The simulator on the real 2024 flows: reproducible draws, rates equal to a full recomputation, sane outputs. */
class SimulatorTest {
  private static Simulator sim;
  private static Scenario noDeal;
  private static Scenario deal;

  @BeforeAll
  static void load() {
    PolicyBook book = PolicyLoader.loadEmbedded().orThrow();
    sim = new Simulator(Schedule.embedded(), book, Countries.standard());
    noDeal = sim.loader().load("japan-24pct-july").orThrow();
    deal = sim.loader().load("japan-deal").orThrow();
  }

  @Test
  void drawsAreReproducibleWithTheSeed() {
    SimulationResult a = sim.simulate(noDeal, 40, 7);
    SimulationResult b = sim.simulate(noDeal, 40, 7);
    SimulationResult c = sim.simulate(noDeal, 40, 8);
    assertThat(a.headline()).isEqualTo(b.headline());
    assertThat(a.get(Metric.PARTNER_IMPORTS_AFTER).p5()).isNotEqualTo(c.get(Metric.PARTNER_IMPORTS_AFTER).p5());
    SimulationResult.Headline h = a.get(Metric.PARTNER_IMPORTS_AFTER);
    assertThat(h.p5()).isLessThanOrEqualTo(h.p50()).isLessThanOrEqualTo(h.p95());
    assertThat(h.p5()).isLessThan(h.p95());
    // outputs that do not depend on elasticities have no spread
    SimulationResult.Headline rev = a.get(Metric.REVENUE_STATIC);
    assertThat(rev.p5()).isEqualTo(rev.p95()).isCloseTo(rev.value(), org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void ratesOfOnlyTheAffectedOriginsEqualAFullRecomputation() {
    FlowRates incremental = sim.rates(noDeal.book(), noDeal.evaluation());
    FlowRates full = FlowRates.compute(sim.flows(), sim.engine(noDeal.book()), noDeal.evaluation(), 2);
    boolean[] affected = Simulator.affectedOrigins(deal.book(), noDeal.book(), noDeal.evaluation(), sim.countries());
    assertThat(affected).isNotNull();
    assertThat(affected[sim.countries().parse("JP").index()]).isTrue();
    assertThat(affected[sim.countries().parse("KR").index()]).isFalse();
    for (int i = 0; i < sim.flows().flows(); i++) {
      assertThat(Double.compare(incremental.rate(i), full.rate(i))).as("flow %d", i).isZero();
    }
  }

  @Test
  void noDealCutsImportsFromJapanMoreThanTheDealAndRaisesTheirRate() {
    SimulationResult a = sim.simulate(noDeal, 0, Simulator.DEFAULT_SEED);
    SimulationResult c = sim.simulate(deal, 0, Simulator.DEFAULT_SEED);
    assertThat(a.get(Metric.PARTNER_IMPORTS_BEFORE).value()).isCloseTo(c.get(Metric.PARTNER_IMPORTS_BEFORE).value(),
        org.assertj.core.api.Assertions.within(1e-9)).isBetween(140.0, 160.0);
    assertThat(a.get(Metric.PARTNER_IMPORTS_AFTER).value()).isLessThan(c.get(Metric.PARTNER_IMPORTS_AFTER).value());
    SimulationResult.Breakdown jpA = a.byOrigin().stream().filter(b -> b.key().equals("JP")).findFirst().orElseThrow();
    SimulationResult.Breakdown jpC = c.byOrigin().stream().filter(b -> b.key().equals("JP")).findFirst().orElseThrow();
    assertThat(jpA.rateAfterPct()).isGreaterThan(jpC.rateAfterPct());
    // before is the same reference for both
    assertThat(a.get(Metric.REVENUE_BEFORE).value()).isCloseTo(c.get(Metric.REVENUE_BEFORE).value(),
        org.assertj.core.api.Assertions.within(1e-9));
    assertThat(a.get(Metric.BALANCE_BEFORE).value()).isCloseTo(79.74 - a.get(Metric.PARTNER_IMPORTS_BEFORE).value(),
        org.assertj.core.api.Assertions.within(1e-9));
    // every flow is covered; the breakdowns add up to the total
    double byOrigin = a.byOrigin().stream().mapToDouble(SimulationResult.Breakdown::afterBusd).sum();
    assertThat(byOrigin).isCloseTo(a.get(Metric.IMPORTS_AFTER).value(), org.assertj.core.api.Assertions.within(1e-6));
    double byChapter = a.byChapter().stream().mapToDouble(SimulationResult.Breakdown::beforeBusd).sum();
    assertThat(byChapter).isCloseTo(a.get(Metric.IMPORTS_BEFORE).value(), org.assertj.core.api.Assertions.within(1e-6));
  }

  @Test
  void theOfferAddsHalfOfItsPurchasesAndTheCarExportsToTheBalance() {
    Scenario b = sim.loader().load("japan-status-quo-april").orThrow();
    Scenario d = sim.loader().load("japan-offer").orThrow();
    SimulationResult rb = sim.simulate(b, 0, 1);
    SimulationResult rd = sim.simulate(d, 0, 1);
    assertThat(rd.get(Metric.PARTNER_IMPORTS_AFTER).value()).isCloseTo(rb.get(Metric.PARTNER_IMPORTS_AFTER).value(),
        org.assertj.core.api.Assertions.within(1e-9));
    double added = rd.get(Metric.EXPORTS_AFTER).value() - rb.get(Metric.EXPORTS_AFTER).value();
    // $4B of purchases plus the car exports' response to a 10-point barrier cut
    assertThat(added).isGreaterThan(4.0).isLessThan(6.0);
  }

  @Test
  void drawsOutOfRangeAreRefused() {
    assertThatThrownBy(() -> sim.simulate(deal, -1, 1)).isInstanceOf(InvalidInputException.class);
  }
}
