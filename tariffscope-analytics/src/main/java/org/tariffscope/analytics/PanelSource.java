package org.tariffscope.analytics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.engine.DutyEngine;

/**
 * A panel database file and how to have it ready: what state it is in (missing, ready, built from
 * other policy files or revisions, not a panel at all), opening it, and building it when it is
 * missing or stale. The one place the command line ({@code etr}, {@code panel}, {@code sql}) and the
 * web server get their panel from; they only render the progress a {@link Listener} reports.
 *
 * <p>A file that is not a Tariffscope panel (another database, a damaged or interrupted build) is
 * never overwritten here: {@link #open} refuses it with a message naming the command that replaces
 * it, and only an explicit {@link #build} does.
 */
public final class PanelSource {
  private final Path file;
  private final DutyEngine engine;

  /**
   * @param file the panel file ({@link PanelDatabase#defaultFile()} unless the user names another)
   * @param engine the engine over the schedule and policy book the panel is built from; its base
   *     rate estimates do not matter (the build adds the Census ones)
   */
  public PanelSource(Path file, DutyEngine engine) {
    this.file = Objects.requireNonNull(file, "file");
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  public Path file() {
    return file;
  }

  /** What the file holds now, measured against this engine's schedule and policy book. Changes nothing. */
  public PanelDatabase.State state() {
    return PanelDatabase.inspect(file, PanelDatabase.fingerprint(engine));
  }

  /** What the user is told when the file is not a panel. */
  public static String notAPanelMessage(Path file) {
    return file + " is not a Tariffscope panel (another program's file, or a damaged one); it was left as it is. "
        + "Pass another --db, or replace it with a new panel: tariffscope panel build --force --db " + file;
  }

  /** Threads for a build that should leave a core to other work (a server's requests): all but one. */
  public static int backgroundThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }

  /**
   * The panel, opened for queries: built first (on {@code threads} threads) when it is missing or was
   * built from other policy files or revisions.
   *
   * @throws InvalidInputException when the file is not a panel (it is left alone), or cannot be written
   */
  public PanelDatabase open(int threads, Listener listener) {
    PanelDatabase.State state = state();
    switch (state) {
      case READY -> {
        return PanelDatabase.open(file);
      }
      case NOT_A_PANEL -> throw new InvalidInputException(notAPanelMessage(file));
      default -> {
        listener.starting(state);
        build(threads, listener);
        return PanelDatabase.open(file);
      }
    }
  }

  /** The panel if it is ready, else empty; builds nothing. */
  public java.util.Optional<PanelDatabase> openIfReady() {
    return state() == PanelDatabase.State.READY ? java.util.Optional.of(PanelDatabase.open(file))
        : java.util.Optional.empty();
  }

  /**
   * Builds the panel whatever the file holds (the file is replaced only when the build is complete):
   * reads every schedule revision and the 2024 weights (side by side), computes the Census ad valorem
   * equivalents of the base rates, then every product x origin x run of days, then the aggregates.
   *
   * @throws InvalidInputException when the folder cannot be written
   */
  public PanelDatabase.BuildReport build(int threads, Listener listener) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    requireWritable();
    listener.loading();
    long start = System.nanoTime();
    // The 2024 weights load while the schedule revisions are read.
    CompletableFuture<TradeWeights> weights = CompletableFuture.supplyAsync(() -> TradeWeights.load(engine.countries()));
    engine.schedule().loadAll();
    TradeWeights w = weights.join();
    DutyEngine withEstimates = engine.withEstimates(CensusEstimates.load(w, engine.countries()));
    listener.loaded(engine.schedule().revisions().size(), (System.nanoTime() - start) / 1_000_000);
    boolean[] writing = {false};
    try {
      return PanelDatabase.build(file, withEstimates, w, threads, (done, all) -> {
        listener.computing(done, all);
        if (done.equals(all) && !writing[0]) {
          writing[0] = true;
          listener.writing();
        }
      });
    } catch (RuntimeException | Error e) {
      // Stopped (a server shutting down) or failed: leave no row files or half-made database behind.
      PanelDatabase.deleteLeftovers(file);
      throw e;
    }
  }

  /** The file's folder must exist (it is created here) and be writable, before any work is done. */
  private void requireWritable() {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null) {
      return;
    }
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException | UnsupportedOperationException e) {
      throw new InvalidInputException("Cannot write the panel " + file + ": cannot create the folder " + dir
          + (e.getMessage() == null ? "" : " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
    }
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw new InvalidInputException("Cannot write the panel " + file + ": " + dir + " is not a writable folder");
    }
  }

  /** What a build reports, in order; every method may be called from another thread than the caller's. */
  public interface Listener {
    /** A listener that shows nothing. */
    Listener NONE = new Listener() {
    };

    /** {@link #open} is about to build, because the file is MISSING or STALE. */
    default void starting(PanelDatabase.State why) {
    }

    /** The build begins: the schedule revisions and the weights are being read. */
    default void loading() {
    }

    /** The schedule, the policy book and the weights are read. */
    default void loaded(int revisions, long millis) {
    }

    /** Rates are being computed: {@code done} of {@code all} products (now and then, and once at the end). */
    default void computing(int done, int all) {
    }

    /** Every product is computed; the database is being written (ingest, aggregates), with no count to report. */
    default void writing() {
    }
  }
}
