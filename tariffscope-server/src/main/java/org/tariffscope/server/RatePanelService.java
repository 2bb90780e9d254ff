package org.tariffscope.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tariffscope.analytics.BuildProgress;
import org.tariffscope.analytics.EffectiveRates;
import org.tariffscope.analytics.PanelDatabase;
import org.tariffscope.analytics.PanelSource;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.engine.DutyEngine;

/**
 * The effective rates behind {@code /api/v1/etr} and the effective-rates page, over the rate panel:
 * found ready when the server starts, or built in the background by {@link PanelSource} (the same
 * logic as the command line's) — on the first request that needs it, or at start when told. A
 * request never waits for a build: until the panel is ready it is answered 503 with the build's
 * progress and when to ask again.
 *
 * <p>DuckDB connections serve one thread at a time: each query borrows a connection of its own
 * from a small pool (one per worker at most) over the one open database.
 */
final class RatePanelService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("tariffscope.server");
  /** After a failed build, the next request that needs the panel tries again once this has passed. */
  static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(60);

  /** Where the panel is in its life. */
  enum Status { IDLE, CHECKING, BUILDING, READY, FAILED }

  /** Opens the panel, building it first when it is missing or stale. Tests put in their own. */
  interface Preparer {
    PanelDatabase prepare(PanelSource source, BuildProgress progress);
  }

  /** The default: {@link PanelSource#open} on all cores but one, so requests keep a core. */
  static final Preparer BUILD = (source, progress) -> source.open(PanelSource.backgroundThreads(), progress);

  /**
   * What the panel is doing, for pages and errors.
   *
   * @param status where it is
   * @param progress the build's progress while building
   * @param message why it failed, when it did
   */
  record State(Status status, BuildProgress.Snapshot progress, String message) {
  }

  private final CompletableFuture<DutyEngine> engine;
  private final Path file;
  private final Preparer preparer;
  private final int maxConnections;
  private final BlockingQueue<EffectiveRates> idle;
  private final List<PanelDatabase> open = new ArrayList<>();
  private CompletableFuture<Void> ready = new CompletableFuture<>();
  private volatile Status status = Status.IDLE;
  private volatile BuildProgress progress;
  private volatile String failure;
  private volatile long failedAt;
  private volatile boolean closed;
  private PanelDatabase db;
  private Thread worker;

  RatePanelService(CompletableFuture<DutyEngine> engine, Path file, Preparer preparer, int maxConnections) {
    this.engine = engine;
    this.file = file;
    this.preparer = preparer;
    this.maxConnections = Math.max(1, maxConnections);
    this.idle = new ArrayBlockingQueue<>(this.maxConnections);
  }

  Path file() {
    return file;
  }

  /**
   * Looks at the panel file in the background once the engine is loaded: a ready panel is opened;
   * a missing or stale one is built when {@code build} is true, else on the first request.
   */
  synchronized void start(boolean build) {
    if (closed || status == Status.CHECKING || status == Status.BUILDING || status == Status.READY) {
      return;
    }
    if (ready.isDone()) {
      ready = new CompletableFuture<>();
    }
    failure = null;
    setStatus(Status.CHECKING);
    Thread t = new Thread(() -> run(build), "tariffscope-panel");
    t.setDaemon(true);
    worker = t;
    t.start();
  }

  /** Completes when the panel is ready; exceptionally when it could not be had. For tests and benchmarks. */
  synchronized CompletableFuture<Void> ready() {
    return ready;
  }

  State state() {
    Status s = status;
    BuildProgress p = progress;
    return new State(s, s == Status.BUILDING && p != null ? p.snapshot() : null, s == Status.FAILED ? failure : null);
  }

  /**
   * Runs {@code query} on a connection of its own, once the panel is ready. Starts the build when
   * nothing has (or a failure is old enough to try again).
   *
   * @throws ApiError 503 while the panel is being built or when it cannot be had
   */
  <T> T query(Function<EffectiveRates, T> query) {
    demand();
    if (status != Status.READY) {
      throw unavailable();
    }
    EffectiveRates rates = borrow();
    try {
      return query.apply(rates);
    } finally {
      idle.offer(rates);
    }
  }

  /** Makes sure the panel is on its way: the first request that needs it starts the build. */
  void demand() {
    for (int attempt = 0; attempt < 2; attempt++) {
      Status s = status;
      if (s == Status.IDLE || (s == Status.FAILED && System.nanoTime() - failedAt > RETRY_AFTER_FAILURE.toNanos())) {
        start(true);
      }
      // Looking at the file takes a moment (no build): worth a short wait rather than a 503.
      if (!awaitDecision(2_000)) {
        return;
      }
    }
  }

  /** Waits while the file is being looked at; true when that ended with nothing under way (IDLE). */
  private synchronized boolean awaitDecision(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    try {
      while (status == Status.CHECKING) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return false;
        }
        wait(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return status == Status.IDLE;
  }

  private synchronized void setStatus(Status s) {
    status = s;
    notifyAll();
  }

  /** The 503 for the panel's current state. */
  ApiError unavailable() {
    State s = state();
    return switch (s.status()) {
      case BUILDING -> {
        BuildProgress.Snapshot p = s.progress();
        yield new ApiError(503, "PANEL_BUILDING", String.format(Locale.ROOT,
            "Building the rate panel for the effective rates (once; about a minute on two cores): %d%% done, %s. "
                + "Retry in %s.", p.percent(), p.doing(), p.leftText()), List.of(), p.retryAfterSeconds());
      }
      case FAILED -> new ApiError(503, "PANEL_UNAVAILABLE", s.message(), List.of(),
          (int) RETRY_AFTER_FAILURE.toSeconds());
      default -> new ApiError(503, "PANEL_BUILDING", "Opening the rate panel for the effective rates; retry in a few "
          + "seconds.", List.of(), 2);
    };
  }

  private void run(boolean build) {
    try {
      DutyEngine e = engine.join();
      PanelSource source = new PanelSource(file, e);
      PanelDatabase.State found = source.state();
      if (found == PanelDatabase.State.NOT_A_PANEL) {
        fail(PanelSource.notAPanelMessage(file), null);
        return;
      }
      if (found != PanelDatabase.State.READY && !build) {
        setStatus(Status.IDLE);
        LOG.info("No up-to-date rate panel at {} ({}): it will be built on the first request for effective rates",
            file, found.name().toLowerCase(Locale.ROOT));
        return;
      }
      long start = System.nanoTime();
      PanelDatabase opened;
      if (found == PanelDatabase.State.READY) {
        opened = PanelDatabase.open(file);
      } else {
        BuildProgress p = new BuildProgress();
        p.loading();
        progress = p;
        setStatus(Status.BUILDING);
        LOG.info("Building the rate panel at {} in the background ({})", file,
            found == PanelDatabase.State.MISSING ? "first use" : "the policy files or revisions changed");
        opened = preparer.prepare(source, p);
        p.finished();
      }
      synchronized (this) {
        if (closed) {
          opened.close();
          return;
        }
        db = opened;
        open.add(opened);
        idle.offer(new EffectiveRates(opened));
        setStatus(Status.READY);
        ready.complete(null);
      }
      if (found != PanelDatabase.State.READY) {
        LOG.info("Built the rate panel in {} s", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
      }
    } catch (InvalidInputException e) {
      fail(e.getMessage(), null);
    } catch (RuntimeException | Error e) {
      if (closed) {
        return;
      }
      Throwable cause = e.getCause() != null && e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
      fail("The rate panel could not be built (" + (cause.getMessage() == null ? cause.getClass().getSimpleName()
          : cause.getMessage()) + "); it is tried again on a request after a minute. See the server's log.", cause);
    }
  }

  private synchronized void fail(String message, Throwable cause) {
    if (cause != null) {
      LOG.error("The rate panel at {} could not be had", file, cause);
    } else {
      LOG.warn("The rate panel at {} could not be had: {}", file, message);
    }
    failure = message;
    failedAt = System.nanoTime();
    setStatus(Status.FAILED);
    ready.completeExceptionally(new IllegalStateException(message));
  }

  private EffectiveRates borrow() {
    EffectiveRates r = idle.poll();
    if (r != null) {
      return r;
    }
    synchronized (this) {
      if (open.size() < maxConnections && db != null) {
        PanelDatabase d = db.duplicate();
        open.add(d);
        return new EffectiveRates(d);
      }
    }
    try {
      r = idle.poll(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (r == null) {
      throw new ApiError(503, "BUSY", "The server is busy; try again in a moment");
    }
    return r;
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      closed = true;
      t = worker;
      // Duplicates first: the first connection holds the database open.
      for (int i = open.size() - 1; i >= 0; i--) {
        open.get(i).close();
      }
      open.clear();
      idle.clear();
      db = null;
    }
    if (t != null) {
      t.interrupt();
    }
  }
}
