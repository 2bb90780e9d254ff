package org.tariffscope.server;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tariffscope.analytics.BuildProgress;
import org.tariffscope.analytics.EffectiveRates.By;
import org.tariffscope.basics.Authority;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.FailureReason;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.basics.Result;
import org.tariffscope.engine.AppliedMeasure;
import org.tariffscope.engine.DutyBreakdown;
import org.tariffscope.engine.DutyEngine;
import org.tariffscope.engine.LawView;
import org.tariffscope.engine.report.DutyPricer;
import org.tariffscope.engine.report.DutyReport;
import org.tariffscope.engine.report.MeasureQuery;
import org.tariffscope.engine.report.TimelineStep;
import org.tariffscope.policy.Measure;
import org.tariffscope.schedule.SpecialPrograms;
import org.tariffscope.server.view.Views.CalculatorPage;
import org.tariffscope.server.view.Views.DutyForm;
import org.tariffscope.server.view.Views.DutyView;
import org.tariffscope.server.view.Views.ErrorPage;
import org.tariffscope.server.view.Views.ErrorView;
import org.tariffscope.server.view.Views.EtrForm;
import org.tariffscope.server.view.Views.EtrPage;
import org.tariffscope.server.view.Views.EtrView;
import org.tariffscope.server.view.Views.PanelWait;
import org.tariffscope.server.view.Views.EventView;
import org.tariffscope.server.view.Views.Layout;
import org.tariffscope.server.view.Views.LineView;
import org.tariffscope.server.view.Views.Link;
import org.tariffscope.server.view.Views.MeasureView;
import org.tariffscope.server.view.Views.MeasuresForm;
import org.tariffscope.server.view.Views.MeasuresPage;
import org.tariffscope.server.view.Views.NotAppliedView;
import org.tariffscope.server.view.Views.Option;
import org.tariffscope.server.view.Views.StepView;
import org.tariffscope.server.view.Views.TimelineForm;
import org.tariffscope.server.view.Views.TimelinePage;
import org.tariffscope.server.view.Views.TimelineView;

/**
 * The web app's pages, rendered on the server from the same calls and report types as the API; the
 * URL holds every input, so a page can be shared and is rendered complete without script. Scripts
 * only add the search box's suggestions and the chart.
 */
final class Pages {
  private final DutyEngine engine;
  private final RatePanelService panel;
  private final DutyPricer pricer;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final List<Option> countries;
  private final List<Option> claims;
  /** The free-trade agreements an entry may claim, for the calculator's choice. */
  private static final List<Option> AGREEMENTS = SpecialPrograms.embedded().all().stream()
      .map(p -> new Option(p.symbol(), p.symbol() + " · " + shortName(p.agreement()))).toList();

  /** An agreement's name short enough for a choice list: "U.S.-Korea FTA", "CAFTA-DR". */
  static String shortName(String agreement) {
    int paren = agreement.indexOf(" (");
    if (paren >= 0 && agreement.endsWith(")")) {
      return agreement.substring(paren + 2, agreement.length() - 1);
    }
    return agreement.replace("United States-", "U.S.-").replace("Free Trade Agreement", "FTA")
        .replace("Free Trade Area", "FTA").replace("Trade Promotion Agreement", "TPA");
  }
  private final List<Option> authorities;
  private final List<EventView> events;
  private final String dataNote;

  Pages(DutyEngine engine, RatePanelService panel) {
    this.engine = engine;
    this.panel = panel;
    this.pricer = new DutyPricer(engine);
    List<Option> cs = new ArrayList<>();
    for (Country c : engine.countries().all()) {
      String value = roundTrips(c) ? c.name() : c.iso2();
      cs.add(new Option(value, c.iso2()));
    }
    cs.sort(Comparator.comparing(Option::value, String.CASE_INSENSITIVE_ORDER));
    this.countries = List.copyOf(cs);
    this.claims = engine.book().claims().values().stream().map(c -> new Option(c.id(), c.title())).toList();
    List<Option> as = new ArrayList<>();
    for (Authority a : Authority.values()) {
      if (a != Authority.MFN) {
        as.add(new Option(a.key(), a.label()));
      }
    }
    this.authorities = List.copyOf(as);
    this.events = readEvents();
    this.dataNote = "HTS revisions to " + engine.schedule().latest().id() + " (in force from " + engine.dataEnd()
        + ") · " + engine.book().measures().size() + " measures";
  }

  private boolean roundTrips(Country c) {
    try {
      return engine.countries().parse(c.name()).equals(c);
    } catch (InvalidInputException e) {
      return false;
    }
  }

  // ---- duty calculator ------------------------------------------------------------------------

  Reply calculator(Context ctx) {
    Set<String> claimed = new LinkedHashSet<>();
    for (String c : ctx.queryParams("claims")) {
      for (String part : c.split("[;,]")) {
        if (!part.isBlank()) {
          claimed.add(part.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    DutyForm form = new DutyForm(q(ctx, "hts"), q(ctx, "origin"), q(ctx, "date"), q(ctx, "value"), q(ctx, "quantity"),
        checked(ctx, "usmca"), q(ctx, "metal_content_pct"), q(ctx, "us_content_pct"), claimed,
        checked(ctx, "as_published"), q(ctx, "preference"));
    boolean asked = Api.ENTRY_FIELDS.stream().anyMatch(f -> ctx.queryParam(f) != null);
    DutyView result = null;
    ErrorView error = null;
    int status = 200;
    if (asked) {
      try {
        Result<DutyBreakdown> r = pricer.price(Api.dutyInput(ctx), true);
        if (r.isSuccess()) {
          result = dutyView(r.value(), ctx);
        } else {
          ApiError e = Errors.of(r.failure());
          error = errorView(e, ctx, "hts");
          status = e.status();
        }
      } catch (ApiError e) {
        error = errorView(e, ctx, "hts");
        status = e.status();
      }
    }
    String today = LocalDate.now(ZoneId.of("America/New_York")).toString();
    String title = result == null ? "Duty calculator" : result.code() + " from " + result.origin();
    return render(status, "calculator.jte", new CalculatorPage(layout(title, "/", List.of()), form, countries, claims, AGREEMENTS,
        today, result, error));
  }

  private DutyView dutyView(DutyBreakdown b, Context ctx) {
    DutyReport r = DutyReport.of(b);
    boolean amounts = r.valueUsd() != null;
    List<LineView> lines = new ArrayList<>();
    String mfnLabel = b.mfn().column().equals("general") ? "Column 1 general rate"
        : b.mfn().column().equals("other") ? "Column 2 rate (" + b.mfn().note() + ")" : b.mfn().note();
    lines.add(new LineView(b.line().rateLine().toString(), "Base rate", "mfn",
        b.mfn().text().isEmpty() ? "Free" : b.mfn().text(), "", pct(r.mfnAdValoremPct()),
        amounts ? money(r.valueUsd().multiply(b.mfn().adValorem().fraction())) : "", mfnLabel, "", "", ""));
    List<AppliedMeasure> applied = b.applied();
    for (int i = 0; i < applied.size(); i++) {
      AppliedMeasure a = applied.get(i);
      DutyReport.Line l = r.additional().get(i);
      String rate = a.specific() != null ? "+" + a.specific() : signed(l.ratePct());
      String on = l.sharePct() == null ? "" : l.explanation() == null ? pct(l.sharePct()) + " of value" : l.explanation();
      lines.add(new LineView(l.heading(), label(l.authority()), l.authority(), rate, on, pct(l.effectivePct()),
          l.amountUsd() == null ? "" : money(l.amountUsd()), l.title(), l.citation(), safeUrl(l.url()),
          l.note() == null ? "" : l.note()));
    }
    List<NotAppliedView> notApplied = r.notApplied().stream().map(n -> new NotAppliedView(n.heading(),
        label(n.authority()), n.authority(), n.reason(), n.title())).toList();
    String query = query(ctx, Api.ENTRY_FIELDS);
    Map<String, String> timeline = new LinkedHashMap<>();
    timeline.put("hts", b.line().code().toString());
    timeline.put("origin", b.origin().iso2());
    if (b.facts().usmcaClaimed()) {
      timeline.put("usmca", "true");
    }
    b.facts().preferenceOpt().ifPresent(p -> timeline.put("preference", p));
    String specific = b.specifics().isEmpty() ? "" : "plus " + b.specifics().stream().map(Object::toString)
        .collect(Collectors.joining(" + "));
    String[] described = describe(b.line().path());
    return new DutyView(r.hts10(), described[0], described[1], r.origin(), r.originIso2(), r.date(),
        r.revision(), b.view() == LawView.AS_PUBLISHED, amounts ? money(r.valueUsd()) : "", lines,
        pct(r.totalAdValoremPct()), pct(DutyReport.number(b.additionalAdValorem())),
        r.dutyUsd() == null ? "" : money(r.dutyUsd()), specific, notApplied, r.warnings() == null ? List.of() : r.warnings(),
        "/timeline?" + encode(timeline), "/api/v1/duty?" + query, "/?" + query);
  }

  // ---- timeline -------------------------------------------------------------------------------

  Reply timeline(Context ctx) {
    TimelineForm form = new TimelineForm(q(ctx, "hts"), q(ctx, "origin"), checked(ctx, "usmca"), q(ctx, "preference"));
    TimelineView result = null;
    ErrorView error = null;
    int status = 200;
    if (ctx.queryParam("hts") != null || ctx.queryParam("origin") != null) {
      try {
        result = timelineView(Api.timeline(engine, ctx), ctx);
      } catch (ApiError e) {
        error = errorView(e, ctx, "hts");
        status = e.status();
      } catch (InvalidInputException e) {
        ApiError api = Errors.of(e, "GET", ctx.path());
        error = errorView(api, ctx, "hts");
        status = api.status();
      }
    }
    String title = result == null ? "Timeline" : "Timeline of " + result.code() + " from " + result.origin();
    List<String> scripts = result == null ? List.of() : List.of(TariffscopeServer.ECHARTS_PATH, "/static/timeline.js");
    return render(status, "timeline.jte", new TimelinePage(layout(title, "/timeline", scripts), form, countries, result,
        error));
  }

  private TimelineView timelineView(Api.Timeline t, Context ctx) {
    List<TimelineStep> steps = t.steps();
    // Authorities that carry a rate in some step, in the order of the law's layers.
    Set<String> keys = new LinkedHashSet<>();
    for (Authority a : Authority.values()) {
      for (TimelineStep s : steps) {
        BigDecimal v = s.byAuthority().get(a.key());
        if (v != null && v.signum() != 0) {
          keys.add(a.key());
          break;
        }
      }
    }
    if (keys.isEmpty()) {
      keys.add(Authority.MFN.key());
    }
    List<Map<String, Object>> series = new ArrayList<>();
    for (String key : keys) {
      List<Object[]> points = new ArrayList<>();
      for (TimelineStep s : steps) {
        points.add(new Object[] {s.from(), s.byAuthority().getOrDefault(key, BigDecimal.ZERO)});
      }
      points.add(new Object[] {t.to().toString(),
          steps.get(steps.size() - 1).byAuthority().getOrDefault(key, BigDecimal.ZERO)});
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("key", key);
      one.put("label", key.equals("mfn") ? "Base rate" : label(key));
      one.put("points", points);
      series.add(one);
    }
    List<EventView> shown = new ArrayList<>();
    for (EventView e : events) {
      LocalDate d = LocalDate.parse(e.date());
      if (!d.isBefore(t.from()) && !d.isAfter(t.to())) {
        shown.add(new EventView(shown.size() + 1, e.date(), e.label()));
      }
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("start", t.from().toString());
    chart.put("end", t.to().toString());
    chart.put("series", series);
    chart.put("events", shown);
    List<StepView> rows = new ArrayList<>();
    BigDecimal low = null;
    BigDecimal high = null;
    for (TimelineStep s : steps) {
      String last = s.until() == null ? t.to().toString() : LocalDate.parse(s.until()).minusDays(1).toString();
      rows.add(new StepView(s.from(), last, pct(s.totalAdValoremPct()), s.headings(), s.change(), s.revision()));
      low = low == null || s.totalAdValoremPct().compareTo(low) < 0 ? s.totalAdValoremPct() : low;
      high = high == null || s.totalAdValoremPct().compareTo(high) > 0 ? s.totalAdValoremPct() : high;
    }
    String query = query(ctx, List.of("hts", "origin", "from", "to", "usmca", "preference", "as_published"));
    String origin = t.request().origin().name();
    String label = "Total duty rate of " + t.line().code() + " from " + origin + ", " + t.from() + " to " + t.to()
        + ": from " + pct(low) + " to " + pct(high) + " in " + steps.size() + " steps (table below)";
    Map<String, String> calc = new LinkedHashMap<>();
    calc.put("hts", t.line().code().toString());
    calc.put("origin", t.request().origin().iso2());
    calc.put("date", steps.get(steps.size() - 1).from());
    if (t.request().facts().usmcaClaimed()) {
      calc.put("usmca", "true");
    }
    t.request().facts().preferenceOpt().ifPresent(p -> calc.put("preference", p));
    String[] described = describe(t.line().path());
    return new TimelineView(t.line().code().toString(), described[0], described[1], origin, t.from() + " – " + t.to(),
        Json.text(chart), label, rows, shown, "/api/v1/timeline?" + query + (query.isEmpty() ? "" : "&") + "format=csv",
        "/api/v1/timeline?" + query, "/?" + encode(calc), pct(low), pct(high),
        pct(steps.get(steps.size() - 1).totalAdValoremPct()), t.notes());
  }

  private static List<EventView> readEvents() {
    List<EventView> out = new ArrayList<>();
    try (InputStream in = Pages.class.getResourceAsStream("/timeline-events.csv")) {
      if (in == null) {
        throw new IllegalStateException("timeline-events.csv is missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("date,")) {
          continue;
        }
        int comma = line.indexOf(',');
        out.add(new EventView(out.size() + 1, LocalDate.parse(line.substring(0, comma).strip()).toString(),
            line.substring(comma + 1).strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }

  // ---- measures -------------------------------------------------------------------------------

  Reply measures(Context ctx) {
    MeasuresForm form = new MeasuresForm(q(ctx, "date"), q(ctx, "origin"), q(ctx, "authority"), q(ctx, "heading"));
    List<MeasureView> rows = List.of();
    ErrorView error = null;
    int status = 200;
    try {
      MeasureQuery query = MeasureQuery.parse(form.date(), form.origin(), form.authority(), form.heading(), false,
          engine.countries());
      rows = query.select(engine.book()).stream().map(Pages::measureView).toList();
    } catch (InvalidInputException e) {
      ApiError api = Errors.of(e, "GET", ctx.path());
      error = errorView(api, ctx, null);
      status = api.status();
    }
    String query = query(ctx, List.of("date", "origin", "authority", "heading"));
    return render(status, "measures.jte", new MeasuresPage(layout("Measures", "/measures", List.of()), form, countries,
        authorities, rows, engine.book().measures().size(), "/api/v1/measures" + (query.isEmpty() ? "" : "?" + query),
        error));
  }

  private static MeasureView measureView(Measure m) {
    String rate = m.rate() + (m.base() == org.tariffscope.basics.ValueBase.FULL ? "" : " on " + m.base().description());
    return new MeasureView(m.heading().toString(), m.authority().label(), m.authority().key(), m.title(), rate,
        m.effective().start().toString(), m.effective().lastDay().map(LocalDate::toString).orElse(""),
        m.untilReason(), m.countries().toString(), m.products().toString(), m.when().isEmpty() ? "" : m.when().toString(),
        m.primaryInstrument().citation(), m.primaryInstrument().title(), safeUrl(m.primaryInstrument().url()),
        m.source().toString());
  }

  // ---- effective rates ------------------------------------------------------------------------

  private static final List<Option> SPLITS = List.of(new Option("country", "By country"),
      new Option("authority", "By authority"), new Option("sector", "By sector (GTAP)"),
      new Option("hs2", "By HS chapter"));

  /**
   * The effective rates on a day (default today, within the panel's two years), split by country
   * (default), authority, sector or chapter, with the overall rate over time. While the panel is
   * being built the page shows how far it is and reloads itself.
   */
  Reply effectiveRates(Context ctx) {
    EtrForm form = new EtrForm(q(ctx, "date"), q(ctx, "by"), q(ctx, "origin"));
    EtrView result = null;
    PanelWait waiting = null;
    ErrorView error = null;
    int status = 200;
    int refresh = 0;
    try {
      LocalDate date = form.date().isBlank() ? defaultEtrDate() : EtrApi.day(form.date(), "date");
      By by = form.by().isBlank() ? By.COUNTRY : EtrApi.by(form.by(), false);
      if (by == By.OVERALL) {
        by = By.AUTHORITY;
      }
      // Countries to compare: only the country split reads them (the box stays filled when the split changes).
      List<Country> origins = by == By.COUNTRY ? EtrApi.origins(ctx.queryParams("origin"), engine.countries())
          : List.of();
      EtrViews.Ask ask = new EtrViews.Ask(date, by, origins, "all".equalsIgnoreCase(q(ctx, "rows").strip()));
      form = new EtrForm(date.toString(), EtrApi.name(by), form.origin());
      result = panel.query(rates -> EtrViews.of(rates, ask, events));
    } catch (ApiError e) {
      if (e.code().startsWith("PANEL_")) {
        RatePanelService.State st = panel.state();
        status = 503;
        if (st.status() == RatePanelService.Status.FAILED) {
          waiting = new PanelWait(0, "", "", "", st.message());
        } else {
          BuildProgress.Snapshot p = st.progress();
          waiting = p == null ? new PanelWait(0, "opening the panel", "a few seconds", "", "")
              : new PanelWait(p.percent(), p.doing(), p.leftText(), p.elapsed().toSeconds() + " s", "");
          refresh = 5;
        }
      } else {
        error = errorView(e, ctx, null);
        status = e.status();
      }
    }
    String title = result == null ? "Effective rates" : "Effective rates on " + result.dateText();
    List<String> scripts = result == null ? List.of() : List.of(TariffscopeServer.ECHARTS_PATH, "/static/etr.js");
    Reply reply = render(status, "etr.jte", new EtrPage(layout(title, "/effective-rates", scripts, refresh), form,
        SPLITS, EtrApi.FIRST.toString(), EtrApi.LAST.toString(), result, waiting, error));
    return refresh > 0 ? reply.withHeader("Retry-After", Integer.toString(refresh)) : reply;
  }

  /** Today in Washington, within the days the panel covers. */
  static LocalDate defaultEtrDate() {
    LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
    return today.isBefore(EtrApi.FIRST) ? EtrApi.FIRST : today.isAfter(EtrApi.LAST) ? EtrApi.LAST : today;
  }

  // ---- other pages ----------------------------------------------------------------------------


  Reply error(ApiError e) {
    return render(e.status(), "error.jte", new ErrorPage(layout(title(e), "", List.of()),
        new ErrorView(e.status(), e.code(), title(e), e.getMessage(), List.of(), e.suggestions())));
  }

  // ---- helpers --------------------------------------------------------------------------------

  /**
   * A line's description path as a title and its context: the line's own words, with as many of
   * its parents as it takes to say something ("Hydraulic" alone says little), and the rest above it.
   */
  static String[] describe(List<String> path) {
    List<String> parts = path.stream().map(p -> p.endsWith(":") ? p.substring(0, p.length() - 1).strip() : p).toList();
    if (parts.isEmpty()) {
      return new String[] {"", ""};
    }
    int first = parts.size() - 1;
    String title = parts.get(first);
    while (title.length() < 40 && first > 1) {
      first--;
      title = parts.get(first) + " › " + title;
    }
    return new String[] {title, String.join(" › ", parts.subList(0, first))};
  }

  Layout layout(String title, String path, List<String> scripts) {
    return layout(title, path, scripts, 0);
  }

  private Layout layout(String title, String path, List<String> scripts, int refreshSeconds) {
    return new Layout(title, path, Nav.ITEMS, dataNote, scripts, refreshSeconds);
  }

  Reply render(int status, String template, Object model) {
    StringOutput out = new StringOutput(16 * 1024);
    templates.render(template, model, out);
    return Reply.html(status, out.toString());
  }

  /** An error for a page; suggested codes become links that ask again with the code replaced. */
  private static ErrorView errorView(ApiError e, Context ctx, String codeParam) {
    List<Link> links = new ArrayList<>();
    List<String> plain = new ArrayList<>();
    boolean codes = codeParam != null && (e.code().equals(FailureReason.UNKNOWN_HTS.name())
        || e.code().equals(FailureReason.NOT_A_LINE.name()));
    for (String s : e.suggestions().subList(0, Math.min(12, e.suggestions().size()))) {
      if (codes) {
        Map<String, String> params = params(ctx);
        params.put(codeParam, s);
        links.add(new Link(ctx.path() + "?" + encode(params), s));
      } else {
        plain.add(s);
      }
    }
    return new ErrorView(e.status(), e.code(), title(e), e.getMessage(), links, plain);
  }

  private static String title(ApiError e) {
    return switch (e.code()) {
      case "UNKNOWN_HTS" -> "Unknown HTS code";
      case "NOT_A_LINE" -> "Not a tariff line";
      case "UNKNOWN_COUNTRY" -> "Unknown country";
      case "DATE_OUT_OF_RANGE" -> "Date out of range";
      case "NOT_FOUND" -> "Page not found";
      case "TIMEOUT", "BUSY" -> "Please try again";
      case "INTERNAL" -> "Something went wrong";
      default -> e.status() >= 500 ? "Something went wrong" : "Please check the input";
    };
  }

  private static String q(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : v;
  }

  private static boolean checked(Context ctx, String name) {
    try {
      return Api.flag(ctx.queryParam(name), name);
    } catch (ApiError e) {
      return false;
    }
  }

  /** The request's parameters, first value of each, in order. */
  private static Map<String, String> params(Context ctx) {
    Map<String, String> out = new LinkedHashMap<>();
    ctx.queryParamMap().forEach((k, v) -> {
      if (!v.isEmpty()) {
        out.put(k, v.get(0));
      }
    });
    return out;
  }

  /** The named parameters of the request that have a value, encoded (repeated ones kept). */
  private static String query(Context ctx, List<String> names) {
    List<String> parts = new ArrayList<>();
    for (String name : names) {
      for (String v : ctx.queryParams(name)) {
        if (v != null && !v.isBlank()) {
          parts.add(enc(name) + "=" + enc(v));
        }
      }
    }
    return String.join("&", parts);
  }

  private static String encode(Map<String, String> params) {
    return params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Only web links are linked: anything else is shown as text. */
  static String safeUrl(String url) {
    if (url == null) {
      return "";
    }
    String u = url.strip().toLowerCase(Locale.ROOT);
    return u.startsWith("https://") || u.startsWith("http://") ? url.strip() : "";
  }

  private static final Map<Authority, String> LABELS = new EnumMap<>(Authority.class);

  static {
    for (Authority a : Authority.values()) {
      LABELS.put(a, a.label());
    }
  }

  private static String label(String key) {
    try {
      return LABELS.get(Authority.parse(key));
    } catch (InvalidInputException e) {
      return key;
    }
  }

  static String pct(BigDecimal v) {
    return v == null ? "" : v.stripTrailingZeros().toPlainString() + "%";
  }

  private static String signed(BigDecimal v) {
    return "+" + pct(v);
  }

  static String money(BigDecimal amount) {
    return String.format(Locale.ROOT, "$%,.2f", amount);
  }
}
