package org.tariffscope.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tariffscope.basics.Countries;
import org.tariffscope.policy.PolicyBook;
import org.tariffscope.policy.PolicyLoader;
import org.tariffscope.scenarios.FlowRates;
import org.tariffscope.scenarios.Scenario;
import org.tariffscope.scenarios.SimulationResult;
import org.tariffscope.scenarios.Simulator;
import org.tariffscope.schedule.Schedule;

/**
 * One scenario over the 2024 flows (1.92 million HTS-10 x origin flows, or a share of the products):
 * <ul>
 *   <li>{@code firstRun}: price every flow under the scenario's book with the engine (only the origins
 *       whose measures differ from the actual book's; the actual book's rates are computed once, in
 *       the setup) and run the model, central values and breakdowns;</li>
 *   <li>{@code scenarioRates}: that engine pass alone;</li>
 *   <li>{@code allOrigins}: the engine pass over every flow of the scenario's book, for comparison;</li>
 *   <li>{@code draws}: the model alone with {@code draws} elasticity draws (rates already known).</li>
 * </ul>
 * Run: {@code java -jar tariffscope-benchmarks/target/benchmarks.jar Scenario}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
public class ScenarioBenchmark {
  /** Share of the products simulated (1 = all 18,650). */
  @Param({"1.0"})
  public double products;

  @Param({"0"})
  public int draws;

  private Simulator sim;
  private Scenario scenario;

  @Setup(Level.Trial)
  public void setUp() {
    Schedule schedule = Schedule.embedded();
    PolicyBook book = PolicyLoader.loadEmbedded().orThrow();
    sim = Simulator.sampled(schedule, book, Countries.standard(), products);
    scenario = sim.loader().load("japan-24pct-july").orThrow();
  }

  /** Warm caches of the actual book's rates (reference day and evaluated day), not of the scenario's. */
  @Setup(Level.Invocation)
  public void forget() {
    sim.forgetRates();
    sim.rates(sim.loader().load("japan-deal").orThrow().book(), scenario.evaluation());
    sim.rates(scenario.book(), org.tariffscope.basics.DateInterval.of(scenario.model().referenceDate(),
        scenario.model().referenceDate().plusDays(1)));
  }

  @Benchmark
  public SimulationResult firstRun() {
    return sim.simulate(scenario, draws, Simulator.DEFAULT_SEED);
  }

  /** The engine pass alone: the flows of the origins the scenario changes (Japan), the others reused. */
  @Benchmark
  public FlowRates scenarioRates() {
    return sim.rates(scenario.book(), scenario.evaluation());
  }

  @Benchmark
  public FlowRates allOrigins() {
    return FlowRates.compute(sim.flows(), sim.engine(scenario.book()), scenario.evaluation(), 2);
  }
}
