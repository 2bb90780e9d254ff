package org.tariffscope.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tariffscope.basics.Failure;
import org.tariffscope.basics.FailureReason;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.Result;
import org.tariffscope.engine.DutyBreakdown;
import org.tariffscope.engine.DutyEngine;
import org.tariffscope.engine.DutyRequest;
import org.tariffscope.engine.RateTimeline;
import org.tariffscope.engine.report.DutyInput;
import org.tariffscope.engine.report.DutyPricer;
import org.tariffscope.engine.report.DutyReport;
import org.tariffscope.engine.report.MeasureQuery;
import org.tariffscope.engine.report.MeasureReport;
import org.tariffscope.engine.report.TimelineStep;
import org.tariffscope.schedule.HtsLine;
import org.tariffscope.schedule.HtsRevision;

/**
 * The JSON API under {@code /api/v1}: each handler reads its parameters, validates them the way the
 * CLI does ({@link DutyInput}, {@link MeasureQuery}), calls the engine and answers with the shared
 * report types ({@link DutyReport}, {@link TimelineStep}, {@link MeasureReport}). Documented in
 * {@code openapi.json} and {@code docs/api.md}.
 */
final class Api {
  /** The fields of an entry, in the query of {@code /duty} and in each object of a batch. */
  static final List<String> ENTRY_FIELDS = List.of("hts", "origin", "date", "value", "quantity", "usmca",
      "metal_content_pct", "us_content_pct", "claims", "as_published", "steel_content_pct", "aluminum_content_pct",
      "copper_content_pct", "preference");
  static final LocalDate TIMELINE_FROM = DutyEngine.FIRST_DATE;
  static final LocalDate TIMELINE_TO = LocalDate.of(2026, 12, 31);
  private static final int MAX_SEARCH = 100;
  private static final int MAX_LINES_UNDER = 2_000;
  private static final ObjectReader BODY_READER = Json.MAPPER.reader()
      .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final DutyEngine engine;
  private final DutyPricer pricer;
  private final ServerOptions options;
  private final byte[] openApi;

  Api(DutyEngine engine, ServerOptions options) {
    this.engine = engine;
    this.pricer = new DutyPricer(engine);
    this.options = options;
    try (InputStream in = Api.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the classpath");
      }
      this.openApi = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- GET /api/v1 ---------------------------------------------------------------------------

  Reply index(Context ctx) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", "Tariffscope");
    out.put("api", "v1");
    out.put("schedule_revision", engine.schedule().latest().id());
    out.put("data_end", engine.dataEnd().toString());
    out.put("measures", engine.book().measures().size());
    out.put("openapi", "/api/v1/openapi.json");
    return Reply.json(out);
  }

  Reply openApi(Context ctx) {
    return new Reply(200, Reply.JSON, openApi, Map.of());
  }

  // ---- duty ----------------------------------------------------------------------------------

  /** {@code GET /api/v1/duty}: one entry, explained. */
  Reply duty(Context ctx) {
    Result<DutyBreakdown> r = pricer.price(dutyInput(ctx), true);
    if (!r.isSuccess()) {
      throw Errors.of(r.failure());
    }
    return Reply.json(DutyReport.of(r.value()));
  }

  /** The entry given in a query: the same field names as a batch entry and the page's form. */
  static DutyInput dutyInput(Context ctx) {
    return new DutyInput(ctx.queryParam("hts"), ctx.queryParam("origin"), ctx.queryParam("date"),
        ctx.queryParam("value"), ctx.queryParam("quantity"), ctx.queryParam("usmca"),
        ctx.queryParam("metal_content_pct"), ctx.queryParam("us_content_pct"), claims(ctx.queryParams("claims")),
        flag(ctx.queryParam("as_published"), "as_published"))
        .withMetalContents(ctx.queryParam("steel_content_pct"), ctx.queryParam("aluminum_content_pct"),
            ctx.queryParam("copper_content_pct"))
        .withPreference(ctx.queryParam("preference"));
  }

  private static String claims(List<String> values) {
    List<String> kept = values.stream().filter(v -> v != null && !v.isBlank()).toList();
    return kept.isEmpty() ? null : String.join(";", kept);
  }

  /** A yes/no parameter: absent or blank is no. */
  static boolean flag(String text, String name) {
    if (text == null || text.isBlank()) {
      return false;
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1", "on" -> true;
      case "false", "no", "n", "0", "off" -> false;
      default -> throw ApiError.badRequest("Not yes or no: '" + text.strip() + "' (" + name + " is true or false)");
    };
  }

  /** {@code POST /api/v1/duty/batch}: a JSON array of entries, one report each, in order. */
  Reply batch(Context ctx) {
    String length = ctx.header("Content-Length");
    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > options.maxBodyBytes()) {
      throw Errors.bodyTooLarge();
    }
    JsonNode root;
    try {
      root = BODY_READER.readTree(ctx.bodyAsBytes());
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("The body is not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isArray()) {
      throw ApiError.badRequest("The body must be a JSON array of entries, e.g. "
          + "[{\"hts\": \"8703.23.01.60\", \"origin\": \"JP\", \"date\": \"2025-04-06\"}]");
    }
    if (root.size() > options.maxBatch()) {
      throw new ApiError(413, "BATCH_TOO_LARGE", "A batch holds at most " + options.maxBatch() + " entries; this one has "
          + root.size());
    }
    boolean explain = flag(ctx.queryParam("explain"), "explain");
    DutyReport[] out = new DutyReport[root.size()];
    List<DutyInput> inputs = new ArrayList<>(root.size());
    List<Integer> positions = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      try {
        inputs.add(entry(root.get(i)));
        positions.add(i);
      } catch (ApiError bad) {
        JsonNode n = root.get(i);
        out[i] = DutyReport.failed(text(n, "hts"), text(n, "origin"), text(n, "date"),
            Failure.of(FailureReason.INVALID_INPUT, "entries[" + i + "]: " + bad.getMessage()));
      }
    }
    List<DutyReport> priced = pricer.reportAll(inputs, explain);
    for (int k = 0; k < priced.size(); k++) {
      out[positions.get(k)] = priced.get(k);
    }
    return Reply.json(out);
  }

  /** One object of a batch as an entry; an object that is not one is an error for that entry only. */
  private static DutyInput entry(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw ApiError.badRequest("an entry is a JSON object with hts, origin and date");
    }
    Iterator<String> names = n.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!ENTRY_FIELDS.contains(name)) {
        throw ApiError.badRequest("unknown field '" + name + "' (the fields are " + String.join(", ", ENTRY_FIELDS) + ")");
      }
    }
    String claims;
    JsonNode c = n.get("claims");
    if (c != null && c.isArray()) {
      List<String> list = new ArrayList<>();
      for (JsonNode item : c) {
        if (!item.isTextual()) {
          throw ApiError.badRequest("claims is a list of claim names, e.g. [\"civil_aircraft\"]");
        }
        list.add(item.asText());
      }
      claims = String.join(";", list);
    } else {
      claims = scalar(n, "claims");
    }
    return new DutyInput(scalar(n, "hts"), scalar(n, "origin"), scalar(n, "date"), scalar(n, "value"),
        scalar(n, "quantity"), scalar(n, "usmca"), scalar(n, "metal_content_pct"), scalar(n, "us_content_pct"), claims,
        flag(scalar(n, "as_published"), "as_published"))
        .withMetalContents(scalar(n, "steel_content_pct"), scalar(n, "aluminum_content_pct"),
            scalar(n, "copper_content_pct"))
        .withPreference(scalar(n, "preference"));
  }

  /** A field given as a string, number or boolean, as text; absent or null as null. */
  private static String scalar(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isNumber()) {
      return v.decimalValue().toPlainString();
    }
    if (v.isBoolean()) {
      return Boolean.toString(v.booleanValue());
    }
    throw ApiError.badRequest(field + " must be a string or a number");
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n == null || !n.isObject() ? null : n.get(field);
    return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
  }

  // ---- schedule ------------------------------------------------------------------------------

  /** {@code GET /api/v1/hts/search}: lines by code prefix or by words of their description. */
  Reply search(Context ctx) {
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw ApiError.badRequest("q is required: words of a description (hydraulic backhoes) or the start of a code (8429.52)");
    }
    int limit = intParam(ctx.queryParam("limit"), "limit", 20, 1, MAX_SEARCH);
    HtsRevision rev = revision(ctx.queryParam("date"));
    List<HtsLine> hits = search(rev, q, limit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("revision", rev.id());
    out.put("query", q.strip());
    out.put("results", hits.stream().map(Api::hit).toList());
    return Reply.json(out);
  }

  /** Lines under a code prefix when the query is digits and dots, else lines whose description has every word. */
  static List<HtsLine> search(HtsRevision rev, String q, int limit) {
    String digits = q.replace(".", "").replace(" ", "");
    if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
      if (digits.length() < 2 || digits.length() > 10) {
        return List.of();
      }
      String even = digits.substring(0, digits.length() - digits.length() % 2);
      return rev.reportingLinesUnder(HtsCode.of(even)).stream()
          .filter(l -> l.code().digits().startsWith(digits) && !l.code().isChapter99())
          .limit(limit).toList();
    }
    return rev.search(q, limit);
  }

  private static Map<String, Object> hit(HtsLine l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", l.code().toString());
    m.put("description", l.description());
    String[] described = Pages.describe(l.path());
    m.put("title", described[0]);
    m.put("context", described[1]);
    m.put("general", l.general());
    m.put("units", l.units());
    return m;
  }

  /** {@code GET /api/v1/hts/{code}}: one line of the schedule, or the lines under a heading. */
  Reply hts(Context ctx) {
    HtsCode code = HtsCode.parse(ctx.pathParam("code"));
    HtsRevision rev = revision(ctx.queryParam("date"));
    return Reply.json(HtsLineReport.of(rev, code, engine.book(), MAX_LINES_UNDER).orElseThrow(() -> {
      List<String> near = rev.nearest(code.digits(), 5).stream().map(HtsCode::toString).toList();
      return new ApiError(404, FailureReason.UNKNOWN_HTS.name(), "HTS " + code + " is not in revision " + rev.id()
          + (near.isEmpty() ? "" : "; nearest codes: " + String.join(", ", near)), near);
    }));
  }

  private HtsRevision revision(String date) {
    if (date == null || date.isBlank()) {
      return engine.schedule().load(engine.schedule().latest());
    }
    LocalDate d = date(date, "date");
    return engine.schedule().loadFor(d).orElseThrow(() -> new ApiError(422, FailureReason.DATE_OUT_OF_RANGE.name(),
        "No HTS revision in force on " + d + ": the schedule starts on " + engine.schedule().first().effectiveDate()));
  }

  // ---- measures ------------------------------------------------------------------------------

  /** {@code GET /api/v1/measures}: the measures of the policy book, filtered as the CLI filters them. */
  Reply measures(Context ctx) {
    MeasureQuery query = MeasureQuery.parse(ctx.queryParam("date"), ctx.queryParam("origin"),
        ctx.queryParam("authority"), ctx.queryParam("heading"), flag(ctx.queryParam("as_published"), "as_published"),
        engine.countries());
    return Reply.json(query.select(engine.book()).stream().map(MeasureReport::of).toList());
  }

  /** {@code GET /api/v1/claims}: the claims an entry can make. */
  Reply claims(Context ctx) {
    return Reply.json(List.copyOf(engine.book().claims().values()));
  }

  // ---- timeline ------------------------------------------------------------------------------

  /** A product's timeline: its line, the steps of its rate, and every note of the steps once. */
  record Timeline(DutyRequest request, HtsLine line, LocalDate from, LocalDate to, List<TimelineStep> steps,
      List<String> notes) {
  }

  /** {@code GET /api/v1/timeline}: every change of the total rate; {@code format=csv} for a CSV file. */
  Reply timeline(Context ctx) {
    String format = ctx.queryParam("format");
    boolean csv = format != null && format.strip().equalsIgnoreCase("csv");
    if (format != null && !format.isBlank() && !csv && !format.strip().equalsIgnoreCase("json")) {
      throw ApiError.badRequest("Unknown format '" + format.strip() + "' (json or csv)");
    }
    Timeline t = timeline(engine, ctx);
    if (csv) {
      StringBuilder sb = new StringBuilder(TimelineStep.CSV_HEADER).append("\r\n");
      t.steps().forEach(s -> sb.append(s.csvRow()).append("\r\n"));
      String file = "timeline-" + t.line().code().digits() + "-" + t.request().origin().iso2() + ".csv";
      return Reply.text(200, Reply.CSV, sb.toString())
          .withHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("hts10", t.line().code().toString());
    out.put("description", t.line().fullDescription());
    out.put("origin_iso2", t.request().origin().iso2());
    out.put("origin", t.request().origin().name());
    out.put("from", t.from().toString());
    out.put("to", t.to().toString());
    out.put("usmca", t.request().facts().usmcaClaimed());
    out.put("preference", t.request().facts().preference());
    out.put("view", t.request().view().name().toLowerCase(Locale.ROOT));
    out.put("notes", t.notes());
    out.put("steps", t.steps());
    return Reply.json(out);
  }

  /** Reads and prices a timeline query (shared with the timeline page). */
  static Timeline timeline(DutyEngine engine, Context ctx) {
    LocalDate from = optionalDate(ctx.queryParam("from"), "from", TIMELINE_FROM);
    LocalDate to = optionalDate(ctx.queryParam("to"), "to", TIMELINE_TO);
    if (to.isBefore(from)) {
      throw ApiError.badRequest("to " + to + " is before from " + from);
    }
    Result<DutyRequest> request = new DutyInput(ctx.queryParam("hts"), ctx.queryParam("origin"), from.toString(), null,
        null, ctx.queryParam("usmca"), null, null, null, flag(ctx.queryParam("as_published"), "as_published"))
        .withPreference(ctx.queryParam("preference")).toRequest(engine.countries());
    if (!request.isSuccess()) {
      throw Errors.of(request.failure());
    }
    Result<List<RateTimeline.Step>> steps = RateTimeline.of(engine, request.value(), from, to);
    if (!steps.isSuccess()) {
      throw Errors.of(steps.failure());
    }
    List<RateTimeline.Step> list = steps.value();
    Result<DutyBreakdown> last = engine.compute(request.value().withDate(list.get(list.size() - 1).from()), false);
    if (!last.isSuccess()) {
      throw Errors.of(last.failure());
    }
    return new Timeline(request.value(), last.value().line(), from, to, TimelineStep.of(list), RateTimeline.notes(list));
  }

  // ---- parameters ----------------------------------------------------------------------------

  static LocalDate date(String text, String name) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest("Not a date for " + name + ": '" + text.strip() + "' (use YYYY-MM-DD)");
    }
  }

  private static LocalDate optionalDate(String text, String name, LocalDate fallback) {
    return text == null || text.isBlank() ? fallback : date(text, name);
  }

  static int intParam(String text, String name, int fallback, int min, int max) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(text.strip());
      if (v < min || v > max) {
        throw ApiError.badRequest(name + " is between " + min + " and " + max + ": " + v);
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("Not a whole number for " + name + ": '" + text.strip() + "'");
    }
  }

}
