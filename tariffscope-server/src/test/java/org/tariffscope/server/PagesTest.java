package org.tariffscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The pages over HTTP, without a browser: rendered on the server from the URL's inputs. */
class PagesTest {

  @Test
  void theCalculatorRendersTheResultOnTheServerWhenTheUrlHoldsTheInputs() {
    HttpResponse<String> r = TestServer.get("/?hts=8703.23.01.60&origin=JP&date=2025-04-06&value=40000");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    String html = r.body();
    assertThat(html).contains("27.5%").contains("$11,000.00").contains("data-heading=\"9903.94.01\"")
        .contains("href=\"https://www.federalregister.gov/d/2025-05930\"").contains("Considered, not applied")
        .contains("Section 232").contains("/timeline?hts=8703.23.01.60&amp;origin=JP");
    assertThat(html).contains("value=\"8703.23.01.60\"").contains("value=\"JP\"").contains("value=\"2025-04-06\"");
  }

  @Test
  void theCalculatorOffersTheFreeTradeAgreementsAndKeepsTheOneClaimed() {
    String html = TestServer.get("/?hts=6109.10.00.12&origin=HN&date=2025-10-17&value=10000&preference=P").body();
    assertThat(html).contains("<option value=\"P\" selected>").contains("<option value=\"KR\">")
        .contains("Dominican Republic-Central America-United States Free Trade Agreement").contains("$1,000.00")
        .contains("P · CAFTA-DR").contains("KR · U.S.-Korea FTA").contains("CO · U.S.-Colombia TPA");
    assertThat(html).contains("/timeline?hts=6109.10.00.12&amp;origin=HN&amp;preference=P");
    String timeline = TestServer.get("/timeline?hts=6109.10.00.12&origin=HN&preference=P").body();
    assertThat(timeline).contains("name=\"preference\" value=\"P\" checked").contains("preference=P");
    assertThat(TestServer.get("/").body()).contains("<option value=\"\">None (column 1-General)</option>")
        .doesNotContain("selected>");
  }

  @Test
  void theCalculatorShowsErrorsWithTheirStatusAndSuggestions() {
    HttpResponse<String> unknown = TestServer.get("/?hts=8703.23.01.99&origin=JP&date=2025-04-06");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Unknown HTS code").contains("class=\"chip\" href=\"/?hts=8703.23.01");
    HttpResponse<String> heading = TestServer.get("/?hts=8429.52&origin=JP&date=2025-04-06");
    assertThat(heading.statusCode()).isEqualTo(422);
    assertThat(heading.body()).contains("Not a tariff line").contains("8429.52.10.10");
    HttpResponse<String> country = TestServer.get("/?hts=8429.52.10.10&origin=Korea&date=2025-04-06");
    assertThat(country.statusCode()).isEqualTo(400);
    assertThat(country.body()).contains("Ambiguous country");
  }

  @Test
  void theEmptyCalculatorOffersExamplesAndEveryCountry() {
    String html = TestServer.get("/").body();
    assertThat(html).contains("Try an example").contains("<datalist id=\"countries\">")
        .contains("<option value=\"Japan\" label=\"JP\">");
    assertThat(html).contains("aria-current=\"page\"").contains("Effective rates").contains("Deals");
  }

  @Test
  void theTimelinePageHasTheChartDataTheStepsAndTheCsvLink() {
    HttpResponse<String> r = TestServer.get("/timeline?hts=8429.52.10.10&origin=JP");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("id=\"chart\"").contains("data-chart=\"{&#34;start&#34;:&#34;2025-01-01&#34;")
        .contains("/api/v1/timeline?hts=8429.52.10.10&amp;origin=JP&amp;format=csv")
        .contains(TariffscopeServer.ECHARTS_PATH).contains("2025-04-09").contains("24%")
        .contains("Supreme Court");
  }

  @Test
  void theMeasuresPageFiltersAndCites() {
    HttpResponse<String> r = TestServer.get("/measures?date=2025-04-09&origin=Vietnam&heading=9903.01");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("9903.01.25").contains("+46%").contains("href=\"https://");
    HttpResponse<String> bad = TestServer.get("/measures?authority=section_999");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("Unknown authority");
  }

  @Test
  void theEffectiveRatesPageHasTheFiguresTheChartsTheTableAndTheDownloads() {
    TestServer.withPanel();
    HttpResponse<String> r = TestServer.get("/effective-rates?date=2025-10-17&by=country");
    assertThat(r.statusCode()).isEqualTo(200);
    String html = r.body();
    assertThat(html).contains("<title>Effective rates on 17 Oct 2025 · Tariffscope</title>")
        .contains("value=\"2025-10-17\"").contains("<option value=\"country\" selected>By country</option>")
        .contains("data-etr-chart=\"stack\"").contains("data-etr-chart=\"bars\"").contains("data-etr-chart=\"lines\"")
        .contains("/static/etr.js").contains(TariffscopeServer.ECHARTS_PATH)
        .contains("href=\"/api/v1/etr?date=2025-10-17&amp;by=country&amp;format=csv\"")
        .contains("href=\"/api/v1/etr/series?format=csv\"")
        .contains("href=\"/api/v1/etr/series?by=country&amp;top=8&amp;format=csv\"")
        .contains("<tr data-key=\"CN\">").contains("Supreme Court").contains("Since 1 Jan 2025")
        .contains("Show all ").contains("aria-current=\"page\"");
    assertThat(html.split("<tr data-key=", -1)).hasSize(EtrViews.TABLE_ROWS + 1);
    // The headline rate is the API's.
    String overall = String.format(java.util.Locale.ROOT, "%.2f%%", ApiTest.json(TestServer.get(
        "/api/v1/etr?date=2025-10-17")).get("rates").get(0).get("total_pct").asDouble());
    assertThat(html).contains("<dd>" + overall + "</dd>");

    String all = TestServer.get("/effective-rates?date=2025-10-17&by=country&rows=all").body();
    assertThat(all.split("<tr data-key=", -1).length).isGreaterThan(200);
    String chosen = TestServer.get("/effective-rates?date=2025-10-17&by=country&origin=China,JP").body();
    assertThat(chosen).contains("The countries chosen over time").contains("origin=CN%2CJP&amp;format=csv")
        .contains("<tr data-key=\"JP\">").doesNotContain("<tr data-key=\"MX\">");
    // A partner the 2024 weights do not record: said in words, no empty chart or table.
    String none = TestServer.get("/effective-rates?date=2025-10-17&origin=HM").body();
    assertThat(none).contains("imported nothing from Heard Island and McDonald Islands (HM)")
        .doesNotContain("data-etr-chart=\"bars\"").doesNotContain("<table");
    String authority = TestServer.get("/effective-rates?date=2025-04-10&by=authority").body();
    assertThat(authority).contains("By authority on 10 Apr 2025").contains("<tr data-key=\"ieepa_reciprocal\">")
        .doesNotContain("data-etr-chart=\"lines\"").doesNotContain("<tr data-key=\"other\">");
    String sector = TestServer.get("/effective-rates?date=2026-03-01&by=sector").body();
    assertThat(sector).contains("By sector on 1 Mar 2026").contains("The largest sectors over time")
        .contains("<tr data-key=\"mvh\">");
    // The day defaults to today, within 2025-2026; the split to country.
    HttpResponse<String> plain = TestServer.get("/effective-rates");
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.body()).contains("value=\"" + Pages.defaultEtrDate() + "\"").contains("By country on ");
  }

  @Test
  void theEffectiveRatesPageExplainsBadInput() {
    HttpResponse<String> early = TestServer.get("/effective-rates?date=2024-12-01");
    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(early.body()).contains("2025-01-01 to 2026-12-31").contains("value=\"2024-12-01\"");
    HttpResponse<String> split = TestServer.get("/effective-rates?date=2025-10-17&by=continent");
    assertThat(split.statusCode()).isEqualTo(400);
    assertThat(split.body()).contains("Unknown by");
    HttpResponse<String> country = TestServer.get("/effective-rates?date=2025-10-17&origin=Atlantis");
    assertThat(country.statusCode()).isEqualTo(400);
    assertThat(country.body()).contains("Unknown country");
  }

  @Test
  void unknownPagesAnswerNotFound() {
    HttpResponse<String> none = TestServer.get("/no-such-page");
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.body()).contains("Page not found").doesNotContain("Exception");
  }
}
