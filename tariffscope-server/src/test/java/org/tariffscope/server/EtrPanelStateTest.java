package org.tariffscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffscope.analytics.PanelDatabase;

/**
 * The effective rates before the panel is ready: a server whose panel is being built answers 503
 * with the build's progress and when to ask again (the page shows it and reloads itself), bad input
 * is still a 400, a failed build and a file that is not a panel are explained, and nothing blocks.
 * The builds here are stand-ins that report progress and wait to be released; the panel they open
 * in the end is the tests' real one.
 */
class EtrPanelStateTest {
  @TempDir
  static Path dir;

  @BeforeAll
  static void realPanel() {
    TestServer.withPanel();
  }

  private static HttpResponse<String> get(TariffscopeServer s, String pathAndQuery) {
    return TestServer.send(HttpRequest.newBuilder(URI.create(s.url() + pathAndQuery)).GET().build());
  }

  @Test
  void whileThePanelIsBuiltTheApiAnswers503WithProgressAndThePageReloadsItself() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch reported = new CountDownLatch(1);
    AtomicInteger builds = new AtomicInteger();
    RatePanelService.Preparer slow = (source, progress) -> {
      builds.incrementAndGet();
      progress.loading();
      progress.loaded(44, 1_000);
      progress.computing(9_000, 20_000);
      reported.countDown();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return PanelDatabase.open(TestServer.PANEL);
    };
    try (TariffscopeServer s = TestServer.startWith(ServerOptions.defaults()
        .withPanelFile(dir.resolve("missing").resolve("panel.duckdb")), slow)) {
      // The first request starts the build and is answered at once.
      long t0 = System.nanoTime();
      HttpResponse<String> first = get(s, "/api/v1/etr?date=2025-10-17");
      assertThat((System.nanoTime() - t0) / 1e9).as("a request never waits for the build").isLessThan(5.0);
      assertThat(first.statusCode()).isEqualTo(503);
      assertThat(ApiTest.json(first).get("error").get("code").asText()).isEqualTo("PANEL_BUILDING");
      assertThat(reported.await(30, TimeUnit.SECONDS)).isTrue();

      HttpResponse<String> r = get(s, "/api/v1/etr?date=2025-10-17");
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.headers().firstValue("Retry-After")).isPresent();
      assertThat(Integer.parseInt(r.headers().firstValue("Retry-After").get())).isBetween(2, 60);
      JsonNode e = ApiTest.json(r).get("error");
      assertThat(e.get("code").asText()).isEqualTo("PANEL_BUILDING");
      assertThat(e.get("message").asText()).contains("Building the rate panel").contains("% done")
          .contains("9,000 of 20,000 products").contains("Retry in");

      // Bad input does not wait for the panel.
      assertThat(get(s, "/api/v1/etr?date=2024-06-01").statusCode()).isEqualTo(400);
      assertThat(get(s, "/api/v1/etr/series?by=nothing").statusCode()).isEqualTo(400);

      HttpResponse<String> page = get(s, "/effective-rates?date=2025-10-17");
      assertThat(page.statusCode()).isEqualTo(503);
      assertThat(page.body()).contains("<meta http-equiv=\"refresh\" content=\"5\">")
          .contains("Preparing the effective rates").contains("<progress max=\"100\" value=\"")
          .contains("computing rates (9,000 of 20,000 products)").contains("value=\"2025-10-17\"");
      // The other pages do not wait.
      assertThat(get(s, "/?hts=8703.23.01.60&origin=JP&date=2025-04-06").statusCode()).isEqualTo(200);

      release.countDown();
      s.panelReady().get(30, TimeUnit.SECONDS);
      assertThat(get(s, "/api/v1/etr?date=2025-10-17").statusCode()).isEqualTo(200);
      HttpResponse<String> ready = get(s, "/effective-rates?date=2025-10-17");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).doesNotContain("http-equiv=\"refresh\"");
      assertThat(builds.get()).as("one build for all the requests").isEqualTo(1);
    }
  }

  @Test
  void aFailedBuildIsExplainedAndTriedAgainLater() {
    RatePanelService.Preparer broken = (source, progress) -> {
      throw new IllegalStateException("DuckDB: disk full");
    };
    try (TariffscopeServer s = TestServer.startWith(ServerOptions.defaults()
        .withPanelFile(dir.resolve("broken").resolve("panel.duckdb")).withPreparePanel(true), broken)) {
      assertThat(s.panelReady()).failsWithin(java.time.Duration.ofSeconds(30));
      HttpResponse<String> r = get(s, "/api/v1/etr?date=2025-10-17");
      assertThat(r.statusCode()).isEqualTo(503);
      JsonNode e = ApiTest.json(r).get("error");
      assertThat(e.get("code").asText()).isEqualTo("PANEL_UNAVAILABLE");
      assertThat(e.get("message").asText()).contains("could not be built").contains("disk full")
          .doesNotContain("Exception").doesNotContain("at org.");
      assertThat(r.headers().firstValue("Retry-After")).contains("60");
      HttpResponse<String> page = get(s, "/effective-rates");
      assertThat(page.statusCode()).isEqualTo(503);
      assertThat(page.body()).contains("The rate panel is not available").contains("disk full")
          .doesNotContain("http-equiv=\"refresh\"");
    }
  }

  @Test
  void aFileThatIsNotAPanelIsLeftAloneAndNamed() throws IOException {
    Path foreign = dir.resolve("notes.duckdb");
    Files.writeString(foreign, "my notes, not a database", StandardCharsets.UTF_8);
    try (TariffscopeServer s = TestServer.startWith(ServerOptions.defaults().withPanelFile(foreign),
        RatePanelService.BUILD)) {
      HttpResponse<String> r = get(s, "/api/v1/etr?date=2025-10-17");
      assertThat(r.statusCode()).isEqualTo(503);
      JsonNode e = ApiTest.json(r).get("error");
      assertThat(e.get("code").asText()).isEqualTo("PANEL_UNAVAILABLE");
      assertThat(e.get("message").asText()).contains("is not a Tariffscope panel")
          .contains("tariffscope panel build --force --db");
    }
    assertThat(Files.readString(foreign, StandardCharsets.UTF_8)).isEqualTo("my notes, not a database");
  }
}
