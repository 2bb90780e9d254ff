package org.tariffscope.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

  /** The shared server (loopback, free port, default limits). */
  static synchronized TariffscopeServer server() {
    if (server == null) {
      server = TariffscopeServer.start(engine(), ServerOptions.defaults().withPort(0));
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
    return server;
  }

  /** Another server on the same engine, with other options (stop it after use). */
  static TariffscopeServer startWith(ServerOptions options) {
    return TariffscopeServer.start(engine(), options.withPort(0).withWarmUp(false));
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
