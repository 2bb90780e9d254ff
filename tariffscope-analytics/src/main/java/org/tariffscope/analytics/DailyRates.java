package org.tariffscope.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tariffscope.basics.Countries;
import org.tariffscope.data.CsvTable;

/**
 * The daily import-weighted rates (overall, by country, GTAP sector and HS-2 chapter), summed while
 * the panel is computed, product by product.
 *
 * <p>Each 2024 flow is split by USMCA claim (Canada and Mexico) and by the products its code maps to
 * ({@link ProductMapping}); a panel row of that product, origin class and claim then adds the flow's
 * weight times its rates on the first day the row and the mapping both hold, and takes it away on
 * the day after. A running sum over the days turns these changes into daily totals, so the cost is
 * one pass over the weighted rows, whatever the number of days. Threads sum into their own arrays.
 */
final class DailyRates {
  /** The splits, as in the table names {@code etr_daily_<name>}. */
  static final List<String> SPLITS = List.of("overall", "country", "sector", "hs2");
  /** Per day and key: weight, total, then the rate columns. */
  private static final int WIDTH = 2 + PanelDatabase.RATE_COLUMNS.size();

  /** A share of a flow, priced as one product, for some days. */
  private record Weighted(double weight, int from, int until, int[] keys) {
  }

  private final LocalDate first;
  private final int days;
  private final List<String> keyNames = new ArrayList<>();
  /** Per product, the flows priced as it, by origin class and claim ({@code 2 * class + (usmca ? 1 : 0)}). */
  private final Map<String, Weighted[][]> byProduct = new HashMap<>();
  private final List<double[][]> perThread = new ArrayList<>();
  private final ThreadLocal<double[][]> sums = ThreadLocal.withInitial(this::newSums);

  /**
   * @param classOf origin class of each country index
   */
  DailyRates(TradeWeights weights, ProductMapping mapping, int[] classOf, Countries countries, LocalDate first,
      LocalDate until) {
    this.first = first;
    this.days = (int) ChronoUnit.DAYS.between(first, until);
    Map<String, Integer> keyIndex = new LinkedHashMap<>();
    Map<String, String> sectorOf = new HashMap<>();
    for (CsvTable.Row r : CsvTable.embedded("data/lists/hs10_gtap_crosswalk.csv").rows()) {
      sectorOf.put(r.get("hs10"), r.get("gtap_code").toLowerCase(Locale.ROOT));
    }
    int classes = 0;
    for (int c : classOf) {
      classes = Math.max(classes, c + 1);
    }
    Map<String, List<List<Weighted>>> lists = new HashMap<>();
    for (Flow f : weights.flows()) {
      List<ProductMapping.Share> shares = mapping.of(f.hts10());
      if (shares.isEmpty()) {
        continue;
      }
      int[] keys = {
          key(keyIndex, "overall", "all"),
          key(keyIndex, "country", countries.get(f.countryIndex()).iso2()),
          key(keyIndex, "sector", sectorOf.getOrDefault(f.hts10(), "unmapped")),
          key(keyIndex, "hs2", f.hts10().substring(0, 2))};
      int cls = classOf[f.countryIndex()];
      for (ProductMapping.Share s : shares) {
        int from = day(s.from());
        int to = day(s.until());
        final int slots = 2 * classes;
        List<List<Weighted>> slotLists = lists.computeIfAbsent(s.product(), k -> {
          List<List<Weighted>> l = new ArrayList<>(slots);
          for (int i = 0; i < slots; i++) {
            l.add(null);
          }
          return l;
        });
        double claimed = f.value() * s.share() * f.usmcaShare();
        double notClaimed = f.value() * s.share() - claimed;
        for (int u = 0; u < 2; u++) {
          double w = u == 1 ? claimed : notClaimed;
          if (w > 0) {
            if (slotLists.get(2 * cls + u) == null) {
              slotLists.set(2 * cls + u, new ArrayList<>(2));
            }
            slotLists.get(2 * cls + u).add(new Weighted(w, from, to, keys));
          }
        }
      }
    }
    lists.forEach((product, slotLists) -> {
      Weighted[][] slots = new Weighted[slotLists.size()][];
      for (int i = 0; i < slots.length; i++) {
        slots[i] = slotLists.get(i) == null ? null : slotLists.get(i).toArray(new Weighted[0]);
      }
      byProduct.put(product, slots);
    });
    keyNames.addAll(keyIndex.keySet());
  }

  private static int key(Map<String, Integer> index, String split, String key) {
    return index.computeIfAbsent(split + "\t" + key, k -> index.size());
  }

  private int day(LocalDate d) {
    return (int) Math.max(0, Math.min(days, ChronoUnit.DAYS.between(first, d)));
  }

  private synchronized double[][] newSums() {
    double[][] s = new double[keyNames.size()][(days + 1) * WIDTH];
    perThread.add(s);
    return s;
  }

  /** Adds one product's panel rows; called from the threads computing the panel. */
  void add(String product, List<PanelRow> rows) {
    Weighted[][] slots = byProduct.get(product);
    if (slots == null) {
      return;
    }
    double[][] s = sums.get();
    for (PanelRow r : rows) {
      Weighted[] flows = slots[2 * r.originClass() + (r.usmca() ? 1 : 0)];
      if (flows == null) {
        continue;
      }
      int rowFrom = day(r.from());
      int rowUntil = day(r.until());
      for (Weighted w : flows) {
        int from = Math.max(rowFrom, w.from());
        int until = Math.min(rowUntil, w.until());
        if (from >= until) {
          continue;
        }
        for (int k : w.keys()) {
          double[] a = s[k];
          change(a, from, w.weight(), r);
          change(a, until, -w.weight(), r);
        }
      }
    }
  }

  private static void change(double[] a, int day, double weight, PanelRow r) {
    int at = day * WIDTH;
    a[at] += weight;
    a[at + 1] += weight * r.total();
    float[] rates = r.rates();
    for (int i = 0; i < rates.length; i++) {
      a[at + 2 + i] += weight * rates[i];
    }
  }

  /** Receives one day of one key: weight in dollars, then total and parts in percent. */
  interface Row {
    void accept(String split, String key, LocalDate date, double importsDollars, double[] rates);
  }

  /** The daily rates, key by key and day by day; days with no weight are skipped. */
  void forEach(Row out) {
    double[] running = new double[WIDTH];
    double[] rates = new double[WIDTH - 1];
    for (int k = 0; k < keyNames.size(); k++) {
      String[] name = keyNames.get(k).split("\t", 2);
      java.util.Arrays.fill(running, 0);
      for (int d = 0; d < days; d++) {
        for (double[][] s : perThread) {
          for (int i = 0; i < WIDTH; i++) {
            running[i] += s[k][d * WIDTH + i];
          }
        }
        double w = running[0];
        // Running sums leave crumbs such as 1e-6 dollars once every flow of a key has left.
        if (w < 1) {
          continue;
        }
        for (int i = 0; i < rates.length; i++) {
          double v = running[i + 1] / w;
          rates[i] = Math.abs(v) < 1e-9 ? 0 : v;
        }
        out.accept(name[0], name[1], first.plusDays(d), w, rates);
      }
    }
  }
}
