package org.tariffscope.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tariffscope.engine.DutyEngine;
import org.tariffscope.scenarios.Metric;
import org.tariffscope.scenarios.Scenario;
import org.tariffscope.scenarios.ScenarioLoader;
import org.tariffscope.scenarios.ScenarioReport;
import org.tariffscope.scenarios.SimulationResult;
import org.tariffscope.scenarios.Simulator;
import org.tariffscope.server.view.DealsPage;

/**
 * Scenarios over HTTP: {@code POST /api/v1/simulate}, {@code POST /api/v1/compare},
 * {@code GET /api/v1/scenarios} and the Deals page. The simulator (2024 flows, elasticities) loads in
 * the background from the first such request; until it is loaded these answer 503 with
 * {@code Retry-After}. Nothing else runs in the background.
 * Results of shipped scenarios are kept (they never change while the server runs), so the page is
 * fast after the first visit. The JSON fields are those of {@code tariffscope simulate --format json}.
 */
final class Deals {
  private static final Logger LOG = LoggerFactory.getLogger("tariffscope.server");
  /** Draws the API accepts in one request (1,000 take a few seconds per scenario on two cores). */
  static final int MAX_DRAWS = 1000;
  static final int MAX_SCENARIOS = 6;
  /** Draws the page shows bands with. */
  static final int PAGE_DRAWS = 100;
  /** Scenarios the page compares when none are chosen. */
  static final List<String> DEFAULT_SELECTION = List.of("japan-status-quo-april", "japan-24pct-july", "japan-deal",
      "japan-offer", "japan-autos-stacked");

  private volatile CompletableFuture<Simulator> simulator;
  private final ServerOptions options;
  /** Results of shipped scenarios by name, draws and seed: computed once, concurrent requests share the computation. */
  private final Map<String, CompletableFuture<SimulationResult>> shippedResults = new java.util.concurrent.ConcurrentHashMap<>();
  /** Titles of the shipped scenarios, once the model is loaded. */
  private volatile Map<String, String> titles;

  /** One simulator per engine, shared by every server on it (tests start several). */
  private static final Map<DutyEngine, CompletableFuture<Simulator>> SIMULATORS = new java.util.WeakHashMap<>();

  private final DutyEngine engine;

  Deals(DutyEngine engine, ServerOptions options) {
    this.engine = engine;
    this.options = options;
  }

  /** The engine's simulator, loading in the background from the first call. */
  private static synchronized CompletableFuture<Simulator> simulatorOf(DutyEngine engine) {
    CompletableFuture<Simulator> f = SIMULATORS.get(engine);
    if (f == null) {
      f = CompletableFuture.supplyAsync(() -> {
        long start = System.nanoTime();
        Simulator s = new Simulator(engine.schedule(), engine.book(), engine.countries());
        LOG.info("Loaded the scenario model in {} s", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        return s;
      }, Deals::daemon);
      SIMULATORS.put(engine, f);
    }
    return f;
  }

  private static void daemon(Runnable r) {
    Thread t = new Thread(r, "tariffscope-scenarios");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  private Simulator sim() {
    CompletableFuture<Simulator> f = simulator;
    if (f == null) {
      f = simulatorOf(engine);
      simulator = f;
    }
    Simulator s = f.getNow(null);
    if (s == null) {
      if (f.isCompletedExceptionally()) {
        throw new ApiError(503, "UNAVAILABLE", "The scenario model could not be loaded; see the server's log");
      }
      throw new ApiError(503, "LOADING", "The scenario model is still loading (it takes some seconds after the server "
          + "starts); try again in a moment");
    }
    return s;
  }

  private SimulationResult shipped(String name, int draws, long seed) {
    Simulator s = sim();
    String key = name + "|" + draws + "|" + seed;
    CompletableFuture<SimulationResult> f = shippedResults.computeIfAbsent(key, k -> new CompletableFuture<>());
    synchronized (f) {
      if (!f.isDone()) {
        try {
          f.complete(s.simulate(s.loader().load(name).orThrow(), draws, seed));
        } catch (RuntimeException e) {
          shippedResults.remove(key);
          f.completeExceptionally(e);
        }
      }
    }
    try {
      return f.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private Map<String, String> titles(Simulator s) {
    Map<String, String> t = titles;
    if (t == null) {
      t = new LinkedHashMap<>();
      for (String name : ScenarioLoader.shipped()) {
        Scenario sc = s.loader().load(name).scenario();
        t.put(name, sc == null ? name : sc.title());
      }
      titles = t;
    }
    return t;
  }

  // ---- API ------------------------------------------------------------------------------------

  /** {@code GET /api/v1/scenarios}: the shipped scenarios, with their titles. */
  Reply list() {
    ScenarioLoader loader = new ScenarioLoader(engine.book(), engine.countries()); // no need for the flows
    List<Map<String, Object>> out = new ArrayList<>();
    for (String name : ScenarioLoader.shipped()) {
      Scenario sc = loader.load(name).orThrow();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", sc.name());
      m.put("title", sc.title());
      m.put("base", sc.base());
      m.put("partner", sc.partner() == null ? null : sc.partner().iso2());
      m.put("description", sc.description());
      out.add(m);
    }
    return Reply.json(Map.of("scenarios", out));
  }

  /**
   * {@code POST /api/v1/simulate}: {@code {"scenario": "japan-deal"}} or {@code {"yaml": "..."}}, with
   * optional {@code draws} and {@code seed}.
   */
  Reply simulate(Context ctx) {
    JsonNode body = body(ctx);
    int draws = draws(body);
    long seed = seed(body);
    return Reply.json(ScenarioReport.simulation(run(body, "", draws, seed)));
  }

  /**
   * {@code POST /api/v1/compare}: {@code {"scenarios": ["japan-deal", {"yaml": "..."}, ...]}} (2 to 6),
   * with optional {@code draws} and {@code seed}.
   */
  Reply compare(Context ctx) {
    JsonNode body = body(ctx);
    int draws = draws(body);
    long seed = seed(body);
    JsonNode list = body.get("scenarios");
    if (list == null || !list.isArray() || list.size() < 2 || list.size() > MAX_SCENARIOS) {
      throw ApiError.badRequest("'scenarios' must be a list of 2 to " + MAX_SCENARIOS
          + " scenarios: names of shipped ones or {\"yaml\": \"...\"}");
    }
    List<SimulationResult> results = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      JsonNode spec = item.isTextual() ? Json.MAPPER.createObjectNode().put("scenario", item.asText()) : item;
      results.add(run(spec, "scenarios[" + i + "]: ", draws, seed));
    }
    return Reply.json(ScenarioReport.comparison(results));
  }

  private SimulationResult run(JsonNode spec, String where, int draws, long seed) {
    if (spec == null || !spec.isObject()) {
      throw ApiError.badRequest(where + "expected {\"scenario\": \"name\"} or {\"yaml\": \"...\"}");
    }
    JsonNode name = spec.get("scenario");
    JsonNode yaml = spec.get("yaml");
    if ((name == null) == (yaml == null)) {
      throw ApiError.badRequest(where + "give either 'scenario' (a shipped scenario's name) or 'yaml' (a scenario file's text)");
    }
    Simulator s = sim();
    if (name != null) {
      String n = name.asText();
      if (!ScenarioLoader.shipped().contains(n)) {
        throw new ApiError(404, "UNKNOWN_SCENARIO", where + "no shipped scenario '" + n + "'", ScenarioLoader.shipped());
      }
      return shipped(n, draws, seed);
    }
    if (!yaml.isTextual()) {
      throw ApiError.badRequest(where + "'yaml' must be the text of a scenario file");
    }
    Scenario sc = s.loader().loadText("posted.yaml", yaml.asText()).orThrow();
    return s.simulate(sc, draws, seed);
  }

  private JsonNode body(Context ctx) {
    String length = ctx.header("Content-Length");
    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > options.maxBodyBytes()) {
      throw Errors.bodyTooLarge();
    }
    try {
      JsonNode root = Json.MAPPER.readTree(ctx.bodyAsBytes());
      if (root == null || !root.isObject()) {
        throw ApiError.badRequest("The body must be a JSON object, e.g. {\"scenario\": \"japan-deal\", \"draws\": 200}");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("The body is not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int draws(JsonNode body) {
    JsonNode d = body.get("draws");
    if (d == null) {
      return 0;
    }
    if (!d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 0 || d.asInt() > MAX_DRAWS) {
      throw ApiError.badRequest("'draws' must be a whole number from 0 to " + MAX_DRAWS + ", not " + d);
    }
    return d.asInt();
  }

  private static long seed(JsonNode body) {
    JsonNode s = body.get("seed");
    if (s == null) {
      return Simulator.DEFAULT_SEED;
    }
    if (!s.isIntegralNumber() || !s.canConvertToLong()) {
      throw ApiError.badRequest("'seed' must be a whole number, not " + s);
    }
    return s.asLong();
  }

  // ---- the page -------------------------------------------------------------------------------

  /** {@code GET /deals?s=a&s=b...}: the chosen shipped scenarios side by side. */
  Reply page(Pages pages, Context ctx) {
    List<String> all = ScenarioLoader.shipped();
    List<String> chosen = new ArrayList<>();
    for (String s : ctx.queryParams("s")) {
      if (!s.isBlank() && !chosen.contains(s.strip())) {
        chosen.add(s.strip());
      }
    }
    boolean defaulted = chosen.isEmpty();
    if (defaulted) {
      chosen.addAll(DEFAULT_SELECTION.stream().filter(all::contains).toList());
    }
    List<String> scripts = List.of(TariffscopeServer.ECHARTS_PATH, "/static/deals.js");
    ApiError error = null;
    for (String c : chosen) {
      if (!all.contains(c)) {
        error = new ApiError(404, "UNKNOWN_SCENARIO", "No shipped scenario '" + c + "'", all);
      }
    }
    if (error == null && chosen.size() < 2) {
      error = ApiError.badRequest("Choose at least two scenarios to compare");
    }
    if (error == null && chosen.size() > MAX_SCENARIOS) {
      error = ApiError.badRequest("Choose at most " + MAX_SCENARIOS + " scenarios");
    }
    List<SimulationResult> results = new ArrayList<>();
    if (error == null) {
      try {
        for (String c : chosen) {
          results.add(shipped(c, PAGE_DRAWS, Simulator.DEFAULT_SEED));
        }
      } catch (ApiError e) {
        error = e;
      }
    }
    CompletableFuture<Simulator> loading = simulator;
    Simulator s = loading == null ? null : loading.getNow(null);
    Map<String, String> t = s == null ? Map.of() : titles(s);
    List<DealsPage.Choice> choices = new ArrayList<>();
    for (String name : order(all)) {
      choices.add(new DealsPage.Choice(name, t.getOrDefault(name, name), chosen.contains(name)));
    }
    int status = error == null ? 200 : error.status();
    DealsPage.Result result = error == null ? result(results) : null;
    DealsPage.Error err = error == null ? null : new DealsPage.Error(error.status(), error.code(), error.getMessage());
    return pages.render(status, "deals.jte", new DealsPage(pages.layout("Deals", "/deals", result == null ? List.of()
        : scripts), choices, result, err, PAGE_DRAWS));
  }

  /** Japan's scenarios first, then the others by name. */
  private static List<String> order(List<String> all) {
    List<String> out = new ArrayList<>(DEFAULT_SELECTION.stream().filter(all::contains).toList());
    all.stream().filter(n -> !out.contains(n)).forEach(out::add);
    return out;
  }

  private static DealsPage.Result result(List<SimulationResult> results) {
    List<DealsPage.Column> columns = new ArrayList<>();
    for (int k = 0; k < results.size(); k++) {
      SimulationResult.ScenarioInfo s = results.get(k).scenario();
      columns.add(new DealsPage.Column(String.valueOf((char) ('A' + k)), s.name(), s.title()));
    }
    List<DealsPage.Row> rows = new ArrayList<>();
    SimulationResult first = results.get(0);
    for (Metric m : Metric.values()) {
      if (results.stream().allMatch(r -> Double.isNaN(ScenarioReport.valueOf(r, m)))) {
        continue;
      }
      List<String> values = new ArrayList<>();
      List<String> bands = new ArrayList<>();
      List<String> diffs = new ArrayList<>();
      for (SimulationResult r : results) {
        SimulationResult.Headline h = r.headline().stream().filter(x -> x.metric() == m).findFirst().orElse(null);
        values.add(h == null ? "" : fmt(h.value()));
        bands.add(h == null || !h.hasBand() || h.p5() == h.p95() ? "" : fmt(h.p5()) + " – " + fmt(h.p95()));
      }
      double a = ScenarioReport.valueOf(first, m);
      for (SimulationResult r : results.subList(1, results.size())) {
        double v = ScenarioReport.valueOf(r, m);
        diffs.add(Double.isNaN(v) || Double.isNaN(a) ? "" : String.format(Locale.ROOT, "%+.2f", v - a));
      }
      rows.add(new DealsPage.Row(m.key(), m.label(), m.unit(), values, bands, diffs, m == Metric.PARTNER_IMPORTS_AFTER
          || m == Metric.BALANCE_AFTER || m == Metric.REVENUE_DYNAMIC || m == Metric.CONSUMER_PRICE_CHANGE));
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    List<Map<String, Object>> series = new ArrayList<>();
    List<Metric> shown = List.of(Metric.PARTNER_IMPORTS_AFTER, Metric.EXPORTS_AFTER, Metric.BALANCE_AFTER);
    boolean partner = results.stream().allMatch(r -> r.scenario().partnerIso2() != null);
    List<Metric> metrics = partner ? shown : List.of(Metric.REVENUE_DYNAMIC, Metric.DEADWEIGHT_LOSS);
    chart.put("metrics", metrics.stream().map(Metric::label).toList());
    for (SimulationResult r : results) {
      Map<String, Object> ser = new LinkedHashMap<>();
      String title = r.scenario().title();
      ser.put("name", title.indexOf(':') > 0 ? title.substring(0, title.indexOf(':')) : r.scenario().name());
      List<Object> values = new ArrayList<>();
      List<Object> low = new ArrayList<>();
      List<Object> high = new ArrayList<>();
      for (Metric m : metrics) {
        SimulationResult.Headline h = r.get(m);
        values.add(ScenarioReport.num(h.value()));
        low.add(ScenarioReport.num(h.p5()));
        high.add(ScenarioReport.num(h.p95()));
      }
      ser.put("values", values);
      ser.put("p5", low);
      ser.put("p95", high);
      series.add(ser);
    }
    chart.put("series", series);
    SimulationResult.ScenarioInfo info = first.scenario();
    String context = "Tariffs of " + info.from() + " against those of " + info.referenceDate() + ", on 2024 US imports; "
        + first.draws() + " elasticity draws (5th–95th percentile bands), seed " + first.seed() + ".";
    return new DealsPage.Result(columns, rows, Json.text(chart), context,
        "/api/v1/compare", first.notes());
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.1f" : "%.2f", v);
  }
}
