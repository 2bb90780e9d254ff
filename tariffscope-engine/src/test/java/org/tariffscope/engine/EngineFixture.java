package org.tariffscope.engine;

import org.tariffscope.basics.Countries;
import org.tariffscope.policy.PolicyBook;
import org.tariffscope.policy.PolicyLoader;
import org.tariffscope.schedule.Schedule;

/** One engine over the shipped schedule and policy book, shared by the tests of this module. */
final class EngineFixture {
  private static final class Holder {
    static final PolicyBook BOOK = PolicyLoader.loadEmbedded().orThrow();
    static final DutyEngine ENGINE = new DutyEngine(Schedule.embedded(), BOOK, Countries.standard(), Estimates.NONE);
  }

  private EngineFixture() {
  }

  static DutyEngine engine() {
    return Holder.ENGINE;
  }

  static PolicyBook book() {
    return Holder.BOOK;
  }
}
