package org.tariffscope.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.DateInterval;
import org.tariffscope.basics.DutyRate;
import org.tariffscope.basics.Failure;
import org.tariffscope.basics.FailureReason;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.Money;
import org.tariffscope.basics.Percent;
import org.tariffscope.basics.Result;
import org.tariffscope.basics.SpecificDuty;
import org.tariffscope.basics.ValueBase;
import org.tariffscope.engine.NotAppliedMeasure.Reason;
import org.tariffscope.policy.BaseRateRule;
import org.tariffscope.policy.Conditions;
import org.tariffscope.policy.Measure;
import org.tariffscope.policy.MeasureRate;
import org.tariffscope.policy.PolicyBook;
import org.tariffscope.policy.ProductIndex;
import org.tariffscope.schedule.HtsLine;
import org.tariffscope.schedule.HtsRevision;
import org.tariffscope.schedule.RateReading;
import org.tariffscope.schedule.RevisionInfo;
import org.tariffscope.schedule.Schedule;
import org.tariffscope.schedule.SpecialPrograms;

/**
 * Prices one entry: the base rate from the schedule in force, then every measure of the policy
 * book whose product, origin and dates fit, decided in stacking order, each with the reason it
 * applies or not. Computing the number and explaining it are the same code path.
 *
 * <p>Pure and thread-safe: the engine holds only immutable data (and caches of it); the date is
 * always a parameter. One engine serves the CLI, the web app and the batch jobs.
 */
public final class DutyEngine {
  /** Tariffscope covers entries from this day; the shipped data begins with the 2025 basic edition. */
  public static final LocalDate FIRST_DATE = LocalDate.of(2025, 1, 1);

  private static final MathContext MC = MathContext.DECIMAL64;
  /**
   * Measures not in force are explained only when they start or ended within this many days of the
   * entry date: enough to say why the April 9 rate no longer applies in July, without listing the
   * whole history of a heading (the timeline does that).
   */
  private static final int NOT_IN_FORCE_HORIZON_DAYS = 120;
  private static final String USMCA_PROGRAM = "S";
  private static final String USMCA_PROGRAM_PLUS = "S+";

  private final Schedule schedule;
  private final CompiledBook compiled;
  private final Countries countries;
  private final Estimates estimates;

  public DutyEngine(Schedule schedule, PolicyBook book, Countries countries, Estimates estimates) {
    this.schedule = schedule;
    this.countries = countries;
    this.estimates = estimates;
    this.compiled = new CompiledBook(book, countries);
  }

  public DutyEngine(Schedule schedule, PolicyBook book) {
    this(schedule, book, Countries.standard(), Estimates.NONE);
  }

  /** The same schedule and book with other estimates (the panel's). */
  public DutyEngine withEstimates(Estimates other) {
    return new DutyEngine(schedule, compiled.book, countries, other);
  }

  public Schedule schedule() {
    return schedule;
  }

  public PolicyBook book() {
    return compiled.book;
  }

  public Countries countries() {
    return countries;
  }

  /**
   * Countries the engine cannot tell apart: two countries with the same class number get the same
   * result for every product, date and entry, because every measure and base-rate rule either
   * includes both or neither (and names neither as excluded), and neither is Canada or Mexico (the
   * only origins for which a USMCA claim matters). The rate panel prices one country per class.
   *
   * @return for each country index, its class number (0 .. classes - 1, in registry order)
   */
  public int[] originClasses() {
    int n = compiled.measures.length;
    java.util.Map<String, Integer> classes = new java.util.LinkedHashMap<>();
    int[] out = new int[countries.size()];
    for (Country c : countries.all()) {
      StringBuilder key = new StringBuilder(n * 2 + 8);
      for (int i = 0; i < n; i++) {
        key.append(compiled.origins[i].get(c.index()) ? '1' : '0');
        key.append(compiled.measures[i].countries().explicitlyExcludes(c) ? '1' : '0');
      }
      for (BaseRateRule rule : compiled.book.baseRates()) {
        key.append(rule.countries().includes(c) ? '1' : '0');
      }
      if (c.iso2().equals("CA") || c.iso2().equals("MX")) {
        key.append(c.iso2());
      }
      out[c.index()] = classes.computeIfAbsent(key.toString(), k -> classes.size());
    }
    return out;
  }

  /**
   * The days in {@code [from, to)} on which something that concerns this product may change: a
   * measure that can apply to it (or a list entry naming it) starts or ends, a base-rate rule starts
   * or ends, or the schedule line itself changes with a revision. Between two such days every origin's
   * result is constant. Includes {@code from}.
   */
  public java.util.NavigableSet<LocalDate> changeDates(HtsCode code, LocalDate from, LocalDate to, LawView view) {
    java.util.NavigableSet<LocalDate> days = measureChangeDates(code, from, to, view);
    HtsLine previous = null;
    boolean first = true;
    for (RevisionInfo r : schedule.revisions()) {
      HtsLine line = schedule.load(r).line(code).orElse(null);
      if (!first && line != previous && r.effectiveDate().isAfter(from) && r.effectiveDate().isBefore(to)) {
        days.add(r.effectiveDate());
      }
      previous = line;
      first = false;
    }
    return days;
  }

  /**
   * Like {@link #changeDates}, without the days on which the schedule line itself changes (for
   * callers that track revisions themselves, such as the rate panel).
   */
  public java.util.NavigableSet<LocalDate> measureChangeDates(HtsCode code, LocalDate from, LocalDate to, LawView view) {
    boolean asPublished = view == LawView.AS_PUBLISHED;
    java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>();
    days.add(from);
    java.util.function.Consumer<DateInterval> add = p -> {
      if (p.start().isAfter(from) && p.start().isBefore(to)) {
        days.add(p.start());
      }
      p.end().ifPresent(e -> {
        if (e.isAfter(from) && e.isBefore(to)) {
          days.add(e);
        }
      });
    };
    BitSet relevant = new BitSet(compiled.measures.length);
    compiled.products.includesOf(code.digits(), h -> {
      relevant.set(h.measure());
      add.accept(h.period());
    });
    compiled.products.excludesOf(code.digits(), h -> add.accept(h.period()));
    for (int i = relevant.nextSetBit(0); i >= 0; i = relevant.nextSetBit(i + 1)) {
      add.accept(compiled.measures[i].period(asPublished));
    }
    for (LocalDate d : (asPublished ? compiled.allProductsPrintedDays : compiled.allProductsDays)
        .subSet(from, false, to, false)) {
      days.add(d);
    }
    return days;
  }

  /**
   * What decides every entry of one product on one day, ready to be asked per origin: the schedule
   * line in force and the measures that can apply (in force, naming the product, not excluding it).
   * {@link ProductDay#stateOf} gives, for an origin, a key under which all entries without declared
   * facts get the same result: the rate panel prices each distinct key once.
   */
  public ProductDay productDay(HtsCode code, LocalDate date, LawView view) {
    boolean asPublished = view == LawView.AS_PUBLISHED;
    BitSet relevant = new BitSet(compiled.measures.length);
    compiled.products.includesOf(code.digits(), h -> {
      if (h.period().contains(date) && compiled.measures[h.measure()].inForce(date, asPublished)) {
        relevant.set(h.measure());
      }
    });
    relevant.or(allProductsInForce(date, asPublished));
    compiled.products.excludesOf(code.digits(), h -> {
      if (h.period().contains(date)) {
        relevant.clear(h.measure());
      }
    });
    HtsLine line = schedule.revisionFor(date).map(r -> schedule.load(r).line(code).orElse(null)).orElse(null);
    return new ProductDay(relevant, line, date);
  }

  /** The all-products measures in force on a day, by view: shared by every product priced that day. */
  private final java.util.concurrent.ConcurrentHashMap<LocalDate, BitSet> allProductsInForce =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.ConcurrentHashMap<LocalDate, BitSet> allProductsPrinted =
      new java.util.concurrent.ConcurrentHashMap<>();

  private BitSet allProductsInForce(LocalDate date, boolean asPublished) {
    var cache = asPublished ? allProductsPrinted : allProductsInForce;
    BitSet cached = cache.get(date);
    if (cached != null) {
      return cached;
    }
    BitSet b = (BitSet) compiled.allProducts.clone();
    for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) {
      if (!compiled.measures[i].inForce(date, asPublished)) {
        b.clear(i);
      }
    }
    cache.putIfAbsent(date, b);
    return b;
  }

  /** See {@link #productDay}. Immutable. */
  public final class ProductDay {
    private final BitSet relevant;
    private final HtsLine line;
    private final LocalDate date;

    private ProductDay(BitSet relevant, HtsLine line, LocalDate date) {
      this.relevant = relevant;
      this.line = line;
      this.date = date;
    }

    /** Whether the product is in the schedule in force that day. */
    public boolean exists() {
      return line != null;
    }

    /**
     * Splits origins into groups the engine treats alike for this product that day: those that every
     * applicable measure and base-rate rule includes or leaves out together (a cheaper equivalent of
     * comparing {@link #stateOf} for every pair).
     *
     * @return for each origin of the grouping, a group number (0 .. groups - 1)
     */
    public Grouped groups(OriginGrouping grouping) {
      List<BaseRateRule> rules = compiled.book.baseRates();
      long active = 0;
      for (int q = 0; q < rules.size(); q++) {
        if (rules.get(q).effective().contains(date)) {
          active |= 1L << q;
        }
      }
      // Most products share their relevant measures on a day with many others: group each set once.
      GroupsKey cacheKey = new GroupsKey(relevant, active);
      Grouped cached = grouping.cache.get(cacheKey);
      if (cached != null) {
        return cached;
      }
      int[] group = computeGroups(grouping);
      int groups = 0;
      for (int g : group) {
        groups = Math.max(groups, g + 1);
      }
      BitSet[] applicable = new BitSet[groups];
      int[] baseRule = new int[groups];
      int[] first = new int[groups];
      java.util.Arrays.fill(first, -1);
      for (int j = 0; j < group.length; j++) {
        int g = group[j];
        if (first[g] < 0) {
          first[g] = j;
          Country c = countries.get(grouping.origins[j]);
          applicable[g] = (BitSet) relevant.clone();
          applicable[g].and(compiled.measuresOf[c.index()]);
          baseRule[g] = baseRuleIndex(c, date);
        }
      }
      Grouped computed = new Grouped(group, applicable, baseRule);
      grouping.cache.putIfAbsent(cacheKey, computed);
      return computed;
    }

    /** The key of {@link #stateOf} for group {@code g} of a grouping: cheap, from cached parts. */
    public Object stateOf(Grouped grouped, int g, Country origin, boolean usmcaClaimed) {
      boolean usmcaOrigin = origin.iso2().equals("CA") || origin.iso2().equals("MX");
      return new StateKey(grouped.applicable[g], line, grouped.baseRule[g],
          usmcaOrigin ? origin.iso2() + (usmcaClaimed ? "+usmca" : "") : "");
    }

    private int[] computeGroups(OriginGrouping grouping) {
      int k = grouping.origins.length;
      int relevantCount = relevant.cardinality();
      int words = (relevantCount + 1 + 63) / 64 + 1;
      long[][] sig = new long[k][words];
      int r = 0;
      for (int i = relevant.nextSetBit(0); i >= 0; i = relevant.nextSetBit(i + 1), r++) {
        long[] mask = grouping.measureMasks[i];
        int word = r >>> 6;
        long bit = 1L << (r & 63);
        for (int m = 0; m < mask.length; m++) {
          long bits = mask[m];
          while (bits != 0) {
            int j = (m << 6) + Long.numberOfTrailingZeros(bits);
            sig[j][word] |= bit;
            bits &= bits - 1;
          }
        }
      }
      List<BaseRateRule> rules = compiled.book.baseRates();
      for (int j = 0; j < k; j++) {
        long marker = grouping.usmcaMarker[j];
        for (int q = 0; q < rules.size(); q++) {
          if (rules.get(q).effective().contains(date) && grouping.ruleIncludes[q][j]) {
            marker += q + 1;
            break;
          }
        }
        sig[j][words - 1] = marker;
      }
      java.util.HashMap<SignatureKey, Integer> ids = new java.util.HashMap<>();
      int[] group = new int[k];
      for (int j = 0; j < k; j++) {
        group[j] = ids.computeIfAbsent(new SignatureKey(sig[j]), x -> ids.size());
      }
      return group;
    }

    /**
     * A key equal for two origins (or two days) exactly when the engine has the same things to decide:
     * the same line, base-rate column and applicable measures, and the same USMCA standing.
     */
    public Object stateOf(Country origin, boolean usmcaClaimed) {
      BitSet applicable = (BitSet) relevant.clone();
      applicable.and(compiled.measuresOf[origin.index()]);
      int baseRule = baseRuleIndex(origin, date);
      boolean usmcaOrigin = origin.iso2().equals("CA") || origin.iso2().equals("MX");
      return new StateKey(applicable, line, baseRule, usmcaOrigin ? origin.iso2() + (usmcaClaimed ? "+usmca" : "") : "");
    }
  }

  /**
   * A fixed list of origins prepared for {@link ProductDay#groups}: for each measure, which of the
   * origins it includes, as a bit mask over their positions. Immutable.
   */
  public final class OriginGrouping {
    private final int[] origins;
    private final long[][] measureMasks;
    private final boolean[][] ruleIncludes;
    private final long[] usmcaMarker;
    private final java.util.concurrent.ConcurrentHashMap<GroupsKey, Grouped> cache =
        new java.util.concurrent.ConcurrentHashMap<>();

    private OriginGrouping(int[] origins) {
      this.origins = origins.clone();
      int words = (origins.length + 63) / 64;
      measureMasks = new long[compiled.measures.length][words];
      for (int i = 0; i < compiled.measures.length; i++) {
        for (int j = 0; j < origins.length; j++) {
          if (compiled.origins[i].get(origins[j])) {
            measureMasks[i][j >>> 6] |= 1L << (j & 63);
          }
        }
      }
      List<BaseRateRule> rules = compiled.book.baseRates();
      ruleIncludes = new boolean[rules.size()][origins.length];
      usmcaMarker = new long[origins.length];
      for (int j = 0; j < origins.length; j++) {
        Country c = countries.get(origins[j]);
        for (int q = 0; q < rules.size(); q++) {
          ruleIncludes[q][j] = rules.get(q).countries().includes(c);
        }
        usmcaMarker[j] = c.iso2().equals("CA") ? 1000 : c.iso2().equals("MX") ? 2000 : 0;
      }
    }
  }

  /** Prepares a list of origins (country indexes) for grouping by {@link ProductDay#groups}. */
  public OriginGrouping originGrouping(int[] origins) {
    return new OriginGrouping(origins);
  }

  /**
   * Origins split into groups for one set of relevant measures: the group of each origin, and per
   * group the measures that apply to it and its base-rate rule. Immutable (shared between threads).
   */
  public static final class Grouped {
    private final int[] group;
    private final BitSet[] applicable;
    private final int[] baseRule;

    private Grouped(int[] group, BitSet[] applicable, int[] baseRule) {
      this.group = group;
      this.applicable = applicable;
      this.baseRule = baseRule;
    }

    /** The group of the origin at position {@code j} of the grouping. */
    public int groupOf(int j) {
      return group[j];
    }

    public int groups() {
      return applicable.length;
    }
  }

  private int baseRuleIndex(Country origin, LocalDate date) {
    List<BaseRateRule> rules = compiled.book.baseRates();
    for (int k = 0; k < rules.size(); k++) {
      if (rules.get(k).effective().contains(date) && rules.get(k).countries().includes(origin)) {
        return k;
      }
    }
    return -1;
  }

  /** Measures relevant on a day and the base-rate rules in effect: what decides a grouping. */
  private record GroupsKey(BitSet relevant, long rules) {
  }

  /** A signature of bits with its hash computed once. */
  private static final class SignatureKey {
    private final long[] bits;
    private final int hash;

    SignatureKey(long[] bits) {
      this.bits = bits;
      this.hash = java.util.Arrays.hashCode(bits);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SignatureKey k && k.hash == hash && java.util.Arrays.equals(k.bits, bits);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** The key of {@link ProductDay#stateOf}: schedule lines are shared objects, so they compare by identity. */
  private static final class StateKey {
    private final BitSet applicable;
    private final HtsLine line;
    private final int baseRule;
    private final String usmca;
    private final int hash;

    StateKey(BitSet applicable, HtsLine line, int baseRule, String usmca) {
      this.applicable = applicable;
      this.line = line;
      this.baseRule = baseRule;
      this.usmca = usmca;
      this.hash = ((applicable.hashCode() * 31 + System.identityHashCode(line)) * 31 + baseRule) * 31 + usmca.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof StateKey k && k.hash == hash && k.line == line && k.baseRule == baseRule
          && k.usmca.equals(usmca) && k.applicable.equals(applicable);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** The last day of the shipped schedule: later dates are answered from the newest revision. */
  public LocalDate dataEnd() {
    return schedule.latest().effectiveDate();
  }

  /** Prices one entry and explains it, including measures considered and not applied. */
  public Result<DutyBreakdown> compute(DutyRequest request) {
    return compute(request, true);
  }

  /**
   * Prices one entry.
   *
   * @param explain whether to collect measures considered and not applied (the panel does not need them)
   */
  public Result<DutyBreakdown> compute(DutyRequest request, boolean explain) {
    LocalDate date = request.date();
    if (date.isBefore(FIRST_DATE)) {
      return Result.failure(FailureReason.DATE_OUT_OF_RANGE, "Tariffscope covers entries from " + FIRST_DATE
          + "; " + date + " is earlier");
    }
    for (String claim : request.facts().claims()) {
      if (!compiled.book.claims().containsKey(claim)) {
        return Result.failure(new Failure(FailureReason.INVALID_INPUT, "Unknown claim '" + claim + "' (known claims: "
            + String.join(", ", new java.util.TreeSet<>(compiled.book.claims().keySet())) + ")",
            List.copyOf(compiled.book.claims().keySet())));
      }
    }
    RevisionInfo revision = schedule.revisionFor(date).orElseThrow();
    HtsRevision hts = schedule.load(revision);
    Result<HtsLine> line = findLine(hts, request.hts());
    if (!line.isSuccess()) {
      return Result.failure(line.failure());
    }
    return Result.success(price(request, revision, line.value(), explain));
  }

  /** Finds the line to price, or says why the code cannot be priced. */
  private Result<HtsLine> findLine(HtsRevision hts, HtsCode code) {
    if (code.isChapter99()) {
      return Result.failure(FailureReason.INVALID_INPUT, code + " is a Chapter 99 heading, not a product:"
          + " give the product's HTS code (e.g. 8703.23.01.60)");
    }
    if (code.length() < 8) {
      List<HtsLine> lines = hts.reportingLinesUnder(code);
      if (lines.isEmpty()) {
        return unknown(hts, code);
      }
      List<String> codes = lines.stream().map(l -> l.code().toString()).toList();
      String shown = String.join(", ", codes.subList(0, Math.min(12, codes.size())))
          + (codes.size() > 12 ? ", ... (" + codes.size() + " lines)" : "");
      return Result.failure(new Failure(FailureReason.NOT_A_LINE, code + " is a "
          + (code.length() == 4 ? "heading" : code.length() == 6 ? "subheading" : "chapter")
          + "; a duty needs one of its lines: " + shown, codes));
    }
    Optional<HtsLine> found = hts.line(code);
    return found.<Result<HtsLine>>map(Result::success).orElseGet(() -> unknown(hts, code));
  }

  private static Result<HtsLine> unknown(HtsRevision hts, HtsCode code) {
    List<String> near = hts.nearest(code.digits(), 5).stream().map(HtsCode::toString).toList();
    return Result.failure(new Failure(FailureReason.UNKNOWN_HTS, "HTS " + code + " is not in the schedule in force ("
        + hts.id() + ")" + (near.isEmpty() ? "" : "; nearest codes: " + String.join(", ", near)), near));
  }

  // ---- pricing ------------------------------------------------------------------------------

  private DutyBreakdown price(DutyRequest req, RevisionInfo revision, HtsLine line, boolean explain) {
    List<String> warnings = new ArrayList<>();
    LocalDate date = req.date();
    Country origin = req.origin();
    EntryFacts facts = req.facts();
    boolean asPublished = req.view() == LawView.AS_PUBLISHED;
    if (date.isAfter(dataEnd())) {
      warnings.add("The shipped schedule ends with revision " + schedule.latest().id() + " (in force from "
          + dataEnd() + "): " + date + " is answered from it, with the measures the policy files date after it");
    }
    if (line.code().length() == 8 && !hasNoStatisticalLines(revision, line)) {
      warnings.add(line.code() + " is a tariff line with statistical lines: rates are those of the tariff line; "
          + "measures that name single statistical lines are not applied");
    }
    MfnLine mfn = baseRate(line, origin, date, facts, warnings);
    Percent mfnAve = mfnAdValoremEquivalent(line, origin, mfn, facts, warnings);

    int n = compiled.measures.length;
    BitSet candidates = new BitSet(n);
    Map<Integer, String> includedVia = explain ? new HashMap<>() : null;
    Map<Integer, ProductIndex.Hit> offList = explain ? new HashMap<>() : null;
    collectCandidates(line.code().digits(), date, origin, candidates, includedVia, offList);
    Map<Integer, String> excludedVia = explain ? new HashMap<>() : null;
    BitSet excluded = exclusions(line.code().digits(), date, excludedVia);

    List<AppliedMeasure> applied = new ArrayList<>();
    List<Integer> appliedIndex = new ArrayList<>();
    List<BigDecimal> appliedShare = new ArrayList<>();
    List<NotAppliedMeasure> notApplied = new ArrayList<>();
    Map<String, Integer> notInForceByHeading = explain ? new LinkedHashMap<>() : null;
    java.util.Set<String> decidedHeadings = explain ? new java.util.HashSet<>() : null;
    List<SpecificDuty> extraSpecifics = new ArrayList<>();
    Money value = facts.value();
    MetalShares metals = new MetalShares(facts, line.code(), estimates);

    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      Measure m = compiled.measures[i];
      boolean originOk = compiled.origins[i].get(origin.index());
      if (!m.inForce(date, asPublished)) {
        if (explain && originOk && !excluded.get(i) && gap(m, date, asPublished) <= NOT_IN_FORCE_HORIZON_DAYS) {
          notInForceByHeading.merge(m.heading().digits(), i, (a, b) -> nearer(a, b, date, asPublished));
        }
        continue;
      }
      if (!originOk) {
        if (explain && m.countries().explicitlyExcludes(origin)) {
          decidedHeadings.add(m.heading().digits());
          notApplied.add(new NotAppliedMeasure(m, Reason.ORIGIN_EXCLUDED, "does not apply to goods of "
              + origin.name() + " (" + compiled.countriesText[i] + ")"));
        }
        continue;
      }
      if (explain) {
        decidedHeadings.add(m.heading().digits());
      }
      if (excluded.get(i)) {
        if (explain) {
          notApplied.add(new NotAppliedMeasure(m, Reason.PRODUCT_EXCLUDED, "product excluded from its scope ("
              + excludedVia.get(i) + ")"));
        }
        continue;
      }
      String failed = failedCondition(m.when(), facts, mfnAve, compiled.book, explain);
      if (failed != null) {
        if (explain) {
          notApplied.add(new NotAppliedMeasure(m, Reason.CONDITION, failed));
        }
        continue;
      }
      BigDecimal covered = BigDecimal.ZERO;
      boolean wholeArticle = false;
      List<Measure> yieldedTo = null;
      for (int k = 0; k < appliedIndex.size(); k++) {
        if (compiled.yieldsTo[i].get(appliedIndex.get(k))) {
          // yields_whole_to: the article is out as soon as the other measure covers any of it
          boolean whole = compiled.yieldsWhole[i].get(appliedIndex.get(k)) && appliedShare.get(k).signum() > 0;
          covered = whole ? BigDecimal.ONE : covered.add(appliedShare.get(k));
          wholeArticle |= whole && appliedShare.get(k).compareTo(BigDecimal.ONE) < 0;
          if (yieldedTo == null) {
            yieldedTo = new ArrayList<>(2);
          }
          yieldedTo.add(compiled.measures[appliedIndex.get(k)]);
        }
      }
      if (covered.compareTo(BigDecimal.ONE) >= 0) {
        if (explain) {
          notApplied.add(new NotAppliedMeasure(m, Reason.YIELDS, yieldReason(m, yieldedTo)
              + (wholeArticle ? " (the whole article is excepted, not only the part of its value that duty is on)" : "")));
        }
        continue;
      }
      BigDecimal share;
      if (m.base().isMetalContent()) {
        MetalShares.Share metal = metals.of(m.base(), m.heading().toString());
        if (metal.exhausted() != null) {
          if (explain) {
            notApplied.add(new NotAppliedMeasure(m, Reason.CONDITION, metal.exhausted()));
          }
          continue;
        }
        if (metal.warning() != null) {
          warnings.add(metal.warning());
        }
        share = metal.share();
      } else {
        share = baseShare(m, facts, warnings);
      }
      String shareNote = "";
      if (covered.signum() > 0) {
        share = share.multiply(BigDecimal.ONE.subtract(covered), MC);
        if (explain) {
          shareNote = "on the " + pct(share) + " of value not covered by "
              + yieldedTo.stream().map(x -> x.heading().toString()).distinct().collect(Collectors.joining(", "));
        }
      } else if (explain && share.compareTo(BigDecimal.ONE) < 0) {
        shareNote = "on the " + m.base().description() + " (" + pct(share) + " of value)";
      }
      AppliedMeasure a = charge(m, share, shareNote, mfnAve, value, extraSpecifics, explain);
      applied.add(a);
      appliedIndex.add(i);
      appliedShare.add(share);
    }

    if (explain) {
      Map<Integer, List<String>> siblings = new java.util.TreeMap<>();
      for (ProductIndex.Hit h : compiled.products.statisticalSiblings(line.code().digits())) {
        int i = h.measure();
        Measure m = compiled.measures[i];
        if (!candidates.get(i) && h.period().contains(date) && m.inForce(date, asPublished)
            && compiled.origins[i].get(origin.index()) && !decidedHeadings.contains(m.heading().digits())) {
          siblings.computeIfAbsent(i, k -> new ArrayList<>()).add(h.via());
        }
      }
      siblings.forEach((i, vias) -> {
        Measure m = compiled.measures[i];
        if (decidedHeadings.add(m.heading().digits())) {
          notApplied.add(new NotAppliedMeasure(m, Reason.NOT_IN_SCOPE, "of " + line.code().prefix(8)
              + " it covers only " + String.join(", ", vias.subList(0, Math.min(4, vias.size())))
              + (vias.size() > 4 ? " and " + (vias.size() - 4) + " more" : "")));
        }
      });
      offList.forEach((i, hit) -> {
        Measure m = compiled.measures[i];
        if (candidates.get(i) || !compiled.origins[i].get(origin.index()) || decidedHeadings.contains(m.heading().digits())
            || !m.inForce(date, asPublished) && gap(m, date, asPublished) > NOT_IN_FORCE_HORIZON_DAYS) {
          return;
        }
        DateInterval p = hit.period();
        long days = date.isBefore(p.start()) ? ChronoUnit.DAYS.between(date, p.start())
            : ChronoUnit.DAYS.between(p.endExclusive(), date) + 1;
        if (days <= NOT_IN_FORCE_HORIZON_DAYS) {
          decidedHeadings.add(m.heading().digits());
          notApplied.add(new NotAppliedMeasure(m, Reason.NOT_IN_FORCE, date.isBefore(p.start())
              ? "the product is in its scope (" + hit.via() + ") only from " + p.start()
              : "the product left its scope (" + hit.via() + ") on " + p.endExclusive()));
        }
      });
      notInForceByHeading.forEach((heading, i) -> {
        if (!decidedHeadings.contains(heading)) {
          notApplied.add(new NotAppliedMeasure(compiled.measures[i], Reason.NOT_IN_FORCE,
              notInForceReason(compiled.measures[i], date, asPublished)));
        }
      });
    }

    Percent total = mfn.adValorem();
    for (AppliedMeasure a : applied) {
      total = total.plus(a.effective());
    }
    List<SpecificDuty> specifics = new ArrayList<>(mfn.specifics());
    specifics.addAll(extraSpecifics);
    Money duty = null;
    if (value != null) {
      duty = value.times(total);
      if (!specifics.isEmpty()) {
        if (facts.quantity() != null) {
          for (SpecificDuty s : specifics) {
            duty = duty.plus(s.amountFor(facts.quantity()));
          }
        } else {
          warnings.add("The duty excludes the specific part (" + specifics.stream().map(SpecificDuty::toString)
              .collect(Collectors.joining(" + ")) + "): give the quantity in " + specifics.get(0).unit());
        }
      }
      duty = duty.rounded();
    }
    return new DutyBreakdown(line, origin, date, revision, req.view(), facts, mfn, mfnAve, applied, notApplied, total,
        specifics, duty, warnings);
  }

  private boolean hasNoStatisticalLines(RevisionInfo revision, HtsLine line) {
    List<HtsLine> under = schedule.load(revision).linesUnder(line.code());
    return under.size() == 1;
  }

  /**
   * Fills {@code out} with the measures whose product scope holds the code on the date; when
   * explaining, also notes in {@code offList} the list entries for the code that hold on other dates.
   */
  private void collectCandidates(String digits, LocalDate date, Country origin, BitSet out, Map<Integer, String> via,
      Map<Integer, ProductIndex.Hit> offList) {
    compiled.products.includesOf(digits, h -> {
      if (h.period().contains(date)) {
        out.set(h.measure());
        if (via != null) {
          via.putIfAbsent(h.measure(), h.via());
        }
      } else if (offList != null) {
        offList.merge(h.measure(), h, (a, b) -> entryGap(a, date) <= entryGap(b, date) ? a : b);
      }
    });
    for (int i : compiled.allProductsByCountry[origin.index()]) {
      out.set(i);
    }
  }

  private BitSet exclusions(String digits, LocalDate date, Map<Integer, String> via) {
    BitSet out = new BitSet();
    compiled.products.excludesOf(digits, h -> {
      if (h.period().contains(date)) {
        out.set(h.measure());
        if (via != null) {
          via.putIfAbsent(h.measure(), h.via());
        }
      }
    });
    return out;
  }

  // ---- base rate ----------------------------------------------------------------------------

  private MfnLine baseRate(HtsLine line, Country origin, LocalDate date, EntryFacts facts, List<String> warnings) {
    for (BaseRateRule rule : compiled.book.baseRates()) {
      if (rule.effective().contains(date) && rule.countries().includes(origin)) {
        return fromReading("other", line.otherReading(), rule.title(), warnings);
      }
    }
    if (facts.usmcaClaimed()) {
      if (!origin.iso2().equals("CA") && !origin.iso2().equals("MX")) {
        warnings.add("USMCA preference was claimed for goods of " + origin.name() + ": ignored (Canada and Mexico only)");
      } else {
        RateReading special = line.specialReading();
        Optional<RateReading> usmca = special.forProgram(USMCA_PROGRAM).or(() -> special.forProgram(USMCA_PROGRAM_PLUS));
        if (usmca.isPresent()) {
          return fromReading("special:S", usmca.get(), "USMCA preference claimed (special program S)", warnings);
        }
        warnings.add("No USMCA preference is printed for " + line.code() + ": column 1 general applies");
      }
    }
    if (facts.preference() != null) {
      Optional<SpecialPrograms.Program> program = SpecialPrograms.embedded().of(facts.preference());
      if (program.isEmpty()) {
        warnings.add("Special program " + facts.preference() + " is not a free-trade agreement the engine knows: ignored");
      } else if (!program.get().partners().contains(origin.iso2())) {
        warnings.add(program.get().agreement() + " (" + program.get().symbol() + ") was claimed for goods of "
            + origin.name() + ": ignored (it covers goods of " + String.join(", ", new java.util.TreeSet<>(
                program.get().partners())) + ")");
      } else {
        // A claim of an agreement covers its "+" symbol too (P and P+ for CAFTA-DR), as S covers S+ for USMCA,
        // when that prints a rate (the P+ of sugar lines only points to a chapter 98 quota heading).
        String symbol = program.get().symbol();
        Optional<RateReading> rate = line.specialReading().forProgram(symbol)
            .or(() -> symbol.endsWith("+") ? Optional.empty() : line.specialReading().forProgram(symbol + "+")
                .filter(r -> r.kind() == RateReading.Kind.RATE));
        if (rate.isPresent()) {
          return fromReading("special:" + program.get().symbol(), rate.get(), program.get().agreement()
              + " claimed (special program " + program.get().symbol() + ")", warnings);
        }
        warnings.add("No " + program.get().symbol() + " preference (" + program.get().agreement() + ") is printed for "
            + line.code() + ": column 1 general applies");
      }
    }
    return fromReading("general", line.generalReading(), "", warnings);
  }

  private static MfnLine fromReading(String column, RateReading reading, String why, List<String> warnings) {
    DutyRate rate = reading.rate();
    switch (reading.kind()) {
      case RATE:
        return new MfnLine(column, reading.text(), rate.adValorem(), rate.specifics(), true, why);
      case PARTIAL:
        warnings.add("Base rate '" + reading.text() + "': " + reading.note() + "; only the whole-article part is counted");
        return new MfnLine(column, reading.text(), rate.adValorem(), rate.specifics(), false, reading.note());
      default:
        warnings.add("Base rate '" + reading.text() + "' cannot be reduced to a rate (" + reading.note()
            + "); counted as zero");
        return new MfnLine(column, reading.text(), Percent.ZERO, List.of(), false, reading.note());
    }
  }

  /** The base rate as one ad valorem figure, for floors and MFN conditions. */
  private Percent mfnAdValoremEquivalent(HtsLine line, Country origin, MfnLine mfn, EntryFacts facts,
      List<String> warnings) {
    if (mfn.specifics().isEmpty()) {
      return mfn.adValorem();
    }
    if (facts.value() != null && facts.quantity() != null && facts.value().amount().signum() > 0) {
      Money specific = Money.ZERO;
      for (SpecificDuty s : mfn.specifics()) {
        specific = specific.plus(s.amountFor(facts.quantity()));
      }
      return mfn.adValorem().plus(Percent.ratio(specific.amount(), facts.value().amount()));
    }
    Optional<Percent> estimate = estimates.baseRateAdValoremEquivalent(line.code(), origin);
    if (estimate.isPresent() && mfn.adValorem().isLessThan(estimate.get())) {
      return estimate.get();
    }
    return mfn.adValorem();
  }

  /** Why a condition fails (in words only when explaining), or null when all hold. */
  private static String failedCondition(Conditions when, EntryFacts facts, Percent mfnAve, PolicyBook book,
      boolean explain) {
    if (when.isEmpty()) {
      return null;
    }
    for (String claim : when.claims()) {
      if (!facts.claims().contains(claim)) {
        return !explain ? "" : "applies only to entries claiming: " + book.claims().get(claim).title()
            + " (--claim " + claim + ")";
      }
    }
    if (when.usmcaClaimed() != null && when.usmcaClaimed() != facts.usmcaClaimed()) {
      return !explain ? "" : when.usmcaClaimed() ? "applies only to entries claiming USMCA preference"
          : "USMCA preference claimed (qualifying goods are exempt)";
    }
    if (when.mfnBelow() != null && !mfnAve.isLessThan(when.mfnBelow())) {
      return !explain ? "" : "column-1 rate " + mfnAve + " is not below " + when.mfnBelow();
    }
    if (when.mfnAtLeast() != null && mfnAve.isLessThan(when.mfnAtLeast())) {
      return !explain ? "" : "column-1 rate " + mfnAve + " is below " + when.mfnAtLeast();
    }
    if (when.usContentAtLeast() != null) {
      Optional<BigDecimal> us = facts.content(ValueBase.US_CONTENT);
      if (us.isEmpty()) {
        return !explain ? "" : "U.S. content not declared (needs at least " + when.usContentAtLeast() + ")";
      }
      if (us.get().multiply(BigDecimal.valueOf(100)).compareTo(when.usContentAtLeast().value()) < 0) {
        return !explain ? "" : "U.S. content " + pct(us.get()) + " is below " + when.usContentAtLeast();
      }
    }
    return null;
  }

  // ---- charging -----------------------------------------------------------------------------

  /** The share of value a measure not charged on a metal content is charged on. */
  private static BigDecimal baseShare(Measure m, EntryFacts facts, List<String> warnings) {
    switch (m.base()) {
      case US_CONTENT:
        return facts.content(ValueBase.US_CONTENT).orElse(BigDecimal.ZERO);
      case NON_US_CONTENT: {
        Optional<BigDecimal> us = facts.content(ValueBase.US_CONTENT);
        if (us.isEmpty()) {
          warnings.add(m.heading() + " is charged on the non-U.S. content: none declared, charged on the full value");
          return BigDecimal.ONE;
        }
        return BigDecimal.ONE.subtract(us.get());
      }
      default:
        return BigDecimal.ONE;
    }
  }

  private static AppliedMeasure charge(Measure m, BigDecimal share, String shareNote, Percent mfnAve,
      Money value, List<SpecificDuty> extraSpecifics, boolean explain) {
    MeasureRate rate = m.rate();
    Percent charged;
    String explanation;
    SpecificDuty specific = null;
    if (rate instanceof MeasureRate.Additional add) {
      charged = add.percent();
      explanation = shareNote;
    } else if (rate instanceof MeasureRate.Floor floor) {
      charged = floor.percent().minusFloorZero(mfnAve);
      explanation = !explain ? "" : floor.percent() + " all-in less the column-1 rate " + mfnAve
          + (shareNote.isEmpty() ? "" : "; " + shareNote);
    } else {
      MeasureRate.Specific s = (MeasureRate.Specific) rate;
      charged = s.rate().adValorem();
      extraSpecifics.addAll(s.rate().specifics());
      specific = s.rate().specifics().isEmpty() ? null : s.rate().specifics().get(0);
      explanation = explain ? "+" + s.rate() : "";
    }
    Percent effective = share.compareTo(BigDecimal.ONE) == 0 ? charged : charged.timesShare(share);
    Money amount = value == null ? null : value.times(effective).rounded();
    return new AppliedMeasure(m, charged, share, effective, specific, amount, explanation);
  }

  private static String yieldReason(Measure m, List<Measure> to) {
    Measure first = to.get(0);
    String headings = to.stream().map(x -> x.heading().toString()).distinct().collect(Collectors.joining(", "));
    String what = switch (first.authority()) {
      case SECTION_232 -> "Section 232 article";
      default -> "does not stack with " + first.authority().label();
    };
    if (first.rate() instanceof MeasureRate.Additional a && a.percent().isZero()) {
      what = first.title();
    }
    return what + ": " + headings + " applies";
  }

  private static long entryGap(ProductIndex.Hit h, LocalDate date) {
    DateInterval p = h.period();
    return date.isBefore(p.start()) ? ChronoUnit.DAYS.between(date, p.start())
        : ChronoUnit.DAYS.between(p.endExclusive(), date);
  }

  /** Of two periods of one heading, the one nearer to the date (the one worth explaining). */
  private int nearer(int a, int b, LocalDate date, boolean asPublished) {
    return gap(compiled.measures[a], date, asPublished) <= gap(compiled.measures[b], date, asPublished) ? a : b;
  }

  private static long gap(Measure m, LocalDate date, boolean asPublished) {
    DateInterval p = m.period(asPublished);
    if (date.isBefore(p.start())) {
      return ChronoUnit.DAYS.between(date, p.start());
    }
    return ChronoUnit.DAYS.between(p.endExclusive(), date) + 1;
  }

  private String notInForceReason(Measure m, LocalDate date, boolean asPublished) {
    DateInterval p = m.period(asPublished);
    if (date.isBefore(p.start())) {
      return "not yet in force on " + date + " (from " + p.start() + ")";
    }
    String reason = m.untilReason().isEmpty() ? "" : ": " + m.untilReason();
    return "no longer in force on " + date + " (ended " + p.endExclusive() + reason + ")";
  }

  private static String pct(BigDecimal share) {
    return share.movePointRight(2).round(new MathContext(4)).stripTrailingZeros().toPlainString() + "%";
  }
}
