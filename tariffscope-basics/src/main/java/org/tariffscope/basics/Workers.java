package org.tariffscope.basics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same piece of work on several threads at once and waits for all of them: the shape of
 * the rate panel's and the scenario model's passes, where each thread takes the next item from a
 * shared counter until none are left.
 */
public final class Workers {
  private Workers() {
  }

  /**
   * Runs {@code work} once on each of {@code threads} (at least one) daemon threads named {@code name} and
   * returns when every run has ended. The work runs on its own threads even when there is one, so that
   * interrupting the caller stops it: the caller's wait ends, and the runs are interrupted.
   *
   * @throws IllegalStateException when a run failed (its cause attached) or the wait was interrupted; the
   *     other runs are interrupted and waited for first, so none is left writing to shared state
   */
  public static void run(int threads, String name, Runnable work) {
    int n = Math.max(1, threads);
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < n; t++) {
        futures.add(pool.submit(work));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(name + " interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(name + " failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
      try {
        pool.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
