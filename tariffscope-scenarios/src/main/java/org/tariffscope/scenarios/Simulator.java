package org.tariffscope.scenarios;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.tariffscope.analytics.CensusEstimates;
import org.tariffscope.analytics.TradeWeights;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.DateInterval;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.engine.DutyEngine;
import org.tariffscope.policy.PolicyBook;
import org.tariffscope.schedule.Schedule;

/**
 * Runs scenarios: prices the 2024 flows under the reference book and the scenario's book with the
 * duty engine ({@link FlowRates}), then evaluates the {@link ImpactModel} at the central elasticities
 * and, when asked, at {@code draws} sampled sets of them. Holds the flows, elasticities and export
 * figures (loaded once) and caches the rates of the books it has priced. Thread-safe.
 */
public final class Simulator {
  /** The seed of the draws when none is given. */
  public static final long DEFAULT_SEED = 20250409L;
  /** At most this many draws in one run. */
  public static final int MAX_DRAWS = 100_000;
  /** Origins shown one by one in a breakdown; the rest are summed. */
  private static final int TOP_ORIGINS = 15;

  private final Schedule schedule;
  private final PolicyBook actual;
  private final Countries countries;
  private final FlowTable table;
  private final CensusEstimates estimates;
  private final Elasticities elasticities;
  private final PartnerExports exports;
  private final double[] sigmaOfProduct;
  private final Elasticities.Level[] levelOfProduct;
  private final int threads;
  private final List<String> elasticityWarnings;
  private final Map<Object, FlowRates> rates = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Object, FlowRates> eldest) {
      return size() > 12;
    }
  };
  private final Map<PolicyBook, DutyEngine> engines = new java.util.IdentityHashMap<>();

  public Simulator(Schedule schedule, PolicyBook actual, Countries countries) {
    this(schedule, actual, countries, Elasticities.protee());
  }

  public Simulator(Schedule schedule, PolicyBook actual, Countries countries, Elasticities elasticities) {
    this(schedule, actual, countries, elasticities, 1.0);
  }

  /**
   * A simulator over a share of the products (every product whose code hashes below the share; for
   * benchmarks of how the cost grows with the number of flows).
   */
  public static Simulator sampled(Schedule schedule, PolicyBook actual, Countries countries, double productShare) {
    return new Simulator(schedule, actual, countries, Elasticities.protee(), productShare);
  }

  private Simulator(Schedule schedule, PolicyBook actual, Countries countries, Elasticities elasticities,
      double productShare) {
    this.schedule = schedule;
    this.actual = actual;
    this.countries = countries;
    TradeWeights weights = TradeWeights.load(countries);
    this.table = productShare >= 1 ? FlowTable.of(weights) : FlowTable.of(weights, h ->
        Math.floorMod(h.hashCode() * 0x9E3779B9, 1000) < productShare * 1000);
    this.estimates = CensusEstimates.load(weights, countries);
    this.elasticities = elasticities;
    List<org.tariffscope.policy.PolicyProblem> missing = elasticities.coverageProblems(table);
    if (missing.stream().anyMatch(org.tariffscope.policy.PolicyProblem::isError)) {
      throw new ScenarioException(missing);
    }
    this.elasticityWarnings = missing.stream().map(Object::toString).toList();
    this.exports = PartnerExports.load(countries);
    this.sigmaOfProduct = new double[table.products.length];
    this.levelOfProduct = new Elasticities.Level[table.products.length];
    for (int p = 0; p < table.products.length; p++) {
      Elasticities.Match m = elasticities.of(table.products[p]);
      sigmaOfProduct[p] = m.sigma();
      levelOfProduct[p] = m.level();
    }
    this.threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
  }

  /** Forgets the rates computed so far (benchmarks of the first simulation of a book). */
  public synchronized void forgetRates() {
    rates.clear();
  }

  /** A loader of scenarios over this simulator's actual book. */
  public ScenarioLoader loader() {
    return new ScenarioLoader(actual, countries);
  }

  public FlowTable flows() {
    return table;
  }

  public Countries countries() {
    return countries;
  }

  /** The engine of a book (the panel's estimates for specific rates and metal content). */
  public synchronized DutyEngine engine(PolicyBook book) {
    return engines.computeIfAbsent(book, b -> new DutyEngine(schedule, b, countries, estimates));
  }

  /** The rates of every flow under a book over a period, computed once and cached. */
  public FlowRates rates(PolicyBook book, DateInterval period) {
    Object key = List.of(System.identityHashCode(book), book, period);
    synchronized (this) {
      FlowRates r = rates.get(key);
      if (r != null) {
        return r;
      }
    }
    FlowRates r;
    boolean[] affected = book == actual ? null : affectedOrigins(actual, book, period, countries);
    if (affected == null) {
      r = FlowRates.compute(table, engine(book), period, threads);
    } else {
      r = FlowRates.compute(table, engine(book), period, threads, affected, rates(actual, period).rate);
    }
    synchronized (this) {
      rates.put(key, r);
    }
    return r;
  }

  /**
   * The origins for which two books may give different rates over a period: those for which the
   * measures that include them differ (heading, authority, rate, base, conditions, products,
   * stacking, tags, or days in force within the period). Flows of other origins keep the first book's
   * rates, since a measure bears only on the origins it includes. Null when most origins differ.
   */
  static boolean[] affectedOrigins(PolicyBook a, PolicyBook b, DateInterval period, Countries countries) {
    Map<Signature, Integer> ids = new HashMap<>();
    List<List<Integer>> sa = signatures(a, period, countries, ids);
    List<List<Integer>> sb = signatures(b, period, countries, ids);
    boolean[] out = new boolean[countries.size()];
    int n = 0;
    for (int c = 0; c < out.length; c++) {
      if (!sa.get(c).equals(sb.get(c))) {
        out[c] = true;
        n++;
      }
    }
    return n > out.length / 2 ? null : out;
  }

  private record Signature(org.tariffscope.basics.HtsCode heading, org.tariffscope.basics.Authority authority,
      org.tariffscope.policy.MeasureRate rate, org.tariffscope.basics.ValueBase base,
      org.tariffscope.policy.Conditions when, org.tariffscope.policy.ProductScope products,
      List<org.tariffscope.policy.StackingRef> yieldsTo, java.util.Set<String> tags, java.time.LocalDate from,
      java.time.LocalDate until) {
  }

  /** For each country, the sorted ids of the measure signatures that include it (ids shared between books). */
  private static List<List<Integer>> signatures(PolicyBook book, DateInterval period, Countries countries,
      Map<Signature, Integer> ids) {
    List<List<Integer>> out = new ArrayList<>();
    for (int c = 0; c < countries.size(); c++) {
      out.add(new ArrayList<>());
    }
    for (org.tariffscope.policy.Measure m : book.measures()) {
      if (m.printedOnly() || !m.effective().overlaps(period)) {
        continue;
      }
      java.time.LocalDate from = m.effective().start().isAfter(period.start()) ? m.effective().start() : period.start();
      java.time.LocalDate until = m.effective().endExclusive() == null
          || m.effective().endExclusive().isAfter(period.endExclusive()) ? period.endExclusive() : m.effective().endExclusive();
      int id = ids.computeIfAbsent(new Signature(m.heading(), m.authority(), m.rate(), m.base(), m.when(), m.products(),
          m.yieldsTo(), m.tags(), from, until), k -> ids.size());
      for (Country c : countries.all()) {
        if (m.countries().includes(c)) {
          out.get(c.index()).add(id);
        }
      }
    }
    for (List<Integer> l : out) {
      l.sort(null);
    }
    return out;
  }

  /**
   * Simulates a scenario.
   *
   * @param draws 0 for central values only; else the number of sampled elasticity sets
   * @param seed the seed of the draws (the same seed gives the same percentiles)
   */
  public SimulationResult simulate(Scenario s, int draws, long seed) {
    if (draws < 0 || draws > MAX_DRAWS) {
      throw new InvalidInputException("--draws must be from 0 to " + MAX_DRAWS + ", not " + draws);
    }
    ModelSettings settings = s.model();
    long t0 = System.nanoTime();
    DateInterval reference = DateInterval.of(settings.referenceDate(), settings.referenceDate().plusDays(1));
    FlowRates before = rates(actual, reference);
    FlowRates after = rates(s.book(), s.evaluation());
    long ratesMillis = (System.nanoTime() - t0) / 1_000_000;

    long t1 = System.nanoTime();
    int partnerIndex = s.partner() == null ? -1 : s.partner().index();
    double fxFactor = s.exchangeRate() == null ? 1 : 1 + s.exchangeRate().passThrough() * s.exchangeRate().change();
    ImpactModel.Exports ex = exportsOf(s);
    int[] unitOfFlow = new int[table.flows()];
    ImpactModel merged = ImpactModel.prepare(table, before.rate, after.rate, sigmaOfProduct, partnerIndex, fxFactor,
        settings, ex, true, unitOfFlow);
    double[] perUnit = new double[merged.units()];
    double[] central = merged.evaluate(ImpactModel.ones(), ImpactModel.ones(), perUnit);
    // each flow moves as its unit does
    double[] perFlow = new double[table.flows()];
    for (int i = 0; i < perFlow.length; i++) {
      int u = unitOfFlow[i];
      double v = merged.valueBefore(u);
      perFlow[i] = v > 0 ? table.value[i] * perUnit[u] / v : 0;
    }

    double[][] drawn = draws == 0 ? null : draw(merged, settings, draws, seed);
    List<SimulationResult.Headline> headline = new ArrayList<>();
    for (Metric m : Metric.values()) {
      if (m.partnerOnly() && partnerIndex < 0) {
        continue;
      }
      double v = central[m.ordinal()];
      if (drawn == null) {
        headline.add(new SimulationResult.Headline(m, v, Double.NaN, Double.NaN, Double.NaN));
      } else {
        double[] xs = new double[draws];
        for (int d = 0; d < draws; d++) {
          xs[d] = drawn[d][m.ordinal()];
        }
        Arrays.sort(xs);
        headline.add(new SimulationResult.Headline(m, v, percentile(xs, 5), percentile(xs, 50), percentile(xs, 95)));
      }
    }
    long modelMillis = (System.nanoTime() - t1) / 1_000_000;

    double unpriced = 0;
    for (int i = 0; i < table.flows(); i++) {
      if (Double.isNaN(before.rate[i]) || Double.isNaN(after.rate[i])) {
        unpriced += table.value[i];
      }
    }
    double[] level = new double[Elasticities.Level.values().length];
    for (int p = 0; p < table.products.length; p++) {
      for (int i = table.start[p]; i < table.start[p + 1]; i++) {
        level[levelOfProduct[p].ordinal()] += table.value[i];
      }
    }
    SimulationResult.Coverage coverage = new SimulationResult.Coverage(table.flows(), merged.units(),
        table.total / 1e9, unpriced / 1e9, 100 * level[0] / table.total, 100 * level[1] / table.total,
        100 * level[2] / table.total, 100 * level[3] / table.total, ratesMillis, modelMillis);
    Country partner = s.partner();
    SimulationResult.ScenarioInfo info = new SimulationResult.ScenarioInfo(s.name(), s.title(), s.file(), s.base(),
        partner == null ? null : partner.iso2(), partner == null ? null : partner.name(), s.evaluation().start(),
        s.evaluation().endExclusive(), settings.referenceDate());
    List<String> edits = s.edits().stream().map(e -> e.text() + " (" + e.at() + ")").toList();
    return new SimulationResult(info, draws, seed, headline, byOrigin(before, after, perFlow),
        byKey(before, after, perFlow, p -> ImpactModel.chapterKey(table.chapter[p]), k -> "Chapter " + k),
        byKey(before, after, perFlow, p -> table.sector[p] < 0 ? "unmapped" : table.sectors[table.sector[p]],
            k -> table.sectorNames.getOrDefault(k, k.equals("unmapped") ? "Not in the GTAP crosswalk" : k)),
        coverage, edits, notes(s, ex));
  }

  private ImpactModel.Exports exportsOf(Scenario s) {
    if (s.partner() == null) {
      return new ImpactModel.Exports(0, new double[0], new double[0], new double[0], new int[0][], 0, 0, 0, elasticities);
    }
    double before = exports.of(s.partner()).orElseThrow(() -> new InvalidInputException("No 2024 US export figure for "
        + s.partner().name() + " in " + PartnerExports.FILE));
    List<Scenario.BarrierCut> cuts = s.commitments().cuts();
    double[] value = new double[cuts.size()];
    double[] aveBefore = new double[cuts.size()];
    double[] points = new double[cuts.size()];
    int[][] chapters = new int[cuts.size()][];
    for (int k = 0; k < cuts.size(); k++) {
      Scenario.BarrierCut c = cuts.get(k);
      value[k] = c.usExports2024();
      aveBefore[k] = c.aveBefore();
      points[k] = c.avePointsCut();
      chapters[k] = c.chapters().stream().mapToInt(Integer::parseInt).toArray();
    }
    double purchases = 0;
    for (Scenario.Purchase p : s.commitments().purchases()) {
      purchases += p.usdPerYear() * p.additionalShare();
    }
    Scenario.ExchangeRate fx = s.exchangeRate();
    return new ImpactModel.Exports(before, value, aveBefore, points, chapters, purchases, fx == null ? 0 : fx.change(),
        fx == null ? 0 : fx.passThrough(), elasticities);
  }

  /** Each draw's metrics: multipliers drawn in order from one generator, then evaluated in parallel. */
  static double[][] draw(ImpactModel model, ModelSettings settings, int draws, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] sigmaMult = new double[draws][ImpactModel.CHAPTERS];
    double[][] etaMult = new double[draws][ImpactModel.CHAPTERS];
    for (int d = 0; d < draws; d++) {
      for (int c = 0; c < ImpactModel.CHAPTERS; c++) {
        sigmaMult[d][c] = Math.exp(settings.sigmaSpread() * rng.nextGaussian());
        etaMult[d][c] = Math.exp(settings.etaSpread() * rng.nextGaussian());
      }
    }
    double[][] out = new double[draws][];
    IntStream.range(0, draws).parallel().forEach(d -> out[d] = model.evaluate(sigmaMult[d], etaMult[d], null));
    return out;
  }

  /** Linear interpolation between closest ranks (type 7), of sorted values. */
  static double percentile(double[] sorted, double pct) {
    if (sorted.length == 1) {
      return sorted[0];
    }
    double h = (sorted.length - 1) * pct / 100;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private List<SimulationResult.Breakdown> byOrigin(FlowRates before, FlowRates after, double[] perFlow) {
    int n = countries.size();
    double[] b = new double[n];
    double[] a = new double[n];
    double[] rb = new double[n];
    double[] ra = new double[n];
    for (int i = 0; i < table.flows(); i++) {
      int c = table.origin[i];
      b[c] += table.value[i];
      a[c] += perFlow[i];
      rb[c] += table.value[i] * clean(before.rate[i]);
      ra[c] += table.value[i] * clean(after.rate[i]);
    }
    Integer[] order = new Integer[n];
    for (int c = 0; c < n; c++) {
      order[c] = c;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -b[c]));
    List<SimulationResult.Breakdown> out = new ArrayList<>();
    double[] rest = new double[4];
    for (int k = 0; k < n; k++) {
      int c = order[k];
      if (b[c] <= 0) {
        break;
      }
      if (k < TOP_ORIGINS) {
        Country country = countries.get(c);
        out.add(new SimulationResult.Breakdown(country.iso2(), country.name(), b[c] / 1e9, a[c] / 1e9,
            100 * rb[c] / b[c], 100 * ra[c] / b[c]));
      } else {
        rest[0] += b[c];
        rest[1] += a[c];
        rest[2] += rb[c];
        rest[3] += ra[c];
      }
    }
    if (rest[0] > 0) {
      out.add(new SimulationResult.Breakdown("other", "All other origins", rest[0] / 1e9, rest[1] / 1e9,
          100 * rest[2] / rest[0], 100 * rest[3] / rest[0]));
    }
    return out;
  }

  private List<SimulationResult.Breakdown> byKey(FlowRates before, FlowRates after, double[] perFlow,
      java.util.function.IntFunction<String> keyOf, java.util.function.Function<String, String> labelOf) {
    Map<String, double[]> sums = new HashMap<>();
    for (int p = 0; p < table.products.length; p++) {
      double[] s = sums.computeIfAbsent(keyOf.apply(p), k -> new double[4]);
      for (int i = table.start[p]; i < table.start[p + 1]; i++) {
        s[0] += table.value[i];
        s[1] += perFlow[i];
        s[2] += table.value[i] * clean(before.rate[i]);
        s[3] += table.value[i] * clean(after.rate[i]);
      }
    }
    List<SimulationResult.Breakdown> out = new ArrayList<>();
    sums.forEach((k, s) -> out.add(new SimulationResult.Breakdown(k, labelOf.apply(k), s[0] / 1e9, s[1] / 1e9,
        s[0] > 0 ? 100 * s[2] / s[0] : 0, s[0] > 0 ? 100 * s[3] / s[0] : 0)));
    out.sort(Comparator.comparingDouble((SimulationResult.Breakdown r) -> -r.beforeBusd()));
    return out;
  }

  private static double clean(double r) {
    return Double.isNaN(r) ? 0 : r;
  }

  private List<String> notes(Scenario s, ImpactModel.Exports ex) {
    ModelSettings m = s.model();
    List<String> notes = new ArrayList<>();
    notes.add("Before: 2024 US imports (Census, customs value) at the tariffs of " + m.referenceDate()
        + " (the actual measure book); after: the same flows moved to the scenario's tariffs of "
        + (s.evaluation().endExclusive().equals(s.evaluation().start().plusDays(1)) ? s.evaluation().start()
            : s.evaluation().start() + " .. " + s.evaluation().lastDay().orElseThrow() + " (time-weighted)")
        + ". Amounts are a year at 2024 volumes and prices.");
    notes.add("Elasticities: substitution between origins from CEPII ProTEE by HS-6 (x" + fmt(m.substitutionScale())
        + "); import demand " + fmt(m.importDemandElasticity())
        + (m.importDemandByChapter().isEmpty() ? "" : " (chapters " + m.importDemandByChapter() + ")")
        + "; export supply " + (Double.isInfinite(m.exportSupplyElasticity()) ? "infinite" : fmt(m.exportSupplyElasticity()))
        + "; tariff pass-through " + fmt(m.tariffPassThrough()) + ".");
    notes.addAll(elasticityWarnings);
    notes.add("Consumer prices: import price change x import content of US consumer spending ("
        + fmt(100 * m.consumerImportShare()) + "%, Hale, Hobijn, Nechio and Wilson 2019).");
    if (s.partner() != null) {
      notes.add("Balance with " + s.partner().name() + ": US exports of 2024 (" + exports.source(s.partner())
          + ") less imports for consumption; purchase commitments add $" + fmt(ex.purchases() / 1e9) + "B a year"
          + (s.commitments().cuts().isEmpty() ? "" : "; barrier cuts raise US exports by the trade elasticity of their chapters")
          + (s.exchangeRate() == null ? "" : "; currency " + fmt(100 * s.exchangeRate().change()) + "% with pass-through "
              + fmt(s.exchangeRate().passThrough())) + ".");
    }
    return notes;
  }

  static String fmt(double v) {
    return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
