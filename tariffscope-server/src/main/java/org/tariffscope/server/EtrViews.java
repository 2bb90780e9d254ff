package org.tariffscope.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tariffscope.analytics.EffectiveRates;
import org.tariffscope.analytics.EffectiveRates.By;
import org.tariffscope.analytics.EffectiveRates.Row;
import org.tariffscope.basics.Authority;
import org.tariffscope.basics.Country;
import org.tariffscope.server.view.Views.EtrRowView;
import org.tariffscope.server.view.Views.EtrView;
import org.tariffscope.server.view.Views.EventLink;
import org.tariffscope.server.view.Views.EventView;
import org.tariffscope.server.view.Views.Option;
import org.tariffscope.server.view.Views.Segment;
import org.tariffscope.server.view.Views.Stat;

/**
 * The effective-rates page's content from the panel: the headline figures, the chart data (the
 * overall rate stacked by authority over time, the split on the day as bars, the largest keys over
 * time as lines) and the table. Daily series are sent as the days they change on (the rates are
 * steps), so a chart of two years is a few kilobytes.
 */
final class EtrViews {
  /** Rows of the table unless all are asked for. */
  static final int TABLE_ROWS = 25;
  /** Bars of the chart of the day. */
  static final int BARS = 15;
  /** Lines of the chart over time. */
  static final int LINES = 8;
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private EtrViews() {
  }

  /** What the page asks for. */
  record Ask(LocalDate date, By by, List<Country> origins, boolean allRows) {
  }

  static EtrView of(EffectiveRates rates, Ask ask, List<EventView> events) {
    LocalDate first = EtrApi.FIRST;
    LocalDate last = EtrApi.LAST;
    By by = ask.by();
    Set<String> keys = EtrApi.keys(ask.origins());
    List<Row> overall = rates.series(first, last, By.OVERALL, Set.of());
    Row now = overall.stream().filter(r -> r.date().equals(ask.date())).findFirst().orElseThrow();
    Row start = overall.get(0);
    List<Row> on = rates.on(ask.date(), by, keys);
    Map<String, Row> before = new HashMap<>();
    rates.on(first, by, keys).forEach(r -> before.put(r.key(), r));

    // Authorities that carry a rate some day: the stack's layers and the authority table's rows.
    Set<Authority> layers = new LinkedHashSet<>();
    for (Authority a : Authority.values()) {
      if (overall.stream().anyMatch(r -> r.byAuthority()[a.ordinal()] != 0)) {
        layers.add(a);
      }
    }
    if (by == By.AUTHORITY) {
      on = on.stream().filter(r -> layers.contains(Authority.parse(r.key()))).toList();
    }

    List<Stat> stats = stats(now, start, ask.date());
    String stackJson = stackJson(overall, layers, ask.date(), events);
    String stackLabel = String.format(Locale.ROOT, "US effective tariff rate from %s to %s, stacked by authority: "
        + "%s on %s, %s on %s; the days it changed are in the CSV", DAY.format(first), DAY.format(last),
        pct(start.totalPct()), DAY.format(first), pct(now.totalPct()), DAY.format(ask.date()));

    List<Row> shown = ask.allRows() || by == By.AUTHORITY ? on : on.subList(0, Math.min(TABLE_ROWS, on.size()));
    List<Authority> parts = new ArrayList<>();
    if (by != By.AUTHORITY) {
      for (Authority a : Authority.values()) {
        if (shown.stream().anyMatch(r -> r.byAuthority()[a.ordinal()] != 0)) {
          parts.add(a);
        }
      }
    }
    double max = shown.stream().mapToDouble(Row::totalPct).max().orElse(0);
    List<EtrRowView> rows = new ArrayList<>();
    for (Row r : shown) {
      Row was = before.get(r.key());
      double change = r.totalPct() - (was == null ? 0 : was.totalPct());
      List<String> cells = parts.stream().map(a -> number(r.byAuthority()[a.ordinal()])).toList();
      String label = r.label();
      String title = by == By.AUTHORITY ? Authority.parse(r.key()).description() : "";
      rows.add(new EtrRowView(r.key(), label, by == By.AUTHORITY ? "" : imports(r.importsB()),
          pct(r.totalPct()), points(change), change > 0.005, cells, segments(r, by, max), title));
    }
    List<Option> heads = parts.stream().map(a -> new Option(a.key(), columnHead(a))).toList();

    String barsJson = on.isEmpty() ? "" : barsJson(on, by, layers);
    String barsLabel = "Effective rate on " + DAY.format(ask.date()) + " " + byText(by) + ": "
        + on.stream().limit(5).map(r -> r.label() + " " + pct(r.totalPct())).collect(Collectors.joining(", "))
        + (on.size() > 5 ? " … (table below)" : " (table below)");

    String linesJson = "";
    String linesTitle = "";
    String linesLabel = "";
    String linesCsv = "";
    if (by != By.AUTHORITY) {
      // The largest keys by 2024 imports, as the API's top picks them.
      Set<String> lineKeys = keys.isEmpty() ? EtrApi.largest(rates, first, by, LINES) : keys;
      List<Row> lineRows = rates.series(first, last, by, lineKeys);
      linesJson = lineRows.isEmpty() ? "" : linesJson(lineRows, overall, lineKeys, ask.date());
      String what = switch (by) {
        case COUNTRY -> keys.isEmpty() ? "The largest partners" : "The countries chosen";
        case SECTOR -> "The largest sectors";
        default -> "The largest chapters";
      };
      linesTitle = what + " over time";
      linesLabel = what + " (by 2024 imports), effective rate from " + DAY.format(first) + " to " + DAY.format(last)
          + ", one line each, with all imports dashed";
      Map<String, String> q = new LinkedHashMap<>();
      q.put("by", EtrApi.name(by));
      if (keys.isEmpty()) {
        q.put("top", Integer.toString(LINES));
      } else {
        q.put("origin", String.join(",", keys));
      }
      q.put("format", "csv");
      linesCsv = "/api/v1/etr/series?" + encode(q);
    }

    Map<String, String> here = new LinkedHashMap<>();
    here.put("date", ask.date().toString());
    here.put("by", EtrApi.name(by));
    if (!keys.isEmpty()) {
      here.put("origin", String.join(",", keys));
    }
    String api = encode(here);
    Map<String, String> all = new LinkedHashMap<>(here);
    all.put("rows", "all");
    List<EventLink> eventLinks = new ArrayList<>();
    for (EventView e : events) {
      Map<String, String> at = new LinkedHashMap<>(here);
      at.put("date", e.date());
      eventLinks.add(new EventLink(e.number(), e.date(), e.label(), "/effective-rates?" + encode(at),
          e.date().equals(ask.date().toString())));
    }
    String empty = "";
    if (on.isEmpty()) {
      empty = "The US imported nothing from " + ask.origins().stream().map(c -> c.name() + " (" + c.iso2() + ")")
          .collect(Collectors.joining(", ")) + " in 2024 that the weights record, so there is no rate to weight. "
          + "The duty calculator prices any entry from anywhere.";
    }
    return new EtrView(ask.date().toString(), DAY.format(ask.date()), EtrApi.name(by), byTitle(by), keyHeader(by),
        stats, stackJson, stackLabel, barsJson, barsLabel, linesJson, linesTitle, linesLabel,
        by != By.AUTHORITY, heads, rows, on.size(), "/effective-rates?" + encode(all), eventLinks,
        "/api/v1/etr?" + api + "&format=csv", "/api/v1/etr/series?format=csv", linesCsv, "/api/v1/etr?" + api,
        "Statutory rates weighted by 2024 US imports for consumption (Census), before any change in what is "
            + "imported (pre-substitution). Parts by authority add up to the rate.", empty);
  }

  private static List<Stat> stats(Row now, Row start, LocalDate date) {
    int top = 0;
    double[] p = now.byAuthority();
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[top]) {
        top = i;
      }
    }
    Authority largest = Authority.values()[top];
    return List.of(
        new Stat("Effective rate", pct(now.totalPct()), "on " + DAY.format(date)),
        new Stat("Since 1 Jan 2025", points(now.totalPct() - start.totalPct()), "from " + pct(start.totalPct())),
        new Stat("Largest layer", label(largest), number(p[top]) + " points"),
        new Stat("Imports weighted", String.format(Locale.ROOT, "$%.2fT", now.importsB() / 1000),
            "2024, all partners"));
  }

  /** The overall rate's layers at each day one of them changes, then at the last day. */
  private static String stackJson(List<Row> overall, Set<Authority> layers, LocalDate selected,
      List<EventView> events) {
    List<Row> steps = changes(overall, true);
    List<Map<String, Object>> series = new ArrayList<>();
    for (Authority a : layers) {
      List<Object[]> points = new ArrayList<>();
      for (Row r : steps) {
        points.add(new Object[] {r.date().toString(), round(r.byAuthority()[a.ordinal()])});
      }
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("key", a.key());
      one.put("label", a == Authority.MFN ? "Base rate (MFN)" : a.label());
      one.put("points", points);
      series.add(one);
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("start", EtrApi.FIRST.toString());
    chart.put("end", EtrApi.LAST.toString());
    chart.put("selected", selected.toString());
    chart.put("selectedText", DAY.format(selected));
    chart.put("series", series);
    chart.put("events", events);
    return Json.text(chart);
  }

  /** Bars of the day: the largest keys, stacked by authority (for the authority split, one bar each). */
  private static String barsJson(List<Row> on, By by, Set<Authority> layers) {
    List<Row> bars = on.stream().limit(BARS).toList();
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("categories", bars.stream().map(Row::label).toList());
    chart.put("keys", bars.stream().map(Row::key).toList());
    chart.put("totals", bars.stream().map(r -> round(r.totalPct())).toList());
    chart.put("single", by == By.AUTHORITY);
    List<Map<String, Object>> series = new ArrayList<>();
    for (Authority a : by == By.AUTHORITY ? List.<Authority>of() : List.copyOf(layers)) {
      if (bars.stream().noneMatch(r -> r.byAuthority()[a.ordinal()] != 0)) {
        continue;
      }
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("key", a.key());
      one.put("label", a == Authority.MFN ? "Base rate (MFN)" : a.label());
      one.put("values", bars.stream().map(r -> round(r.byAuthority()[a.ordinal()])).toList());
      series.add(one);
    }
    chart.put("series", series);
    return Json.text(chart);
  }

  /** One line per key (its total at each change), and the overall rate. */
  private static String linesJson(List<Row> rows, List<Row> overall, Set<String> keys, LocalDate selected) {
    Map<String, List<Row>> byKey = new LinkedHashMap<>();
    keys.forEach(k -> byKey.put(k, new ArrayList<>()));
    for (Row r : rows) {
      List<Row> list = byKey.get(r.key());
      if (list != null) {
        list.add(r);
      }
    }
    List<Map<String, Object>> series = new ArrayList<>();
    byKey.forEach((k, list) -> {
      if (!list.isEmpty()) {
        series.add(line(k, list.get(0).label(), list));
      }
    });
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("start", EtrApi.FIRST.toString());
    chart.put("end", EtrApi.LAST.toString());
    chart.put("selected", selected.toString());
    chart.put("selectedText", DAY.format(selected));
    chart.put("series", series);
    chart.put("overall", line("all", "All imports", overall));
    return Json.text(chart);
  }

  private static Map<String, Object> line(String key, String label, List<Row> rows) {
    List<Object[]> points = new ArrayList<>();
    for (Row r : changes(rows, false)) {
      points.add(new Object[] {r.date().toString(), round(r.totalPct())});
    }
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("key", key);
    one.put("label", label);
    one.put("points", points);
    return one;
  }

  /** The rows of one key on which its rate (or any of its parts) changes, and its last row. */
  static List<Row> changes(List<Row> rows, boolean parts) {
    List<Row> out = new ArrayList<>();
    Row prev = null;
    for (Row r : rows) {
      boolean same = prev != null && (parts ? Arrays.equals(round(prev.byAuthority()), round(r.byAuthority()))
          : round(prev.totalPct()) == round(r.totalPct()));
      if (!same) {
        out.add(r);
      }
      prev = r;
    }
    if (prev != null && (out.isEmpty() || out.get(out.size() - 1) != prev)) {
      out.add(prev);
    }
    return out;
  }

  private static List<Segment> segments(Row r, By by, double max) {
    if (max <= 0) {
      return List.of();
    }
    List<Segment> out = new ArrayList<>();
    if (by == By.AUTHORITY) {
      out.add(new Segment(r.key(), "0", width(r.totalPct() / max * 100)));
      return out;
    }
    double x = 0;
    for (Authority a : Authority.values()) {
      double v = Math.max(0, r.byAuthority()[a.ordinal()]);
      if (v > 0) {
        double w = v / max * 100;
        out.add(new Segment(a.key(), width(x), width(w)));
        x += w;
      }
    }
    return out;
  }

  private static String width(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String byTitle(By by) {
    return switch (by) {
      case COUNTRY -> "By country";
      case AUTHORITY -> "By authority";
      case SECTOR -> "By sector";
      case HS2 -> "By HS chapter";
      case OVERALL -> "Overall";
    };
  }

  private static String byText(By by) {
    return byTitle(by).toLowerCase(Locale.ROOT);
  }

  private static String label(Authority a) {
    return a.label();
  }

  /** Table column heads, short enough for eight of them (the CLI's). */
  static String columnHead(Authority a) {
    return switch (a) {
      case MFN -> "MFN";
      case SECTION_232 -> "232";
      case SECTION_301 -> "301";
      case IEEPA_RECIPROCAL -> "IEEPA recip.";
      case IEEPA_FENTANYL -> "Fentanyl";
      case SECTION_122 -> "122";
      case SECTION_201 -> "201";
      case OTHER -> "Other";
    };
  }

  private static String keyHeader(By by) {
    return switch (by) {
      case COUNTRY -> "Country";
      case AUTHORITY -> "Authority";
      case SECTOR -> "Sector (GTAP)";
      case HS2 -> "Chapter";
      case OVERALL -> "";
    };
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.2f%%", v);
  }

  static String number(double v) {
    return Math.abs(v) < 0.005 ? "0" : String.format(Locale.ROOT, "%.2f", v);
  }

  /** A change in percentage points: {@code +12.34 pts}, {@code −0.50 pts}, {@code 0}. */
  static String points(double v) {
    if (Math.abs(v) < 0.005) {
      return "±0";
    }
    return String.format(Locale.ROOT, "%s%.2f pts", v > 0 ? "+" : "−", Math.abs(v));
  }

  static String imports(double billions) {
    if (billions >= 100) {
      return String.format(Locale.ROOT, "$%,.0fB", billions);
    }
    if (billions >= 1) {
      return String.format(Locale.ROOT, "$%.1fB", billions);
    }
    return String.format(Locale.ROOT, "$%.0fM", billions * 1000);
  }

  private static double round(double v) {
    double r = Math.round(v * 10_000) / 10_000.0;
    return r == 0 ? 0 : r;
  }

  private static double[] round(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = round(v[i]);
    }
    return out;
  }

  static String encode(Map<String, String> params) {
    return params.entrySet().stream().filter(e -> !e.getValue().isEmpty())
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }
}
