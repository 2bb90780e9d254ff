package org.tariffscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tariffscope.engine.report.DutyInput;
import org.tariffscope.engine.report.DutyPricer;

/** The JSON API over HTTP, on a real server: values, statuses and error bodies. */
class ApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static String query(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  static JsonNode json(HttpResponse<String> r) {
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + r.body(), e);
    }
  }

  static JsonNode line(JsonNode report, String heading) {
    for (JsonNode l : report.get("additional")) {
      if (l.get("heading").asText().equals(heading)) {
        return l;
      }
    }
    throw new AssertionError(heading + " not applied in " + report);
  }

  @Test
  void japaneseCarOnApril6thIs27AndAHalfPercentUnderSection232Autos() {
    HttpResponse<String> r = TestServer.get("/api/v1/duty?" + query("hts", "8703.23.01.60", "origin", "JP", "date",
        "2025-04-06", "value", "40000"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode report = json(r);
    assertThat(report.get("hts10").asText()).isEqualTo("8703.23.01.60");
    assertThat(report.get("origin_iso2").asText()).isEqualTo("JP");
    assertThat(report.get("mfn_ad_valorem_pct").decimalValue()).isEqualByComparingTo("2.5");
    assertThat(report.get("total_ad_valorem_pct").decimalValue()).isEqualByComparingTo("27.5");
    assertThat(report.get("duty_usd").decimalValue()).isEqualByComparingTo("11000");
    JsonNode autos = line(report, "9903.94.01");
    assertThat(autos.get("authority").asText()).isEqualTo("section_232");
    assertThat(autos.get("rate_pct").decimalValue()).isEqualByComparingTo("25");
    assertThat(autos.get("url").asText()).startsWith("https://www.federalregister.gov/");
    assertThat(report.get("not_applied").findValuesAsText("heading")).contains("9903.01.25");
  }

  @Test
  void japaneseBackhoeOnApril9thPays24PercentUnder9903_01_53() {
    JsonNode report = json(TestServer.get("/api/v1/duty?" + query("hts", "8429.52.10.10", "origin", "Japan", "date",
        "2025-04-09")));
    assertThat(report.get("total_ad_valorem_pct").decimalValue()).isEqualByComparingTo("24");
    assertThat(line(report, "9903.01.53").get("rate_pct").decimalValue()).isEqualByComparingTo("24");
    assertThat(report.get("by_authority").get("ieepa_reciprocal").decimalValue()).isEqualByComparingTo("24");
  }

  @Test
  void factsAndClaimsAreRead() {
    JsonNode usmca = json(TestServer.get("/api/v1/duty?" + query("hts", "8429.52.10.10", "origin", "CA", "date",
        "2025-04-06", "usmca", "true")));
    assertThat(usmca.get("additional").findValuesAsText("heading")).doesNotContain("9903.01.10");
    JsonNode metal = json(TestServer.get("/api/v1/duty?" + query("hts", "7326.90.86.88", "origin", "DE", "date",
        "2025-07-01", "value", "1000", "metal_content_pct", "40")));
    assertThat(metal.get("additional").findValuesAsText("share_pct")).isNotEmpty();
    HttpResponse<String> unknownClaim = TestServer.get("/api/v1/duty?" + query("hts", "8411.91.90.81", "origin", "GB",
        "date", "2025-07-01", "claims", "free_lunch"));
    assertThat(unknownClaim.statusCode()).isEqualTo(400);
    assertThat(json(unknownClaim).at("/error/message").asText()).contains("Unknown claim");
    JsonNode cafta = json(TestServer.get("/api/v1/duty?" + query("hts", "6109.10.00.12", "origin", "HN", "date",
        "2025-10-17", "preference", "P")));
    assertThat(cafta.get("mfn_column").asText()).isEqualTo("special:P");
    assertThat(cafta.get("total_ad_valorem_pct").decimalValue()).isEqualByComparingTo("10");
    HttpResponse<String> gsp = TestServer.get("/api/v1/duty?" + query("hts", "6109.10.00.12", "origin", "HN",
        "date", "2025-10-17", "preference", "A"));
    assertThat(gsp.statusCode()).isEqualTo(400);
    assertThat(json(gsp).at("/error/message").asText()).contains("not modelled");
    JsonNode batch = json(TestServer.post("/api/v1/duty/batch",
        "[{\"hts\": \"6109.10.00.12\", \"origin\": \"HN\", \"date\": \"2025-10-17\", \"preference\": \"P\"}]"));
    assertThat(batch.get(0).get("mfn_column").asText()).isEqualTo("special:P");
  }

  @Test
  void inputIsValidatedExactlyAsTheCliValidatesIt() {
    DutyPricer pricer = new DutyPricer(TestServer.engine());
    String[][] bad = {{"87O3.23.01.60", "JP", "2025-04-06"}, {"8703.23.01.60", "Korea", "2025-04-06"},
        {"8703.23.01.60", "JP", "April 6"}, {"8703.23.01.60", "Atlantis", "2025-04-06"}, {"8703.23.01.60", "JP", ""}};
    for (String[] in : bad) {
      HttpResponse<String> r = TestServer.get("/api/v1/duty?" + query("hts", in[0], "origin", in[1], "date", in[2]));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      String expected = pricer.price(DutyInput.of(in[0], in[1], in[2]), true).failure().message();
      assertThat(json(r).at("/error/message").asText()).isEqualTo(expected);
    }
    HttpResponse<String> value = TestServer.get("/api/v1/duty?" + query("hts", "8703.23.01.60", "origin", "JP", "date",
        "2025-04-06", "value", "-5"));
    assertThat(value.statusCode()).isEqualTo(400);
    assertThat(json(value).at("/error/code").asText()).isEqualTo("INVALID_INPUT");
  }

  @Test
  void errorsMapToStatuses() {
    HttpResponse<String> unknown = TestServer.get("/api/v1/duty?" + query("hts", "8703.23.01.99", "origin", "JP",
        "date", "2025-04-06"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).at("/error/code").asText()).isEqualTo("UNKNOWN_HTS");
    assertThat(json(unknown).at("/error/suggestions").size()).isPositive();

    HttpResponse<String> heading = TestServer.get("/api/v1/duty?" + query("hts", "8429.52", "origin", "JP", "date",
        "2025-04-06"));
    assertThat(heading.statusCode()).isEqualTo(422);
    assertThat(json(heading).at("/error/code").asText()).isEqualTo("NOT_A_LINE");

    HttpResponse<String> early = TestServer.get("/api/v1/duty?" + query("hts", "8429.52.10.10", "origin", "JP", "date",
        "2024-12-31"));
    assertThat(early.statusCode()).isEqualTo(422);
    assertThat(json(early).at("/error/code").asText()).isEqualTo("DATE_OUT_OF_RANGE");

    HttpResponse<String> route = TestServer.get("/api/v1/nothing-here");
    assertThat(route.statusCode()).isEqualTo(404);
    assertThat(json(route).at("/error/code").asText()).isEqualTo("NOT_FOUND");

    HttpResponse<String> method = TestServer.post("/api/v1/duty", "{}");
    assertThat(method.statusCode()).isEqualTo(405);
    assertThat(json(method).at("/error/code").asText()).isEqualTo("METHOD_NOT_ALLOWED");

    for (HttpResponse<String> r : List.of(unknown, heading, early, route, method)) {
      assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at io.");
    }
  }

  @Test
  void batchPricesGoodEntriesAndReportsBadOnesInOrder() {
    String body = """
        [{"hts": "8703.23.01.60", "origin": "JP", "date": "2025-04-06", "value": 40000},
         {"hts": "8703.23.01.99", "origin": "JP", "date": "2025-04-06"},
         {"hts": "8429.52.10.10", "origin": "Narnia", "date": "2025-04-09"},
         42,
         {"hts": "8429.52.10.10", "origin": "JP", "date": "2025-04-09", "colour": "red"},
         {"hts": "8429.52.10.10", "origin": "JP", "date": "2025-04-09", "usmca": false, "claims": []},
         {"hts": "8411.91.90.81", "origin": "GB", "date": "2025-07-01", "claims": ["civil_aircraft"]}]
        """;
    HttpResponse<String> r = TestServer.post("/api/v1/duty/batch", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode out = json(r);
    assertThat(out.size()).isEqualTo(7);
    assertThat(out.get(0).get("total_ad_valorem_pct").decimalValue()).isEqualByComparingTo("27.5");
    assertThat(out.get(0).get("duty_usd").decimalValue()).isEqualByComparingTo("11000");
    assertThat(out.get(0).get("not_applied").size()).isZero();
    assertThat(out.get(1).at("/error/code").asText()).isEqualTo("UNKNOWN_HTS");
    assertThat(out.get(1).get("hts10").asText()).isEqualTo("8703.23.01.99");
    assertThat(out.get(2).at("/error/code").asText()).isEqualTo("UNKNOWN_COUNTRY");
    assertThat(out.get(3).at("/error/message").asText()).startsWith("entries[3]:");
    assertThat(out.get(4).at("/error/message").asText()).contains("unknown field 'colour'");
    assertThat(out.get(5).get("total_ad_valorem_pct").decimalValue()).isEqualByComparingTo("24");
    assertThat(out.get(6).has("error")).isFalse();

    JsonNode explained = json(TestServer.post("/api/v1/duty/batch?explain=true",
        "[{\"hts\": \"8703.23.01.60\", \"origin\": \"JP\", \"date\": \"2025-04-06\"}]"));
    assertThat(explained.get(0).get("not_applied").size()).isPositive();
  }

  @Test
  void batchRejectsWhatIsNotAnArrayOfEntries() {
    assertThat(TestServer.post("/api/v1/duty/batch", "{\"hts\": \"8703.23.01.60\"}").statusCode()).isEqualTo(400);
    HttpResponse<String> broken = TestServer.post("/api/v1/duty/batch", "[{\"hts\": ");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(json(broken).at("/error/message").asText()).startsWith("The body is not valid JSON");
    assertThat(json(TestServer.post("/api/v1/duty/batch", "[]")).size()).isZero();
  }

  @Test
  void bodiesOver5MbAndBatchesOver10000EntriesAre413() {
    StringBuilder big = new StringBuilder("[");
    String entry = "{\"hts\": \"8703.23.01.60\", \"origin\": \"JP\", \"date\": \"2025-04-06\", \"value\": \"" + "1".repeat(200)
        + "\"},";
    while (big.length() < 5 * 1024 * 1024 + 10) {
      big.append(entry);
    }
    big.setLength(big.length() - 1);
    big.append(']');
    HttpResponse<String> tooBig = TestServer.post("/api/v1/duty/batch", big.toString());
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(json(tooBig).at("/error/code").asText()).isEqualTo("BODY_TOO_LARGE");

    String many = "[" + String.join(",", java.util.Collections.nCopies(10_001,
        "{\"hts\":\"8703.23.01.60\",\"origin\":\"JP\",\"date\":\"2025-04-06\"}")) + "]";
    HttpResponse<String> tooMany = TestServer.post("/api/v1/duty/batch", many);
    assertThat(tooMany.statusCode()).isEqualTo(413);
    assertThat(json(tooMany).at("/error/code").asText()).isEqualTo("BATCH_TOO_LARGE");

    String max = "[" + String.join(",", java.util.Collections.nCopies(10_000,
        "{\"hts\":\"8703.23.01.60\",\"origin\":\"JP\",\"date\":\"2025-04-06\"}")) + "]";
    HttpResponse<String> full = TestServer.post("/api/v1/duty/batch", max);
    assertThat(full.statusCode()).isEqualTo(200);
    assertThat(json(full).size()).isEqualTo(10_000);
  }

  @Test
  void aRequestOverItsDeadlineIs503() {
    try (TariffscopeServer slow = TestServer.startWith(ServerOptions.defaults()
        .withRequestTimeout(java.time.Duration.ofMillis(1)))) {
      String many = "[" + String.join(",", java.util.Collections.nCopies(10_000,
          "{\"hts\":\"8703.23.01.60\",\"origin\":\"JP\",\"date\":\"2025-04-06\"}")) + "]";
      HttpResponse<String> r = TestServer.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create(slow.url() + "/api/v1/duty/batch?explain=true"))
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(many)).build());
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(json(r).at("/error/code").asText()).isEqualTo("TIMEOUT");
      assertThat(r.headers().firstValue("Retry-After")).isPresent();
    }
  }

  @Test
  void searchFindsLinesByWordsAndByCode() {
    JsonNode words = json(TestServer.get("/api/v1/hts/search?" + query("q", "hydraulic backhoes")));
    assertThat(words.get("results").findValuesAsText("code")).contains("8429.52.10.10");
    JsonNode code = json(TestServer.get("/api/v1/hts/search?" + query("q", "8429.52", "limit", "5")));
    assertThat(code.get("results").size()).isBetween(1, 5);
    assertThat(code.get("results").findValuesAsText("code")).allMatch(c -> c.startsWith("8429.52"));
    JsonNode odd = json(TestServer.get("/api/v1/hts/search?" + query("q", "8703.2")));
    assertThat(odd.get("results").findValuesAsText("code")).isNotEmpty().allMatch(c -> c.startsWith("8703.2"));
    JsonNode dated = json(TestServer.get("/api/v1/hts/search?" + query("q", "backhoe", "date", "2025-04-06")));
    assertThat(dated.get("revision").asText()).isEqualTo("2025_rev_9");
    assertThat(TestServer.get("/api/v1/hts/search?q=").statusCode()).isEqualTo(400);
    assertThat(TestServer.get("/api/v1/hts/search?q=cars&limit=0").statusCode()).isEqualTo(400);
    assertThat(TestServer.get("/api/v1/hts/search?q=cars&limit=many").statusCode()).isEqualTo(400);
  }

  @Test
  void htsShowsALineItsRatesAndTheLinesUnderAHeading() {
    JsonNode car = json(TestServer.get("/api/v1/hts/8703.23.01.60?date=2025-04-06"));
    assertThat(car.get("revision").asText()).isEqualTo("2025_rev_9");
    assertThat(car.get("level").asText()).isEqualTo("statistical_line");
    assertThat(car.at("/rates/general/text").asText()).isEqualTo("2.5%");
    assertThat(car.get("rate_line").asText()).isEqualTo("8703.23.01");
    assertThat(car.get("units").get(0).asText()).isEqualTo("No.");
    assertThat(car.get("footnotes").findValuesAsText("text")).anyMatch(t -> t.contains("9903.88.01"));
    assertThat(car.get("path").size()).isGreaterThan(2);

    JsonNode heading = json(TestServer.get("/api/v1/hts/8429.52"));
    assertThat(heading.get("lines").findValuesAsText("code")).contains("8429.52.10.10");

    JsonNode ch99 = json(TestServer.get("/api/v1/hts/9903.01.25?date=2025-04-06"));
    assertThat(ch99.get("level").asText()).isEqualTo("chapter99");
    assertThat(ch99.get("measures").size()).isPositive();

    HttpResponse<String> missing = TestServer.get("/api/v1/hts/0101.99");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).at("/error/code").asText()).isEqualTo("UNKNOWN_HTS");
    assertThat(TestServer.get("/api/v1/hts/abc").statusCode()).isEqualTo(400);
  }

  @Test
  void measuresAreFilteredAsTheCliFiltersThem() {
    JsonNode vn = json(TestServer.get("/api/v1/measures?" + query("date", "2025-04-09", "origin", "Vietnam", "heading",
        "9903.01")));
    List<String> headings = vn.findValuesAsText("heading");
    assertThat(headings).contains("9903.01.25").allMatch(h -> h.startsWith("9903.01"));
    assertThat(vn.findValuesAsText("rate")).contains("+46%");
    JsonNode autos = json(TestServer.get("/api/v1/measures?heading=9903.94.01"));
    assertThat(autos.get(0).get("authority").asText()).isEqualTo("section_232");
    assertThat(autos.get(0).at("/citations/0/url").asText()).startsWith("https://");
    HttpResponse<String> bad = TestServer.get("/api/v1/measures?authority=section_999");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).at("/error/message").asText()).contains("Unknown authority");
    JsonNode claims = json(TestServer.get("/api/v1/claims"));
    assertThat(claims.findValuesAsText("id")).contains("civil_aircraft");
  }

  @Test
  void timelineShowsThePauseOfAprilNinthAsJsonAndCsv() {
    JsonNode t = json(TestServer.get("/api/v1/timeline?" + query("hts", "8429.52.10.10", "origin", "JP", "from",
        "2025-03-01", "to", "2025-05-01")));
    JsonNode steps = t.get("steps");
    assertThat(steps.findValuesAsText("from")).containsExactly("2025-03-01", "2025-04-05", "2025-04-09", "2025-04-10");
    assertThat(steps.get(2).get("total_ad_valorem_pct").decimalValue()).isEqualByComparingTo("24");
    assertThat(steps.get(2).get("by_authority").get("ieepa_reciprocal").decimalValue()).isEqualByComparingTo("24");
    assertThat(steps.get(2).get("headings").get(0).asText()).startsWith("9903.01.53");
    assertThat(steps.get(2).get("change").asText()).contains("9903.01.53").contains("added");
    assertThat(t.get("hts10").asText()).isEqualTo("8429.52.10.10");

    HttpResponse<String> csv = TestServer.get("/api/v1/timeline?" + query("hts", "8429.52.10.10", "origin", "JP", "to",
        "2025-05-01", "format", "csv"));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .isEqualTo("attachment; filename=\"timeline-8429521010-JP.csv\"");
    List<String> rows = csv.body().lines().toList();
    assertThat(rows.get(0)).isEqualTo("from,until,total_ad_valorem_pct,headings,change,revision");
    assertThat(rows).hasSize(5);
    assertThat(rows.get(3)).startsWith("2025-04-09,2025-04-10,24,");

    assertThat(TestServer.get("/api/v1/timeline?" + query("hts", "8429.52.10.10", "origin", "JP", "from", "2025-06-01",
        "to", "2025-01-01")).statusCode()).isEqualTo(400);
    assertThat(TestServer.get("/api/v1/timeline?" + query("hts", "8429.52.10.10", "origin", "JP", "format", "xml"))
        .statusCode()).isEqualTo(400);
    assertThat(TestServer.get("/api/v1/timeline?" + query("hts", "8429", "origin", "JP")).statusCode()).isEqualTo(422);

    JsonNode korus = json(TestServer.get("/api/v1/timeline?" + query("hts", "6109.10.00.12", "origin", "KR", "from",
        "2025-12-01", "to", "2025-12-31", "preference", "KR")));
    assertThat(korus.get("steps").get(0).get("total_ad_valorem_pct").decimalValue()).isEqualByComparingTo("15");
    assertThat(korus.get("preference").asText()).isEqualTo("KR");
    assertThat(korus.get("notes")).isEmpty();
    JsonNode ignored = json(TestServer.get("/api/v1/timeline?" + query("hts", "6109.10.00.12", "origin", "VN", "from",
        "2025-12-01", "to", "2025-12-31", "preference", "KR")));
    assertThat(ignored.get("notes").get(0).asText()).contains("claimed for goods of Vietnam: ignored");
    assertThat(ignored.get("steps").get(0).get("notes").get(0).asText()).contains("ignored");
    assertThat(TestServer.get("/api/v1/timeline?" + query("hts", "6109.10.00.12", "origin", "KR", "preference", "GSP"))
        .statusCode()).isEqualTo(400);
  }

  @Test
  void theOpenApiDocumentDescribesEveryRoute() {
    JsonNode doc = json(TestServer.get("/api/v1/openapi.json"));
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    List<String> paths = new ArrayList<>();
    Iterator<String> it = doc.get("paths").fieldNames();
    it.forEachRemaining(paths::add);
    assertThat(paths).containsExactlyInAnyOrder("/api/v1", "/api/v1/openapi.json", "/api/v1/duty",
        "/api/v1/duty/batch", "/api/v1/hts/search", "/api/v1/hts/{code}", "/api/v1/measures", "/api/v1/claims",
        "/api/v1/timeline", "/api/v1/etr", "/api/v1/etr/series", "/api/v1/scenarios", "/api/v1/simulate",
        "/api/v1/compare");
    for (String p : paths) {
      String sample = p.replace("{code}", "8429.52.10.10");
      boolean post = doc.get("paths").get(p).has("post");
      if (!post) {
        assertThat(TestServer.get(sample).statusCode()).as(sample).isNotEqualTo(404).isNotEqualTo(405);
      }
    }
    JsonNode index = json(TestServer.get("/api/v1"));
    assertThat(index.get("schedule_revision").asText()).isNotBlank();
  }

  @Test
  void corsIsOffUnlessAnOriginIsAllowed() {
    java.net.http.HttpRequest withOrigin = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
        TestServer.url("/api/v1/claims"))).header("Origin", "https://elsewhere.example").GET().build();
    assertThat(TestServer.send(withOrigin).headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    try (TariffscopeServer cors = TestServer.startWith(ServerOptions.defaults()
        .withCorsOrigins(List.of("https://allowed.example")))) {
      HttpResponse<String> r = TestServer.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
          cors.url() + "/api/v1/claims")).header("Origin", "https://allowed.example").GET().build());
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("https://allowed.example");
    }
  }
}
