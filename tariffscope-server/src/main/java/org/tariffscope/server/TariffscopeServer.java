package org.tariffscope.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.plugin.bundled.GlobalHeadersConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tariffscope.engine.DutyEngine;
import org.tariffscope.schedule.RevisionInfo;
import org.tariffscope.schedule.Schedule;

/**
 * The HTTP face of Tariffscope: the JSON API under {@code /api/v1} and the web app's pages, over one
 * {@link DutyEngine}. Handlers parse, call the engine and render; they compute their reply on a
 * bounded pool of workers, so each request has a deadline, and errors become statuses in one place
 * ({@link Errors}).
 *
 * <p>{@code tariffscope serve} starts it; tests start it on a free loopback port.
 */
public final class TariffscopeServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("tariffscope.server");
  private static final Logger ACCESS = LoggerFactory.getLogger("tariffscope.http");

  /** Where the chart library is served from (the ECharts WebJar on the classpath). */
  static final String ECHARTS_PATH = "/webjars/echarts/5.3.1/dist/echarts.min.js";

  /** Only this site's own scripts, styles, images and API; no framing, no plugins. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
      + "form-action 'self'; frame-ancestors 'none'";

  private final Javalin app;
  private final ThreadPoolExecutor workers;
  private final ServerOptions options;
  private final CompletableFuture<Faces> faces;
  /** Scenarios (the simulator loads in the background once the engine is ready). */
  private final CompletableFuture<Deals> deals;
  private final RatePanelService panel;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile Thread warmUp;

  /** The API and the pages over the engine, once the engine is loaded. */
  record Faces(Api api, EtrApi etr, Pages pages) {
  }

  private TariffscopeServer(CompletableFuture<DutyEngine> engine, ServerOptions options,
      RatePanelService.Preparer preparer) {
    this.options = options;
    int n = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    this.panel = new RatePanelService(engine, options.panelFile(), preparer, n);
    AtomicInteger count = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024), r -> {
      Thread t = new Thread(r, "tariffscope-worker-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.faces = engine.thenApply(e -> new Faces(new Api(e, options), new EtrApi(panel, e.countries()),
        new Pages(e, panel)));
    this.deals = engine.thenApply(e -> new Deals(e, options));
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jetty.host = options.host();
      config.jetty.port = options.port();
      config.http.maxRequestSize = options.maxBodyBytes();
      config.http.prefer405over404 = true;
      // A backstop only: each handler answers 503 itself when its own deadline passes.
      config.http.asyncTimeout = options.requestTimeout().toMillis() + 5_000;
      config.bundledPlugins.enableGlobalHeaders(TariffscopeServer::securityHeaders);
      config.jetty.modifyServer(server -> server.setErrorHandler(new PlainErrorHandler()));
      config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new PlainErrorHandler()));
      if (!options.corsOrigins().isEmpty()) {
        List<String> origins = options.corsOrigins();
        config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
          rule.path = "/api/*";
          rule.allowHost(origins.get(0), origins.subList(1, origins.size()).toArray(new String[0]));
        }));
      }
      config.staticFiles.add(files -> {
        files.hostedPath = "/static";
        files.directory = "/public";
        files.location = Location.CLASSPATH;
        files.headers = Map.of("Cache-Control", "no-cache");
      });
      config.staticFiles.enableWebjars();
      config.requestLogger.http((ctx, ms) -> ACCESS.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(),
          String.format(Locale.ROOT, "%.1f", ms)));
      // Javalin's own 404/405/413 are HttpResponseExceptions: they take the same path as any error.
      config.routes.exception(HttpResponseException.class, (e, ctx) -> errorReply(e, ctx).writeTo(ctx));
      config.routes.exception(Exception.class, (e, ctx) -> errorReply(e, ctx).writeTo(ctx));

      var r = config.routes;
      r.get("/api/v1", timed((f, ctx) -> f.api().index(ctx)));
      r.get("/api/v1/openapi.json", timed((f, ctx) -> f.api().openApi(ctx)));
      r.get("/api/v1/duty", timed((f, ctx) -> f.api().duty(ctx)));
      r.post("/api/v1/duty/batch", timed((f, ctx) -> f.api().batch(ctx)));
      r.get("/api/v1/hts/search", timed((f, ctx) -> f.api().search(ctx)));
      r.get("/api/v1/hts/{code}", timed((f, ctx) -> f.api().hts(ctx)));
      r.get("/api/v1/measures", timed((f, ctx) -> f.api().measures(ctx)));
      r.get("/api/v1/claims", timed((f, ctx) -> f.api().claims(ctx)));
      r.get("/api/v1/timeline", timed((f, ctx) -> f.api().timeline(ctx)));
      r.post("/api/v1/simulate", timed((f, ctx) -> deals.get().simulate(ctx)));
      r.post("/api/v1/compare", timed((f, ctx) -> deals.get().compare(ctx)));
      r.get("/api/v1/scenarios", timed((f, ctx) -> deals.get().list()));
      r.get("/api/v1/etr", timed((f, ctx) -> f.etr().etr(ctx)));
      r.get("/api/v1/etr/series", timed((f, ctx) -> f.etr().series(ctx)));
      r.get("/api/*", ctx -> {
        throw Errors.notFound(ctx.path());
      });

      r.get("/", timed((f, ctx) -> f.pages().calculator(ctx)));
      r.get("/timeline", timed((f, ctx) -> f.pages().timeline(ctx)));
      r.get("/measures", timed((f, ctx) -> f.pages().measures(ctx)));
      r.get("/deals", timed((f, ctx) -> deals.get().page(f.pages(), ctx)));
      r.get("/effective-rates", timed((f, ctx) -> f.pages().effectiveRates(ctx)));
    });
  }

  /**
   * Starts a server on {@code engine}: reads the newest schedule revision first (the one most
   * lookups need), then listens; the older revisions are read in the background when
   * {@link ServerOptions#warmUp()} is on.
   */
  public static TariffscopeServer start(DutyEngine engine, ServerOptions options) {
    engine.schedule().load(engine.schedule().latest());
    return start(CompletableFuture.completedFuture(engine), options);
  }

  /**
   * Starts listening at once while {@code engine} is still loading (the policy book and the newest
   * revision take about a second): requests that come before it is ready wait for it, within their
   * deadline. When the engine is ready, the older revisions are read in the background when
   * {@link ServerOptions#warmUp()} is on. {@link #ready()} completes then.
   */
  public static TariffscopeServer start(CompletableFuture<DutyEngine> engine, ServerOptions options) {
    return start(engine, options, RatePanelService.BUILD);
  }

  /** As {@link #start(CompletableFuture, ServerOptions)}, with another way to have the panel (tests). */
  static TariffscopeServer start(CompletableFuture<DutyEngine> engine, ServerOptions options,
      RatePanelService.Preparer preparer) {
    TariffscopeServer server = new TariffscopeServer(engine, options, preparer);
    server.app.start();
    if (options.warmUp()) {
      engine.thenAccept(e -> server.startWarmUp(e.schedule()));
    }
    // A ready panel is opened now; a missing or stale one is built now when told, else on first need.
    engine.thenAccept(e -> server.panel.start(options.preparePanel()));
    return server;
  }

  /** Completes when the engine is loaded and requests are answered (exceptionally if it failed to load). */
  public CompletableFuture<Void> ready() {
    return faces.thenApply(f -> null);
  }

  /**
   * Completes when the rate panel behind the effective rates is open (built first if it had to be);
   * exceptionally when it could not be had. It is only looked for once something asks for it or
   * {@link ServerOptions#preparePanel()} is on.
   */
  public CompletableFuture<Void> panelReady() {
    return panel.ready();
  }

  /** Starts building the rate panel now if it is missing or stale (as the first request for it would). */
  public void preparePanel() {
    panel.demand();
  }

  /** The port listened on (the chosen one when the options said 0). */
  public int port() {
    return app.port();
  }

  /** The address to open in a browser, e.g. {@code http://127.0.0.1:8080}. */
  public String url() {
    String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    if (host.equals("0.0.0.0") || host.equals("[::]")) {
      host = "127.0.0.1";
    }
    return "http://" + host + ":" + port();
  }

  /** Blocks until {@link #stop()} is called (from a shutdown hook, for {@code tariffscope serve}). */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  public void stop() {
    Thread w = warmUp;
    if (w != null) {
      w.interrupt();
    }
    app.stop();
    workers.shutdownNow();
    panel.close();
    stopped.countDown();
  }

  @Override
  public void close() {
    stop();
  }

  private void startWarmUp(Schedule schedule) {
    Thread t = new Thread(() -> {
      long start = System.nanoTime();
      // The search box's first query should not wait for the newest revision's search text.
      schedule.load(schedule.latest()).search("warm up", 1);
      List<RevisionInfo> all = schedule.revisions();
      for (int i = all.size() - 1; i >= 0 && !Thread.currentThread().isInterrupted(); i--) {
        schedule.load(all.get(i));
      }
      LOG.info("Read all {} schedule revisions in {} s", all.size(),
          String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
    }, "tariffscope-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    warmUp = t;
    t.start();
  }

  private static void securityHeaders(GlobalHeadersConfig headers) {
    headers.xContentTypeOptionsNoSniff();
    headers.contentSecurityPolicy(CONTENT_SECURITY_POLICY);
    headers.xFrameOptions(GlobalHeadersConfig.XFrameOptions.DENY);
    headers.referrerPolicy(GlobalHeadersConfig.ReferrerPolicy.SAME_ORIGIN);
    headers.crossOriginOpenerPolicy(GlobalHeadersConfig.CrossOriginOpenerPolicy.SAME_ORIGIN);
  }

  /** A route: computes its reply from the request, with the API and pages. */
  interface Route {
    Reply handle(Faces faces, Context ctx) throws Exception;
  }

  /** A handler that computes its reply on a worker and answers 503 when the deadline passes first. */
  private Handler timed(Route route) {
    long timeoutMs = options.requestTimeout().toMillis();
    return ctx -> ctx.future(() -> CompletableFuture.supplyAsync(() -> {
      try {
        return route.handle(faces.get(timeoutMs, TimeUnit.MILLISECONDS), ctx);
      } catch (ExecutionException e) {
        LOG.error("The engine could not be loaded", e.getCause());
        return errorReply(new ApiError(503, "UNAVAILABLE", "The server could not load its data; see its log"), ctx);
      } catch (Throwable e) {
        return errorReply(e, ctx);
      }
    }, workers).completeOnTimeout(null, timeoutMs, TimeUnit.MILLISECONDS).thenAccept(reply ->
        (reply != null ? reply : errorReply(Errors.timeout(), ctx)).writeTo(ctx)));
  }

  /** The reply for an error: JSON under /api, the error page elsewhere (plain text until the pages are ready). */
  private Reply errorReply(Throwable e, Context ctx) {
    ApiError error = Errors.of(e, ctx.method().name(), ctx.path());
    if (ctx.path().startsWith("/api/") || ctx.path().equals("/api")) {
      return Errors.json(error);
    }
    Faces f = faces.getNow(null);
    return f != null ? f.pages().error(error)
        : Reply.text(error.status(), "text/plain; charset=utf-8", error.getMessage());
  }
}
