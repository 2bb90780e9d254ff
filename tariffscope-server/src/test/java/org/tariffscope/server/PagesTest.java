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
    assertThat(html).contains("aria-current=\"page\"").contains("Effective rates").contains("Deals").contains("Soon");
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
  void comingPagesAndUnknownPagesAnswer() {
    assertThat(TestServer.get("/effective-rates").body()).contains("panel module");
    HttpResponse<String> none = TestServer.get("/no-such-page");
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.body()).contains("Page not found").doesNotContain("Exception");
  }
}
