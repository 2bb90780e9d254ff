package org.tariffscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /api/v1/simulate and /compare, GET /api/v1/scenarios and the Deals page, over HTTP. */
class DealsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Waits until the scenario model has loaded and the page's default comparison is answered (the first run prices the flows). */
  static synchronized void awaitDealsPage() {
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = TestServer.get("/deals");
      if (r.statusCode() == 200) {
        return;
      }
      assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the Deals page did not come up in 5 minutes");
  }

  @BeforeAll
  static void ready() {
    awaitDealsPage();
  }

  private static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError(r.body(), e);
    }
  }

  @Test
  void simulateAShippedScenarioWithTheCliFieldNames() {
    HttpResponse<String> r = TestServer.post("/api/v1/simulate", "{\"scenario\": \"japan-deal\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode j = json(r);
    assertThat(j.get("scenario").get("name").asText()).isEqualTo("japan-deal");
    assertThat(j.get("scenario").get("partner").asText()).isEqualTo("JP");
    assertThat(j.get("headline").get("balance_after_busd").get("value").asDouble()).isLessThan(0);
    assertThat(j.get("headline").get("balance_after_busd").get("p5").isNull()).isTrue();
    assertThat(j.get("by_origin").get(0).get("key").asText()).isEqualTo("MX");
  }

  @Test
  void simulateAPostedScenarioBuiltOnAShippedOne() {
    String yaml = "name: posted\\nbase: japan-24pct-july\\nmodel: { import_demand_elasticity: 2 }\\n";
    HttpResponse<String> r = TestServer.post("/api/v1/simulate", "{\"yaml\": \"" + yaml + "\", \"draws\": 10, \"seed\": 3}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode h = json(r).get("headline").get("partner_imports_after_busd");
    assertThat(h.get("p5").asDouble()).isLessThanOrEqualTo(h.get("p95").asDouble());
  }

  @Test
  void badRequestsAreAnsweredWithTheErrorsClass() {
    HttpResponse<String> bad = TestServer.post("/api/v1/simulate", "{\"yaml\": \"name: posted\\nevaluate: { date: 2024-01-01 }\\n\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("error").get("message").asText()).contains("posted.yaml:2: evaluate date: out of range");
    HttpResponse<String> unknown = TestServer.post("/api/v1/simulate", "{\"scenario\": \"japan-dael\"}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("error").get("suggestions").toString()).contains("japan-deal");
    assertThat(TestServer.post("/api/v1/simulate", "{\"scenario\": \"japan-deal\", \"draws\": 5000}").statusCode()).isEqualTo(400);
    assertThat(TestServer.post("/api/v1/simulate", "[1, 2]").statusCode()).isEqualTo(400);
    assertThat(TestServer.post("/api/v1/simulate", "{not json").statusCode()).isEqualTo(400);
    assertThat(TestServer.post("/api/v1/compare", "{\"scenarios\": [\"japan-deal\"]}").statusCode()).isEqualTo(400);
  }

  @Test
  void compareGivesEachHeadlineAndTheDifferences() {
    HttpResponse<String> r = TestServer.post("/api/v1/compare",
        "{\"scenarios\": [\"japan-deal\", \"japan-24pct-july\"], \"draws\": 0}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode j = json(r);
    assertThat(j.get("reference").asText()).isEqualTo("japan-deal");
    double deal = j.get("scenarios").get(0).get("headline").get("partner_imports_after_busd").get("value").asDouble();
    double noDeal = j.get("scenarios").get(1).get("headline").get("partner_imports_after_busd").get("value").asDouble();
    assertThat(noDeal).isLessThan(deal);
    assertThat(j.get("differences").get("japan-24pct-july").get("partner_imports_after_busd").asDouble())
        .isCloseTo(noDeal - deal, org.assertj.core.api.Assertions.within(1e-3));
  }

  @Test
  void theListAndThePage() {
    JsonNode list = json(TestServer.get("/api/v1/scenarios"));
    assertThat(list.get("scenarios").findValuesAsText("name")).contains("japan-deal", "japan-offer");
    HttpResponse<String> page = TestServer.get("/deals");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"deals-chart\"").contains("japan-status-quo-april").contains("Side by side")
        .contains("/static/deals.js").doesNotContain("Soon</span></a></li>\n        <li><a href=\"/deals\"");
    HttpResponse<String> one = TestServer.get("/deals?s=japan-deal");
    assertThat(one.statusCode()).isEqualTo(400);
    assertThat(one.body()).contains("Choose at least two scenarios");
    HttpResponse<String> unknown = TestServer.get("/deals?s=japan-deal&s=nope");
    assertThat(unknown.statusCode()).isEqualTo(404);
  }
}
