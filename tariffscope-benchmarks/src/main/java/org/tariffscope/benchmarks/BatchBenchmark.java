package org.tariffscope.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
import org.tariffscope.engine.DutyRequest;

/**
 * Batch throughput: price N generated entries (the 2024 import mix, days across 2025-2026) on all
 * cores, as {@code tariffscope duty --input} does, excluding CSV reading and writing. The score is the
 * time for the whole batch; entries per second = N / score.
 *
 * <p>Run: {@code java -jar tariffscope-benchmarks/target/benchmarks.jar Batch}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class BatchBenchmark {
  @Param({"1000000"})
  public int entries;

  private List<DutyRequest> requests;

  @Setup(Level.Trial)
  public void setUp(EngineState state) {
    requests = state.draw(entries);
  }

  @Benchmark
  public long priceAll(EngineState state) {
    LongAdder ok = new LongAdder();
    requests.parallelStream().forEach(r -> {
      if (state.engine.compute(r, false).isSuccess()) {
        ok.increment();
      }
    });
    return ok.sum();
  }
}
