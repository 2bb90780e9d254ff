package org.tariffscope.scenarios;

import java.time.LocalDate;
import java.util.List;

/**
 * What a simulation reports: the scenario, each headline metric (central value and, with draws,
 * its 5th, 50th and 95th percentiles), imports before and after by origin, HS chapter and GTAP
 * sector (central values), and how much of the data the result rests on. Immutable.
 *
 * @param scenario the scenario's name, title, file, base, partner and period
 * @param draws number of elasticity draws (0: central values only)
 * @param seed the random seed of the draws
 * @param headline every metric, in {@link Metric} order (partner metrics only with a partner)
 * @param byOrigin origins, largest 2024 imports first (the largest ones, then the rest together)
 * @param byChapter HS chapters, largest first
 * @param bySector GTAP sectors, largest first
 * @param coverage data coverage and timings
 * @param edits the policy edits of the scenario and its bases, in words
 * @param notes the assumptions a reader must know
 */
public record SimulationResult(ScenarioInfo scenario, int draws, long seed, List<Headline> headline,
    List<Breakdown> byOrigin, List<Breakdown> byChapter, List<Breakdown> bySector, Coverage coverage,
    List<String> edits, List<String> notes) {

  public SimulationResult {
    headline = List.copyOf(headline);
    byOrigin = List.copyOf(byOrigin);
    byChapter = List.copyOf(byChapter);
    bySector = List.copyOf(bySector);
    edits = List.copyOf(edits);
    notes = List.copyOf(notes);
  }

  /** The scenario as reported. */
  public record ScenarioInfo(String name, String title, String file, String base, String partnerIso2,
      String partnerName, LocalDate from, LocalDate until, LocalDate referenceDate) {
  }

  /**
   * One metric: the central value (elasticities at their central values) and, with draws, the
   * percentiles over the draws (NaN without draws).
   */
  public record Headline(Metric metric, double value, double p5, double p50, double p95) {
    public boolean hasBand() {
      return !Double.isNaN(p5);
    }
  }

  /**
   * Imports of one origin, chapter or sector, before and after; the rates before and after are both
   * weighted by 2024 imports (pre-substitution), percent.
   */
  public record Breakdown(String key, String label, double beforeBusd, double afterBusd, double rateBeforePct,
      double rateAfterPct) {
    public double changePct() {
      return beforeBusd == 0 ? 0 : 100 * (afterBusd / beforeBusd - 1);
    }
  }

  /**
   * @param flows 2024 flows (HTS-10 x origin)
   * @param units flows merged into units with equal rates (what the draws compute)
   * @param importsBusd 2024 imports covered
   * @param unpricedBusd imports whose product the schedule no longer has (held at no change)
   * @param sigmaHs6Pct share of imports whose elasticity is the product's own HS-6 estimate
   * @param sigmaHs4Pct share from the HS-4 mean
   * @param sigmaHs2Pct share from the HS-2 mean
   * @param sigmaMedianPct share of chapters without any estimate (the median of all)
   * @param ratesMillis time to price the flows under the scenario's book
   * @param modelMillis time of the model (central and draws)
   */
  public record Coverage(int flows, int units, double importsBusd, double unpricedBusd, double sigmaHs6Pct,
      double sigmaHs4Pct, double sigmaHs2Pct, double sigmaMedianPct, long ratesMillis, long modelMillis) {
  }

  /** The headline of one metric. */
  public Headline get(Metric m) {
    return headline.stream().filter(h -> h.metric() == m).findFirst().orElseThrow();
  }
}
