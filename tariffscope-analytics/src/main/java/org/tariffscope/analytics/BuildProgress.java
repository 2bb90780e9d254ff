package org.tariffscope.analytics;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How far a panel build has gone, as a fraction of the whole and a time left, from what a
 * {@link PanelSource.Listener} hears. A build has three phases of roughly known weight (measured on
 * two cores: reading the schedule and weights about a quarter of the time, computing the rates a
 * bit under half, writing the database the rest); only the middle one has a count, so the others
 * advance with the time they usually take. Safe to read from any thread while the build writes it.
 */
public final class BuildProgress implements PanelSource.Listener {
  /** The phases of a build, in order. */
  public enum Phase { WAITING, LOADING, COMPUTING, WRITING, DONE }

  private static final double LOADING_SHARE = 0.25;
  private static final double COMPUTING_SHARE = 0.45;
  private static final double WRITING_SHARE = 1 - LOADING_SHARE - COMPUTING_SHARE;
  /** What reading the schedule and the weights usually takes. */
  private static final long LOADING_NANOS = 10_000_000_000L;
  /** Writing the database takes about this much of the computing time. */
  private static final double WRITING_PER_COMPUTING = 0.7;

  private final LongSupplier clock;
  private volatile Phase phase = Phase.WAITING;
  private volatile long started;
  private volatile long phaseStarted;
  private volatile long computingNanos;
  private volatile int done;
  private volatile int all;

  public BuildProgress() {
    this(System::nanoTime);
  }

  /** With a clock in nanoseconds, for tests. */
  BuildProgress(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void loading() {
    if (phase == Phase.WAITING) {
      started = clock.getAsLong();
      phaseStarted = started;
      phase = Phase.LOADING;
    }
  }

  @Override
  public void starting(PanelDatabase.State why) {
    loading();
  }

  @Override
  public synchronized void loaded(int revisions, long millis) {
    loading();
    phase = Phase.COMPUTING;
    phaseStarted = clock.getAsLong();
  }

  @Override
  public synchronized void computing(int done, int all) {
    if (phase.ordinal() < Phase.COMPUTING.ordinal()) {
      loaded(0, 0);
    }
    this.done = done;
    this.all = all;
  }

  @Override
  public synchronized void writing() {
    long now = clock.getAsLong();
    computingNanos = now - phaseStarted;
    phaseStarted = now;
    phase = Phase.WRITING;
  }

  /** The build is over (the file is in place). */
  public synchronized void finished() {
    phase = Phase.DONE;
  }

  public Phase phase() {
    return phase;
  }

  /** A consistent reading of the progress. */
  public synchronized Snapshot snapshot() {
    long now = clock.getAsLong();
    double fraction = switch (phase) {
      case WAITING -> 0;
      case LOADING -> LOADING_SHARE * Math.min(0.95, (now - phaseStarted) / (double) LOADING_NANOS);
      case COMPUTING -> LOADING_SHARE + COMPUTING_SHARE * (all == 0 ? 0 : done / (double) all);
      case WRITING -> LOADING_SHARE + COMPUTING_SHARE + WRITING_SHARE
          * Math.min(0.95, (now - phaseStarted) / Math.max(1.0, WRITING_PER_COMPUTING * computingNanos));
      case DONE -> 1;
    };
    Duration elapsed = phase == Phase.WAITING ? Duration.ZERO : Duration.ofNanos(now - started);
    Duration left = null;
    if (phase == Phase.DONE) {
      left = Duration.ZERO;
    } else if (fraction >= 0.03) {
      long nanos = (long) (elapsed.toNanos() * (1 - fraction) / fraction);
      left = Duration.ofNanos(Math.max(2_000_000_000L, Math.min(nanos, 600_000_000_000L)));
    }
    return new Snapshot(phase, fraction, elapsed, Optional.ofNullable(left), done, all);
  }

  /**
   * A reading of a build's progress.
   *
   * @param phase what it is doing
   * @param fraction how much of the whole is done, 0 to 1 (an estimate outside the computing phase)
   * @param elapsed since the build began
   * @param left the time it will probably still take, when it can be told
   * @param products products whose rates are computed
   * @param allProducts products in all (0 before the computing phase)
   */
  public record Snapshot(Phase phase, double fraction, Duration elapsed, Optional<Duration> left, int products,
      int allProducts) {
    /** Percent done, 0 to 100, never 100 before the end. */
    public int percent() {
      return phase == Phase.DONE ? 100 : (int) Math.min(99, Math.floor(fraction * 100));
    }

    /** What the build is doing, in words: {@code computing rates (9,216 of 19,933 products)}. */
    public String doing() {
      return switch (phase) {
        case WAITING -> "about to start";
        case LOADING -> "reading the schedule revisions and the 2024 import weights";
        case COMPUTING -> String.format(Locale.ROOT, "computing rates (%,d of %,d products)", products, allProducts);
        case WRITING -> "writing the database and the daily aggregates";
        case DONE -> "done";
      };
    }

    /** Seconds a client might wait before asking again: the time left, within 2 to 30 s. */
    public int retryAfterSeconds() {
      long s = left.map(Duration::toSeconds).orElse(10L);
      return (int) Math.max(2, Math.min(30, s));
    }

    /** The time left in words: {@code about 20 s}, {@code about 2 min}, or {@code about a minute} when unknown. */
    public String leftText() {
      if (left.isEmpty()) {
        return "about a minute";
      }
      long s = left.get().toSeconds();
      if (s < 60) {
        return "about " + Math.max(5, (s + 4) / 5 * 5) + " s";
      }
      return "about " + ((s + 30) / 60) + " min";
    }
  }
}
