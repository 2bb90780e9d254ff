package org.tariffscope.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.tariffscope.basics.Authority;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.Percent;
import org.tariffscope.basics.Result;
import org.tariffscope.basics.Workers;
import org.tariffscope.engine.DutyBreakdown;
import org.tariffscope.engine.DutyEngine;
import org.tariffscope.engine.DutyRequest;
import org.tariffscope.engine.EntryFacts;
import org.tariffscope.engine.LawView;
import org.tariffscope.schedule.HtsLine;
import org.tariffscope.schedule.RevisionInfo;

/**
 * The statutory rate of every HTS-10 line from every origin on every day, computed by the duty
 * engine itself (no second implementation of any rule).
 *
 * <p>Work is cut three ways without changing any result: a product is priced only on the days
 * something that concerns it changes ({@link DutyEngine#changeDates}); countries the engine cannot
 * tell apart form one origin class ({@link DutyEngine#originClasses()}), and on a given day the
 * classes that every measure in play treats alike are priced once ({@link DutyEngine#originGroups}).
 * Canada and Mexico are priced twice: with and without a USMCA claim. Consecutive days with equal
 * rates merge into one row. Rows go to a {@link Sink} as each product is done; products are spread
 * over threads.
 *
 * <p>Entries are priced with no fact declared (metal content and specific-rate equivalents come from
 * the engine's {@link org.tariffscope.engine.Estimates}), with one presumption: goods of the provisions
 * that only describe aircraft or their engines and parts ({@link #CIVIL_AIRCRAFT_PROVISIONS}) claim the
 * civil-aircraft exceptions ({@code civil_aircraft}), as such goods are entered under general note 6.
 * Dual-use provisions of the civil-aircraft lists (pumps, tubes, seats, ...) claim nothing.
 */
public final class RatePanel {
  /**
   * Provisions (HTS prefixes) whose goods are aircraft, aircraft engines or their parts, priced with the
   * civil-aircraft claim: airplanes and other aircraft (8802), ground flight simulators (8805), parts of
   * aircraft (8807), turbojets and turbopropellers (8411.11, 8411.12, 8411.21, 8411.22) and their parts
   * (8411.91).
   */
  public static final java.util.List<String> CIVIL_AIRCRAFT_PROVISIONS = java.util.List.of("8802", "8805", "8807",
      "841111", "841112", "841121", "841122", "841191");

  /** The facts the panel presumes for a product, before any USMCA claim. */
  static EntryFacts presumedFacts(String digits) {
    for (String p : CIVIL_AIRCRAFT_PROVISIONS) {
      if (digits.startsWith(p)) {
        return EntryFacts.NONE.withClaim("civil_aircraft");
      }
    }
    return EntryFacts.NONE;
  }

  /** Receives the rows of one product at a time; called from several threads. */
  public interface Sink {
    void accept(String hts10, List<PanelRow> rows);
  }

  private final DutyEngine engine;
  private final LocalDate from;
  private final LocalDate until;
  private final int[] classOf;
  private final int[] representative;
  private final int classes;
  private final DutyEngine.OriginGrouping grouping;
  private final boolean[] isUsmcaOrigin;

  /**
   * @param engine an engine with the panel's estimates (see {@link CensusEstimates})
   * @param from first day
   * @param until first day after the horizon
   */
  public RatePanel(DutyEngine engine, LocalDate from, LocalDate until) {
    this.engine = engine;
    this.from = from;
    this.until = until;
    this.classOf = engine.originClasses();
    int n = 0;
    for (int c : classOf) {
      n = Math.max(n, c + 1);
    }
    this.classes = n;
    this.representative = new int[n];
    java.util.Arrays.fill(representative, -1);
    for (int i = 0; i < classOf.length; i++) {
      if (representative[classOf[i]] < 0) {
        representative[classOf[i]] = i;
      }
    }
    this.grouping = engine.originGrouping(representative);
    this.isUsmcaOrigin = new boolean[n];
    for (int cls = 0; cls < n; cls++) {
      String iso2 = engine.countries().get(representative[cls]).iso2();
      isUsmcaOrigin[cls] = iso2.equals("CA") || iso2.equals("MX");
    }
  }

  /** Origin class of each country index. */
  public int[] classOf() {
    return classOf.clone();
  }

  public int classes() {
    return classes;
  }

  /** Every product line that any revision lets an entry be declared under, in code order. */
  public List<String> products() {
    List<String> codes = new ArrayList<>(lineChanges().keySet());
    codes.sort(null);
    return codes;
  }

  private Map<String, List<LocalDate>> lineChanges;

  /**
   * For each product line, the days its schedule line changes (a new rate or text, or the line
   * appearing or disappearing), from one pass over the revisions.
   */
  private synchronized Map<String, List<LocalDate>> lineChanges() {
    if (lineChanges == null) {
      Map<String, List<LocalDate>> changes = new java.util.HashMap<>(40_000);
      Map<String, HtsLine> previous = new java.util.HashMap<>();
      boolean first = true;
      for (RevisionInfo r : engine.schedule().revisions()) {
        Map<String, HtsLine> current = new java.util.HashMap<>();
        for (HtsLine l : engine.schedule().load(r).reportingLines()) {
          current.put(l.code().digits(), l);
        }
        boolean inRange = r.effectiveDate().isAfter(from) && r.effectiveDate().isBefore(until);
        for (Map.Entry<String, HtsLine> e : current.entrySet()) {
          List<LocalDate> days = changes.computeIfAbsent(e.getKey(), k -> new ArrayList<>(2));
          if (!first && inRange && previous.get(e.getKey()) != e.getValue()) {
            days.add(r.effectiveDate());
          }
        }
        if (!first && inRange) {
          for (String gone : previous.keySet()) {
            if (!current.containsKey(gone)) {
              changes.get(gone).add(r.effectiveDate());
            }
          }
        }
        previous = current;
        first = false;
      }
      lineChanges = changes;
    }
    return lineChanges;
  }

  /** Counters of a build, for reports and benchmarks. */
  public record Stats(int products, long evaluations, long rows, long millis, long cpuMillis) {
  }

  /**
   * Computes the panel for the given products on {@code threads} threads.
   *
   * @param progress called with the number of products done so far, now and then
   */
  public Stats build(List<String> products, int threads, Sink sink, IntConsumer progress) {
    long start = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicLong evaluations = new AtomicLong();
    AtomicLong rows = new AtomicLong();
    AtomicLong cpuNanos = new AtomicLong();
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    Workers.run(threads, "panel build", () -> {
      long cpu0 = mx.getCurrentThreadCpuTime();
      // A build that is stopped (its caller interrupted) stops between products.
      for (int i = next.getAndIncrement(); i < products.size() && !Thread.currentThread().isInterrupted();
          i = next.getAndIncrement()) {
        String code = products.get(i);
        List<PanelRow> out = product(code, evaluations);
        rows.addAndGet(out.size());
        sink.accept(code, out);
        int d = done.incrementAndGet();
        if ((d & 255) == 0) {
          progress.accept(d);
        }
      }
      cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - cpu0);
    });
    progress.accept(products.size());
    return new Stats(products.size(), evaluations.get(), rows.get(), (System.nanoTime() - start) / 1_000_000,
        cpuNanos.get() / 1_000_000);
  }

  /** The rows of one product: every origin class, every run of equal rates. */
  public List<PanelRow> product(String digits, AtomicLong evaluations) {
    HtsCode code = HtsCode.of(digits);
    java.util.NavigableSet<LocalDate> daySet = engine.measureChangeDates(code, from, until, LawView.LAW);
    daySet.addAll(lineChanges().getOrDefault(digits, List.of()));
    List<LocalDate> days = new ArrayList<>(daySet);
    List<PanelRow> out = new ArrayList<>();
    // The run open for each origin class and claim: its first day and its rates (null: none open).
    LocalDate[][] openFrom = new LocalDate[classes][2];
    float[][][] openRates = new float[classes][2][];
    Countries countries = engine.countries();
    Map<Object, float[]> priced = new java.util.HashMap<>();
    for (int k = 0; k < days.size(); k++) {
      LocalDate day = days.get(k);
      DutyEngine.ProductDay pd = engine.productDay(code, day, LawView.LAW);
      DutyEngine.Grouped grouped = pd.exists() ? pd.groups(grouping) : null;
      float[][][] byGroup = grouped == null ? null : new float[grouped.groups()][][];
      for (int cls = 0; cls < classes; cls++) {
        Country c = countries.get(representative[cls]);
        boolean usmcaOrigin = isUsmcaOrigin[cls];
        float[][] rates = null;
        if (grouped != null) {
          int g = grouped.groupOf(cls);
          rates = byGroup[g];
          if (rates == null) {
            rates = new float[2][];
            for (int u = 0; u < (usmcaOrigin ? 2 : 1); u++) {
              boolean usmca = u == 1;
              rates[u] = priced.computeIfAbsent(pd.stateOf(grouped, g, c, usmca),
                  key -> price(code, c, day, usmca, evaluations));
            }
            byGroup[g] = rates;
          }
        }
        for (int u = 0; u < (usmcaOrigin ? 2 : 1); u++) {
          float[] r = rates == null ? null : rates[u];
          float[] current = openRates[cls][u];
          if (current == r || (current != null && r != null && java.util.Arrays.equals(current, r))) {
            continue; // the run goes on
          }
          if (current != null) {
            out.add(new PanelRow(digits, cls, u == 1, openFrom[cls][u], day, current));
          }
          openRates[cls][u] = r;
          openFrom[cls][u] = r == null ? null : day;
        }
      }
    }
    for (int cls = 0; cls < classes; cls++) {
      for (int u = 0; u < 2; u++) {
        if (openRates[cls][u] != null) {
          out.add(new PanelRow(digits, cls, u == 1, openFrom[cls][u], until, openRates[cls][u]));
        }
      }
    }
    return out;
  }

  /** Rates by authority (base rate at its equivalent), or null when the product is not in the schedule that day. */
  private float[] price(HtsCode code, Country origin, LocalDate day, boolean usmca, AtomicLong evaluations) {
    evaluations.incrementAndGet();
    EntryFacts facts = presumedFacts(code.digits());
    Result<DutyBreakdown> r = engine.compute(new DutyRequest(code, origin, day,
        usmca ? facts.withUsmcaClaimed(true) : facts, LawView.LAW), false);
    if (!r.isSuccess()) {
      return null;
    }
    float[] out = new float[Authority.values().length];
    for (Map.Entry<Authority, Percent> e : r.value().byAuthorityEquivalent().entrySet()) {
      out[e.getKey().ordinal()] = e.getValue().value().floatValue();
    }
    return out;
  }
}
