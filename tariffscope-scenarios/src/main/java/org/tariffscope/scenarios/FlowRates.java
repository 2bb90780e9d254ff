package org.tariffscope.scenarios;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.DateInterval;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.Result;
import org.tariffscope.basics.Workers;
import org.tariffscope.engine.DutyBreakdown;
import org.tariffscope.engine.DutyEngine;
import org.tariffscope.engine.DutyRequest;
import org.tariffscope.engine.EntryFacts;
import org.tariffscope.engine.LawView;

/**
 * The tariff rate of every 2024 flow under a policy book, computed by the duty engine (no rule is
 * re-implemented here): for each product and day, origins the engine treats alike are priced once
 * ({@link DutyEngine.ProductDay#groups}); Canada's and Mexico's flows mix the rates with and without a
 * USMCA claim by their claim shares. Over a period the rate is the time-weighted average of the
 * rates between the days something that concerns the product changes. A product no longer in the
 * schedule is priced by its 8-digit tariff line; failing that its flows keep the reference rate (and
 * are counted as unpriced).
 */
public final class FlowRates {
  /** Per flow: total ad valorem (equivalent) rate as a fraction, or NaN when unpriced. */
  final double[] rate;
  final double unpricedValue;

  private FlowRates(double[] rate, double unpricedValue) {
    this.rate = rate;
    this.unpricedValue = unpricedValue;
  }

  /** Computes the rates on {@code threads} threads. */
  public static FlowRates compute(FlowTable table, DutyEngine engine, DateInterval period, int threads) {
    return compute(table, engine, period, threads, null, null);
  }

  /**
   * Computes the rates of the flows from the origins marked in {@code only} and takes the others from
   * {@code others} (the rates of a book that treats those origins alike), or all when {@code only} is null.
   */
  static FlowRates compute(FlowTable table, DutyEngine engine, DateInterval period, int threads, boolean[] only,
      double[] others) {
    Countries countries = engine.countries();
    int[] all = new int[countries.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    DutyEngine.OriginGrouping grouping = engine.originGrouping(all);
    double[] rate = new double[table.flows()];
    AtomicInteger next = new AtomicInteger();
    int chunk = 256;
    Runnable work = () -> {
      Worker w = new Worker(table, engine, grouping, period, rate, only, others);
      for (int p0 = next.getAndAdd(chunk); p0 < table.products.length; p0 = next.getAndAdd(chunk)) {
        for (int p = p0; p < Math.min(p0 + chunk, table.products.length); p++) {
          w.product(p);
        }
      }
    };
    Workers.run(threads, "rate computation", work);
    double unpriced = 0;
    for (int i = 0; i < rate.length; i++) {
      if (Double.isNaN(rate[i])) {
        unpriced += table.value[i];
      }
    }
    return new FlowRates(rate, unpriced);
  }

  /** The rate of one flow (fraction), NaN when unpriced. */
  public double rate(int flow) {
    return rate[flow];
  }

  /** The 2024 value of flows whose product the schedule no longer has, dollars. */
  public double unpricedValue() {
    return unpricedValue;
  }

  /** One thread's state: the product-day and the rates of its origin groups. */
  private static final class Worker {
    final FlowTable table;
    final DutyEngine engine;
    final DutyEngine.OriginGrouping grouping;
    final DateInterval period;
    final double[] out;
    final Countries countries;
    final long totalDays;
    double[] tmp = new double[256];
    final boolean[] only;
    final double[] others;

    Worker(FlowTable table, DutyEngine engine, DutyEngine.OriginGrouping grouping, DateInterval period, double[] out,
        boolean[] only, double[] others) {
      this.only = only;
      this.others = others;
      this.table = table;
      this.engine = engine;
      this.grouping = grouping;
      this.period = period;
      this.out = out;
      this.countries = engine.countries();
      this.totalDays = ChronoUnit.DAYS.between(period.start(), period.endExclusive());
    }

    void product(int p) {
      int from = table.start[p];
      int to = table.start[p + 1];
      boolean any = false;
      for (int i = from; i < to; i++) {
        if (only == null || only[table.origin[i]]) {
          out[i] = 0;
          any = true;
        } else {
          out[i] = others[i];
        }
      }
      if (!any) {
        return;
      }
      HtsCode code = HtsCode.of(table.products[p]);
      List<LocalDate> days;
      if (totalDays == 1) {
        days = List.of(period.start());
      } else {
        NavigableSet<LocalDate> set = engine.changeDates(code, period.start(), period.endExclusive(), LawView.LAW);
        days = new ArrayList<>(set);
      }
      for (int k = 0; k < days.size(); k++) {
        LocalDate day = days.get(k);
        LocalDate end = k + 1 < days.size() ? days.get(k + 1) : period.endExclusive();
        double weight = (double) ChronoUnit.DAYS.between(day, end) / totalDays;
        if (!day(code, day, weight, from, to) && !(code.length() == 10 && day(code.prefix(8), day, weight, from, to))) {
          for (int i = from; i < to; i++) {
            if (only == null || only[table.origin[i]]) {
              out[i] = Double.NaN;
            }
          }
          return;
        }
      }
    }

    /** Adds one day's rates, weighted; false when the product is not in that day's schedule. */
    private boolean day(HtsCode code, LocalDate day, double weight, int from, int to) {
      DutyEngine.ProductDay pd = engine.productDay(code, day, LawView.LAW);
      if (!pd.exists()) {
        return false;
      }
      DutyEngine.Grouped grouped = pd.groups(grouping);
      double[] groupRate = new double[grouped.groups() * 2];
      java.util.Arrays.fill(groupRate, Double.NaN);
      if (tmp.length < to - from) {
        tmp = new double[Math.max(to - from, 2 * tmp.length)];
      }
      for (int i = from; i < to; i++) {
        if (only != null && !only[table.origin[i]]) {
          continue;
        }
        Country c = countries.get(table.origin[i]);
        int g = grouped.groupOf(table.origin[i]);
        double share = table.usmcaShare[i];
        double r;
        if (share > 0 && (c.iso2().equals("CA") || c.iso2().equals("MX"))) {
          r = (1 - share) * rate(groupRate, 2 * g, code, c, day, false) + share * rate(groupRate, 2 * g + 1, code, c, day, true);
        } else {
          r = rate(groupRate, 2 * g, code, c, day, false);
        }
        if (Double.isNaN(r)) {
          return false;
        }
        tmp[i - from] = r;
      }
      for (int i = from; i < to; i++) {
        if (only == null || only[table.origin[i]]) {
          out[i] += weight * tmp[i - from];
        }
      }
      return true;
    }

    private double rate(double[] cache, int slot, HtsCode code, Country c, LocalDate day, boolean usmca) {
      double r = cache[slot];
      if (!Double.isNaN(r)) {
        return r;
      }
      Result<DutyBreakdown> res = engine.compute(new DutyRequest(code, c, day,
          usmca ? EntryFacts.NONE.withUsmcaClaimed(true) : EntryFacts.NONE, LawView.LAW), false);
      r = res.isSuccess() ? res.value().totalEquivalent().doubleValue() / 100 : Double.NaN;
      cache[slot] = r;
      return r;
    }
  }
}
