package org.tariffscope.benchmarks;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tariffscope.analytics.CensusEstimates;
import org.tariffscope.analytics.EffectiveRates;
import org.tariffscope.analytics.EffectiveRates.By;
import org.tariffscope.analytics.PanelDatabase;
import org.tariffscope.analytics.TradeWeights;
import org.tariffscope.basics.Countries;
import org.tariffscope.engine.DutyEngine;
import org.tariffscope.engine.Estimates;
import org.tariffscope.policy.PolicyLoader;
import org.tariffscope.schedule.Schedule;

/**
 * Effective-rate questions on a built panel, as {@code tariffscope etr} asks them once the panel
 * exists: one day overall, one day by country, and the 730 days of 2025-2026 overall and by country.
 * The panel is read from {@code -Dtariffscope.panel=<file>} (default: the user's cache) and built
 * first if missing or stale.
 *
 * <p>Run: {@code java -jar tariffscope-benchmarks/target/benchmarks.jar EffectiveRates}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class EffectiveRatesBenchmark {
  private static final LocalDate DAY = LocalDate.of(2025, 10, 17);
  private PanelDatabase db;
  private EffectiveRates rates;

  @Setup(Level.Trial)
  public void setUp() {
    Path file = System.getProperty("tariffscope.panel") != null ? Path.of(System.getProperty("tariffscope.panel"))
        : PanelDatabase.defaultFile();
    Countries countries = Countries.standard();
    DutyEngine engine = new DutyEngine(Schedule.embedded(), PolicyLoader.loadEmbedded().orThrow(), countries,
        Estimates.NONE);
    if (PanelDatabase.inspect(file, PanelDatabase.fingerprint(engine)) != PanelDatabase.State.READY) {
      engine.schedule().loadAll();
      TradeWeights weights = TradeWeights.load(countries);
      PanelDatabase.build(file, engine.withEstimates(CensusEstimates.load(weights, countries)), weights,
          Runtime.getRuntime().availableProcessors(), (done, all) -> { });
    }
    db = PanelDatabase.open(file);
    rates = new EffectiveRates(db);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    db.close();
  }

  @Benchmark
  public List<EffectiveRates.Row> oneDayOverall() {
    return rates.on(DAY, By.OVERALL, Set.of());
  }

  @Benchmark
  public List<EffectiveRates.Row> oneDayByCountry() {
    return rates.on(DAY, By.COUNTRY, Set.of());
  }

  @Benchmark
  public List<EffectiveRates.Row> seriesOverall() {
    return rates.series(PanelDatabase.FROM, PanelDatabase.UNTIL.minusDays(1), By.OVERALL, Set.of());
  }

  @Benchmark
  public List<EffectiveRates.Row> seriesByCountry() {
    return rates.series(PanelDatabase.FROM, PanelDatabase.UNTIL.minusDays(1), By.COUNTRY, Set.of());
  }
}
