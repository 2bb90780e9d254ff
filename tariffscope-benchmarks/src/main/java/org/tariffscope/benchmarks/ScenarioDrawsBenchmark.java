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
import org.tariffscope.policy.PolicyLoader;
import org.tariffscope.scenarios.Scenario;
import org.tariffscope.scenarios.SimulationResult;
import org.tariffscope.scenarios.Simulator;
import org.tariffscope.schedule.Schedule;

/**
 * A simulation whose rates are known (the second run of a scenario): the model's central pass and
 * breakdowns plus {@code draws} elasticity draws on all cores, over a share of the products.
 *
 * <p>Run: {@code java -jar tariffscope-benchmarks/target/benchmarks.jar ScenarioDraws}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
public class ScenarioDrawsBenchmark {
  @Param({"0.25", "0.5", "1.0"})
  public double products;

  @Param({"0", "100", "1000"})
  public int draws;

  private Simulator sim;
  private Scenario scenario;

  @Setup(Level.Trial)
  public void setUp() {
    sim = Simulator.sampled(Schedule.embedded(), PolicyLoader.loadEmbedded().orThrow(), Countries.standard(), products);
    scenario = sim.loader().load("japan-24pct-july").orThrow();
    sim.simulate(scenario, 0, 1);
  }

  @Benchmark
  public SimulationResult simulate() {
    return sim.simulate(scenario, draws, Simulator.DEFAULT_SEED);
  }
}
