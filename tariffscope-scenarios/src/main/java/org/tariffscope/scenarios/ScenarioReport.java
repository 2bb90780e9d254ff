package org.tariffscope.scenarios;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shapes every adapter shows a simulation in: JSON-ready maps (the same field names for the CLI's
 * {@code --format json} and the HTTP API) and CSV lines. Numbers are rounded to four decimals; an
 * absent value is null.
 */
public final class ScenarioReport {
  private ScenarioReport() {
  }

  /** The whole result of {@code simulate}. */
  public static Map<String, Object> simulation(SimulationResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scenario", scenario(r.scenario()));
    m.put("draws", r.draws());
    m.put("seed", r.seed());
    m.put("headline", headline(r));
    m.put("by_origin", breakdown(r.byOrigin()));
    m.put("by_chapter", breakdown(r.byChapter()));
    m.put("by_sector", breakdown(r.bySector()));
    m.put("edits", r.edits());
    m.put("notes", r.notes());
    m.put("coverage", coverage(r.coverage()));
    return m;
  }

  /** The result of {@code compare}: each scenario's headline, and the differences from the first. */
  public static Map<String, Object> comparison(List<SimulationResult> results) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> list = new ArrayList<>();
    for (SimulationResult r : results) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("scenario", scenario(r.scenario()));
      s.put("draws", r.draws());
      s.put("seed", r.seed());
      s.put("headline", headline(r));
      list.add(s);
    }
    m.put("scenarios", list);
    m.put("reference", results.get(0).scenario().name());
    Map<String, Object> diffs = new LinkedHashMap<>();
    SimulationResult first = results.get(0);
    for (SimulationResult r : results.subList(1, results.size())) {
      Map<String, Object> d = new LinkedHashMap<>();
      for (SimulationResult.Headline h : r.headline()) {
        SimulationResult.Headline f = first.headline().stream().filter(x -> x.metric() == h.metric()).findFirst().orElse(null);
        d.put(h.metric().key(), f == null ? null : num(h.value() - f.value()));
      }
      diffs.put(r.scenario().name(), d);
    }
    m.put("differences", diffs);
    return m;
  }

  static Map<String, Object> scenario(SimulationResult.ScenarioInfo s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("title", s.title());
    m.put("file", s.file());
    m.put("base", s.base());
    m.put("partner", s.partnerIso2());
    m.put("partner_name", s.partnerName());
    m.put("from", s.from().toString());
    m.put("until", s.until().toString());
    m.put("reference_date", s.referenceDate().toString());
    return m;
  }

  static Map<String, Object> headline(SimulationResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (SimulationResult.Headline h : r.headline()) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("label", h.metric().label());
      v.put("unit", h.metric().unit());
      v.put("value", num(h.value()));
      v.put("p5", num(h.p5()));
      v.put("p50", num(h.p50()));
      v.put("p95", num(h.p95()));
      m.put(h.metric().key(), v);
    }
    return m;
  }

  static List<Map<String, Object>> breakdown(List<SimulationResult.Breakdown> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (SimulationResult.Breakdown b : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", b.key());
      m.put("label", b.label());
      m.put("before_busd", num(b.beforeBusd()));
      m.put("after_busd", num(b.afterBusd()));
      m.put("change_pct", num(b.changePct()));
      m.put("rate_before_pct", num(b.rateBeforePct()));
      m.put("rate_after_pct", num(b.rateAfterPct()));
      out.add(m);
    }
    return out;
  }

  static Map<String, Object> coverage(SimulationResult.Coverage c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("flows", c.flows());
    m.put("units", c.units());
    m.put("imports_busd", num(c.importsBusd()));
    m.put("unpriced_busd", num(c.unpricedBusd()));
    m.put("sigma_hs6_pct", num(c.sigmaHs6Pct()));
    m.put("sigma_hs4_pct", num(c.sigmaHs4Pct()));
    m.put("sigma_hs2_pct", num(c.sigmaHs2Pct()));
    m.put("sigma_median_pct", num(c.sigmaMedianPct()));
    m.put("rates_ms", c.ratesMillis());
    m.put("model_ms", c.modelMillis());
    return m;
  }

  /** CSV of the headline: {@code metric,label,unit,value,p5,p50,p95}. */
  public static List<String> headlineCsv(SimulationResult r) {
    List<String> out = new ArrayList<>();
    out.add("scenario,metric,label,unit,value,p5,p50,p95");
    for (SimulationResult.Headline h : r.headline()) {
      out.add(String.join(",", r.scenario().name(), h.metric().key(), quote(h.metric().label()), h.metric().unit(),
          text(h.value()), text(h.p5()), text(h.p50()), text(h.p95())));
    }
    return out;
  }

  /** CSV of a comparison: one row per metric, a column per scenario, then differences from the first. */
  public static List<String> comparisonCsv(List<SimulationResult> results) {
    List<String> out = new ArrayList<>();
    StringBuilder head = new StringBuilder("metric,label,unit");
    for (SimulationResult r : results) {
      head.append(',').append(r.scenario().name());
    }
    for (SimulationResult r : results.subList(1, results.size())) {
      head.append(',').append(r.scenario().name()).append("_minus_").append(results.get(0).scenario().name());
    }
    out.add(head.toString());
    for (Metric metric : Metric.values()) {
      double[] v = new double[results.size()];
      boolean any = false;
      for (int k = 0; k < results.size(); k++) {
        v[k] = valueOf(results.get(k), metric);
        any |= !Double.isNaN(v[k]);
      }
      if (!any) {
        continue;
      }
      StringBuilder row = new StringBuilder(metric.key()).append(',').append(quote(metric.label())).append(',')
          .append(metric.unit());
      for (double x : v) {
        row.append(',').append(text(x));
      }
      for (int k = 1; k < v.length; k++) {
        row.append(',').append(text(v[k] - v[0]));
      }
      out.add(row.toString());
    }
    return out;
  }

  /** The central value of a metric, NaN when the result does not have it. */
  public static double valueOf(SimulationResult r, Metric metric) {
    for (SimulationResult.Headline h : r.headline()) {
      if (h.metric() == metric) {
        return h.value();
      }
    }
    return Double.NaN;
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private static String text(double v) {
    Object n = num(v);
    return n == null ? "" : ((BigDecimal) n).toPlainString();
  }

  /** A number rounded to four decimals, or null for NaN. */
  public static Object num(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return null;
    }
    BigDecimal b = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return b.scale() < 0 ? b.setScale(0) : b;
  }
}
