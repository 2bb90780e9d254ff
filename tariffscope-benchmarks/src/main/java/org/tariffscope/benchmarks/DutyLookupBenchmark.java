package org.tariffscope.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tariffscope.basics.Result;
import org.tariffscope.engine.DutyBreakdown;
import org.tariffscope.engine.DutyRequest;

/**
 * One warm duty lookup, single-threaded, over a rotating set of 4,096 realistic entries (so the
 * branch predictor and caches see the real variety). {@code explained} collects the measures
 * considered and not applied, as the CLI and the web app do; {@code rateOnly} is what the panel uses.
 *
 * <p>Run: {@code java -jar tariffscope-benchmarks/target/benchmarks.jar DutyLookup -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class DutyLookupBenchmark {
  private DutyRequest[] requests;
  private int next;

  @Setup(Level.Trial)
  public void setUp(EngineState state) {
    List<DutyRequest> drawn = state.draw(4096);
    requests = drawn.toArray(new DutyRequest[0]);
  }

  @Benchmark
  public Result<DutyBreakdown> explained(EngineState state) {
    return state.engine.compute(requests[next++ & 4095], true);
  }

  @Benchmark
  public Result<DutyBreakdown> rateOnly(EngineState state) {
    return state.engine.compute(requests[next++ & 4095], false);
  }
}
