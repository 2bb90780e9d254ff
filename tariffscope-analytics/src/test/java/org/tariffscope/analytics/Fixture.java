package org.tariffscope.analytics;

import org.tariffscope.basics.Countries;
import org.tariffscope.engine.DutyEngine;
import org.tariffscope.engine.Estimates;
import org.tariffscope.policy.PolicyLoader;
import org.tariffscope.schedule.Schedule;

/** The embedded data, loaded once per test JVM: every revision, the policy book and the 2024 weights. */
final class Fixture {
  static final Countries COUNTRIES = Countries.standard();
  static final TradeWeights WEIGHTS = TradeWeights.load(COUNTRIES);
  /** The engine the panel uses: base rates at their Census ad valorem equivalents. */
  static final DutyEngine ENGINE = new DutyEngine(Schedule.embedded(), PolicyLoader.loadEmbedded().orThrow(), COUNTRIES,
      Estimates.NONE).withEstimates(CensusEstimates.load(WEIGHTS, COUNTRIES));

  private Fixture() {
  }
}
