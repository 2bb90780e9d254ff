package org.tariffscope.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.tariffscope.engine.DutyEngine;
import org.tariffscope.policy.PolicyLoader;
import org.tariffscope.schedule.Schedule;

/**
 * One engine and one real server for all the tests of this module (they run in one JVM): the
 * server listens on a free loopback port and is called over HTTP like any client would.
 */
final class TestServer {
  private static DutyEngine engine;
  private static TariffscopeServer server;
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  private TestServer() {
  }

  static synchronized DutyEngine engine() {
    if (engine == null) {
      engine = new DutyEngine(Schedule.embedded(), PolicyLoader.loadEmbedded().orThrow());
    }
    return engine;
  }

  /**
   * The rate panel the tests use: built once into the module's target folder (about a minute on two
   * cores), then reused by every test JVM until the policy files or revisions change (the panel's
   * fingerprint says when) or {@code mvn clean}.
   */
  static final Path PANEL = Path.of("target", "test-panel", "panel.duckdb").toAbsolutePath();

  /** Builds on every core: the tests wait for it, nothing else needs the cores meanwhile. */
  static final RatePanelService.Preparer ALL_CORES = (source, progress) ->
      source.open(Runtime.getRuntime().availableProcessors(), progress);

  /** The shared server (loopback, free port, default limits, the test panel). */
  static synchronized TariffscopeServer server() {
    if (server == null) {
      server = TariffscopeServer.start(CompletableFuture.completedFuture(loaded()),
          ServerOptions.defaults().withPort(0).withPanelFile(PANEL), ALL_CORES);
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
    return server;
  }

  /**
   * The engine with every schedule revision read: a test that asks for a timeline right after the
   * server starts must not race the server's background reading of them (on a busy machine that
   * takes longer than a request's deadline).
   */
  private static DutyEngine loaded() {
    DutyEngine e = engine();
    e.schedule().loadAll();
    return e;
  }

  /** The shared server once its rate panel is ready (built first if it must be: once per build of the module). */
  static TariffscopeServer withPanel() {
    TariffscopeServer s = server();
    s.preparePanel();
    try {
      s.panelReady().get(15, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException("The test panel could not be built at " + PANEL, e);
    }
    return s;
  }

  /** Another server on the same engine, with other options (stop it after use). */
  static TariffscopeServer startWith(ServerOptions options) {
    return TariffscopeServer.start(engine(), options.withPort(0).withWarmUp(false).withPanelFile(PANEL));
  }

  /** Another server whose panel comes from {@code preparer} (stop it after use). */
  static TariffscopeServer startWith(ServerOptions options, RatePanelService.Preparer preparer) {
    return TariffscopeServer.start(CompletableFuture.completedFuture(loaded()),
        options.withPort(0).withWarmUp(false), preparer);
  }

  static String url(String pathAndQuery) {
    return server().url() + pathAndQuery;
  }

  static HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).GET().build());
  }

  static HttpResponse<String> post(String pathAndQuery, String body) {
    return send(HttpRequest.newBuilder(URI.create(url(pathAndQuery)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
