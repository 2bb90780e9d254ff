package org.tariffscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a hostile or careless client can send: every parameter of every route gets markup and
 * script, and no response reflects it unescaped; every response carries the security headers;
 * static folders are not listed.
 */
class SafetyTest {
  private static final List<String> HOSTILE = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
      "'><svg onload=alert(1)>", "javascript:alert(1)", "</textarea><script>alert(1)</script>",
      "${7*7}{{7*7}}", "8703.23.01.60\u0000<b>bold</b>", "\u2028</script><script>alert(2)</script>");

  private static final List<String> PAGES = List.of("/", "/timeline", "/measures", "/effective-rates");
  private static final List<String> APIS = List.of("/api/v1/duty", "/api/v1/hts/search", "/api/v1/measures",
      "/api/v1/timeline", "/api/v1/hts/8703.23.01.60", "/api/v1/claims", "/api/v1", "/api/v1/etr",
      "/api/v1/etr/series");
  private static final List<String> PARAMS = List.of("hts", "origin", "date", "value", "quantity", "usmca",
      "metal_content_pct", "us_content_pct", "claims", "as_published", "q", "limit", "from", "to", "format",
      "authority", "heading", "explain", "by", "top", "rows");

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A request whose every parameter is valid except one, which is hostile: the hostile one reaches a message. */
  private static String query(String hostileParam, String hostile) {
    StringBuilder q = new StringBuilder();
    String[][] good = {{"hts", "8703.23.01.60"}, {"origin", "JP"}, {"date", "2025-04-06"}, {"q", "cars"}};
    for (String[] kv : good) {
      if (!kv[0].equals(hostileParam)) {
        q.append(kv[0]).append('=').append(enc(kv[1])).append('&');
      }
    }
    return q.append(hostileParam).append('=').append(enc(hostile)).toString();
  }

  private static void assertNotReflected(String where, HttpResponse<String> r, String hostile) {
    String body = r.body();
    if (hostile.contains("<") || hostile.contains("\"") || hostile.contains("'")) {
      assertThat(body).as(where).doesNotContain(hostile).doesNotContain(hostile.replace("\u0000", "").replace("\u2028", ""));
    }
    assertThat(body).as(where).doesNotContain("<script>alert").doesNotContain("<svg onload")
        .doesNotContain("<img src=x").doesNotContain("<b>bold");
    assertThat(r.statusCode()).as(where + " " + body).isLessThan(500);
  }

  @Test
  void hostileStringsInEveryParameterOfEveryPageAreEscaped() {
    TestServer.withPanel();
    for (String page : PAGES) {
      for (String param : PARAMS) {
        for (String hostile : HOSTILE) {
          String url = page + "?" + query(param, hostile);
          HttpResponse<String> r = TestServer.get(url);
          assertThat(r.headers().firstValue("Content-Type").orElse("")).as(url).startsWith("text/html");
          assertNotReflected(url, r, hostile);
        }
      }
    }
  }

  @Test
  void hostileStringsInEveryParameterOfTheApiComeBackAsJsonOnly() throws IOException, InterruptedException {
    TestServer.withPanel();
    ObjectMapper json = new ObjectMapper();
    for (String api : APIS) {
      for (String param : PARAMS) {
        for (String hostile : HOSTILE) {
          String url = api + "?" + query(param, hostile);
          HttpResponse<String> r = TestServer.get(url);
          String type = r.headers().firstValue("Content-Type").orElse("");
          if (param.equals("format") && r.statusCode() == 200) {
            continue;
          }
          assertThat(type).as(url).startsWith("application/json");
          json.readTree(r.body());
          assertThat(r.body()).as(url).doesNotContain("<script>").doesNotContain("<img").doesNotContain("<svg");
          assertThat(r.statusCode()).as(url + " " + r.body()).isLessThan(500);
        }
      }
    }
    // Jetty answers a path with a NUL itself and then closes the connection without saying so:
    // those requests go on connections of their own, not on the shared client's.
    java.net.http.HttpClient own = java.net.http.HttpClient.newHttpClient();
    for (String hostile : HOSTILE) {
      HttpResponse<String> code = own.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
          TestServer.url("/api/v1/hts/" + enc(hostile)))).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(code.statusCode()).isIn(400, 404);
      assertThat(code.body()).doesNotContain("<script>").doesNotContain("<b>");
      if (!code.body().isEmpty()) {
        json.readTree(code.body());
      }
      HttpResponse<String> batch = TestServer.post("/api/v1/duty/batch",
          "[{\"hts\": " + json.writeValueAsString(hostile) + ", \"origin\": " + json.writeValueAsString(hostile)
              + ", \"date\": \"2025-04-06\", " + json.writeValueAsString(hostile) + ": 1}]");
      assertThat(batch.statusCode()).isEqualTo(200);
      assertThat(json.readTree(batch.body()).get(0).has("error")).isTrue();
      assertThat(batch.body()).doesNotContain("<script>").doesNotContain("<img");
    }
  }

  @Test
  void hostilePathsGetTheErrorPageEscaped() {
    HttpResponse<String> r = TestServer.get("/" + enc("<script>alert(1)</script>"));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.body()).doesNotContain("<script>alert(1)</script>").doesNotContain("<script>alert");
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String url : List.of("/", "/timeline?hts=8429.52.10.10&origin=JP", "/measures", "/deals", "/nope",
        "/effective-rates?date=%3Cb%3E", "/api/v1/etr?date=2025-10-17&by=%3Cb%3E", "/static/etr.js",
        "/api/v1/claims", "/api/v1/nope", "/static/app.css", TariffscopeServer.ECHARTS_PATH)) {
      HttpResponse<String> r = TestServer.get(url);
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(url).contains("nosniff");
      assertThat(r.headers().firstValue("Content-Security-Policy")).as(url)
          .contains(TariffscopeServer.CONTENT_SECURITY_POLICY);
      assertThat(r.headers().firstValue("X-Frame-Options")).as(url).isPresent();
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(url).isEmpty();
    }
    assertThat(TariffscopeServer.CONTENT_SECURITY_POLICY).contains("default-src 'self'").doesNotContain("unsafe")
        .doesNotContain("*");
  }

  @Test
  void staticFilesAreServedAndFoldersAreNotListed() {
    HttpResponse<String> echarts = TestServer.get(TariffscopeServer.ECHARTS_PATH);
    assertThat(echarts.statusCode()).isEqualTo(200);
    assertThat(echarts.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    assertThat(echarts.body()).contains("echarts");
    assertThat(TestServer.get("/static/app.js").statusCode()).isEqualTo(200);
    assertThat(TestServer.get("/static/timeline.js").statusCode()).isEqualTo(200);
    assertThat(TestServer.get("/static/etr.js").statusCode()).isEqualTo(200);
    assertThat(TestServer.get("/static/favicon.svg").statusCode()).isEqualTo(200);
    for (String folder : List.of("/static/", "/static", "/webjars/", "/webjars/echarts/", "/webjars/echarts/5.3.1/dist/",
        "/static/../openapi.json", "/static/%2e%2e/openapi.json", "/webjars/../simplelogger.properties")) {
      HttpResponse<String> r = TestServer.get(folder);
      assertThat(r.statusCode()).as(folder).isIn(400, 404);
      assertThat(r.body()).as(folder).doesNotContain("echarts.min.js").doesNotContain("href=\"app.js\"")
          .doesNotContain("Directory").doesNotContain("Index of").doesNotContain("org.slf4j");
    }
  }

  @Test
  void theServerListensOnLoopbackByDefault() {
    assertThat(ServerOptions.defaults().host()).isEqualTo("127.0.0.1");
    assertThat(TestServer.server().url()).startsWith("http://127.0.0.1:");
  }
}
