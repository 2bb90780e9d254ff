package org.tariffscope.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.engine.DutyEngine;
import org.tariffscope.schedule.Schedule;
import org.tariffscope.server.ServerOptions;
import org.tariffscope.server.TariffscopeServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tariffscope serve}: the web app and the HTTP API, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = "Serve the web app (duty calculator, timeline, measures, effective rates) and the JSON API under "
        + "/api/v1, on the same engine and data as the other commands. Listens on loopback unless told otherwise. "
        + "The effective rates use the panel database of `tariffscope etr`; when it is missing or stale the server "
        + "builds it in the background on the first request for them (about a minute), or at start with "
        + "--prepare-panel.",
    footerHeading = "%nExamples:%n",
    footer = {"  tariffscope serve                      # then open http://127.0.0.1:8080",
        "  tariffscope serve --port 9000",
        "  tariffscope serve --prepare-panel      # build the effective-rate panel now if needed",
        "  tariffscope serve --host 0.0.0.0       # reachable from other machines: put it behind a proxy"})
final class ServeCommand implements Callable<Integer> {
  @Mixin
  Common common;

  @Mixin
  PanelAccess panel;

  @Spec
  CommandSpec spec;

  @Option(names = "--port", paramLabel = "<port>", defaultValue = "8080", description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", paramLabel = "<address>", defaultValue = "127.0.0.1",
      description = "Address to listen on (default ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(names = "--cors-origin", paramLabel = "<origin>",
      description = "Let pages of this origin call the API from a browser (repeatable; default: none).")
  List<String> corsOrigins;

  @Option(names = "--prepare-panel",
      description = "Build the effective-rate panel in the background right away when it is missing or stale "
          + "(default: on the first request that needs it).")
  boolean preparePanel;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65_535) {
      throw new InvalidInputException("--port is between 0 and 65535: " + port);
    }
    long start = System.nanoTime();
    Workspace workspace = common.workspace();
    // Jetty starts while the data loads: the policy book, and the newest revision beside it (a
    // request that needs the revision before it is read waits for it).
    Schedule schedule = workspace.schedule();
    CompletableFuture<?> newest = CompletableFuture.runAsync(() -> schedule.load(schedule.latest()));
    CompletableFuture<DutyEngine> engine = CompletableFuture.supplyAsync(workspace::engine);
    ServerOptions options = ServerOptions.defaults().withHost(host).withPort(port)
        .withCorsOrigins(corsOrigins == null ? List.of() : corsOrigins).withPanelFile(panel.file())
        .withPreparePanel(preparePanel);
    TariffscopeServer server;
    try {
      server = TariffscopeServer.start(engine, options);
    } catch (RuntimeException e) {
      throw new InvalidInputException("Cannot listen on " + host + ":" + port + ": " + rootMessage(e));
    }
    try {
      engine.join();
      newest.join();
    } catch (CompletionException e) {
      server.stop();
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "tariffscope-stop"));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Tariffscope is serving on %s (started in %.1f s; Ctrl-C to stop)%n", server.url(),
        (System.nanoTime() - start) / 1e9);
    out.flush();
    server.awaitStop();
    return 0;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
