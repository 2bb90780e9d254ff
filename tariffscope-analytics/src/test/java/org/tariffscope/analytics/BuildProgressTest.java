package org.tariffscope.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A build's progress as a client sees it: it only moves forward, and says what it is doing and how long is left. */
class BuildProgressTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final BuildProgress progress = new BuildProgress(now::get);

  private void advance(double seconds) {
    now.addAndGet((long) (seconds * 1e9));
  }

  @Test
  void aBuildGoesForwardThroughItsPhases() {
    BuildProgress.Snapshot waiting = progress.snapshot();
    assertThat(waiting.phase()).isEqualTo(BuildProgress.Phase.WAITING);
    assertThat(waiting.percent()).isZero();
    assertThat(waiting.left()).isEmpty();
    assertThat(waiting.leftText()).isEqualTo("about a minute");

    progress.loading();
    advance(4);
    BuildProgress.Snapshot loading = progress.snapshot();
    assertThat(loading.phase()).isEqualTo(BuildProgress.Phase.LOADING);
    assertThat(loading.percent()).isBetween(5, 24);
    assertThat(loading.doing()).contains("reading the schedule revisions");
    advance(60);
    assertThat(progress.snapshot().percent()).as("a slow load stays within its share").isLessThan(25);

    progress.loaded(44, 64_000);
    progress.computing(10_000, 20_000);
    advance(10);
    BuildProgress.Snapshot computing = progress.snapshot();
    assertThat(computing.phase()).isEqualTo(BuildProgress.Phase.COMPUTING);
    assertThat(computing.percent()).isBetween(45, 49);
    assertThat(computing.doing()).isEqualTo("computing rates (10,000 of 20,000 products)");
    assertThat(computing.left()).isPresent();
    assertThat(computing.retryAfterSeconds()).isBetween(2, 30);

    progress.computing(20_000, 20_000);
    advance(10);
    progress.writing();
    BuildProgress.Snapshot writing = progress.snapshot();
    assertThat(writing.percent()).isGreaterThanOrEqualTo(computing.percent()).isBetween(70, 99);
    advance(7);
    assertThat(progress.snapshot().percent()).isGreaterThan(writing.percent()).isLessThan(100);
    advance(600);
    assertThat(progress.snapshot().percent()).as("never 100 before the end").isEqualTo(98);

    progress.finished();
    assertThat(progress.snapshot().percent()).isEqualTo(100);
    assertThat(progress.snapshot().left()).contains(Duration.ZERO);
  }

  @Test
  void theTimeLeftIsSaidInRoundFigures() {
    BuildProgress.Snapshot s = new BuildProgress.Snapshot(BuildProgress.Phase.COMPUTING, 0.5, Duration.ofSeconds(30),
        java.util.Optional.of(Duration.ofSeconds(23)), 1, 2);
    assertThat(s.leftText()).isEqualTo("about 25 s");
    assertThat(s.retryAfterSeconds()).isEqualTo(23);
    BuildProgress.Snapshot long_ = new BuildProgress.Snapshot(BuildProgress.Phase.COMPUTING, 0.1, Duration.ofSeconds(30),
        java.util.Optional.of(Duration.ofSeconds(170)), 1, 2);
    assertThat(long_.leftText()).isEqualTo("about 3 min");
    assertThat(long_.retryAfterSeconds()).isEqualTo(30);
  }
}
