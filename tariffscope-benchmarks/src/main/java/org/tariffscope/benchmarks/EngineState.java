package org.tariffscope.benchmarks;

import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tariffscope.basics.Countries;
import org.tariffscope.engine.DutyEngine;
import org.tariffscope.engine.DutyRequest;
import org.tariffscope.engine.Estimates;
import org.tariffscope.policy.PolicyLoader;
import org.tariffscope.schedule.Schedule;

/** The engine over the shipped data, with every schedule revision loaded, and a realistic entry mix. */
@State(Scope.Benchmark)
public class EngineState {
  DutyEngine engine;
  EntryMix mix;

  @Setup(Level.Trial)
  public void setUp() {
    Schedule schedule = Schedule.embedded();
    schedule.revisions().forEach(schedule::load);
    engine = new DutyEngine(schedule, PolicyLoader.loadEmbedded().orThrow(), Countries.standard(), Estimates.NONE);
    mix = new EntryMix(schedule);
  }

  List<DutyRequest> draw(int n) {
    return mix.draw(n, 20250402L);
  }
}
