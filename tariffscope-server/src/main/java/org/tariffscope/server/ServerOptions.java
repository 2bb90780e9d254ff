package org.tariffscope.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.tariffscope.analytics.PanelDatabase;

/**
 * How the server listens and what it accepts. Immutable.
 *
 * @param host address to bind: loopback ({@code 127.0.0.1}) unless told otherwise
 * @param port TCP port; 0 picks a free one
 * @param requestTimeout longest time a request may take before it is answered 503
 * @param maxBodyBytes largest request body accepted (413 above)
 * @param maxBatch most entries in one batch (413 above)
 * @param corsOrigins origins allowed to call the API from a browser; empty (the default) sends no CORS headers
 * @param warmUp whether to read the older schedule revisions in the background after start, so the
 *     first timeline does not wait for them
 * @param panelFile the rate panel behind the effective rates (the CLI's file unless told otherwise)
 * @param preparePanel whether to build the panel in the background as soon as the server starts when
 *     it is missing or stale; otherwise the first request that needs it starts the build
 */
public record ServerOptions(String host, int port, Duration requestTimeout, long maxBodyBytes, int maxBatch,
    List<String> corsOrigins, boolean warmUp, Path panelFile, boolean preparePanel) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;

  public ServerOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(panelFile, "panelFile");
    corsOrigins = List.copyOf(corsOrigins);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("Not a TCP port: " + port);
    }
  }

  /**
   * Loopback, port 8080, 10 s per request, 5 MB bodies, 10,000 entries a batch, no CORS, warm-up on,
   * the panel at {@link PanelDatabase#defaultFile()}, built on the first request that needs it.
   */
  public static ServerOptions defaults() {
    return new ServerOptions(DEFAULT_HOST, DEFAULT_PORT, Duration.ofSeconds(10), 5L * 1024 * 1024, 10_000, List.of(),
        true, PanelDatabase.defaultFile(), false);
  }

  public ServerOptions withHost(String h) {
    return new ServerOptions(h, port, requestTimeout, maxBodyBytes, maxBatch, corsOrigins, warmUp, panelFile, preparePanel);
  }

  public ServerOptions withPort(int p) {
    return new ServerOptions(host, p, requestTimeout, maxBodyBytes, maxBatch, corsOrigins, warmUp, panelFile, preparePanel);
  }

  public ServerOptions withRequestTimeout(Duration t) {
    return new ServerOptions(host, port, t, maxBodyBytes, maxBatch, corsOrigins, warmUp, panelFile, preparePanel);
  }

  public ServerOptions withCorsOrigins(List<String> origins) {
    return new ServerOptions(host, port, requestTimeout, maxBodyBytes, maxBatch, origins, warmUp, panelFile, preparePanel);
  }

  public ServerOptions withWarmUp(boolean w) {
    return new ServerOptions(host, port, requestTimeout, maxBodyBytes, maxBatch, corsOrigins, w, panelFile, preparePanel);
  }

  public ServerOptions withPanelFile(Path file) {
    return new ServerOptions(host, port, requestTimeout, maxBodyBytes, maxBatch, corsOrigins, warmUp, file, preparePanel);
  }

  public ServerOptions withPreparePanel(boolean prepare) {
    return new ServerOptions(host, port, requestTimeout, maxBodyBytes, maxBatch, corsOrigins, warmUp, panelFile, prepare);
  }
}
