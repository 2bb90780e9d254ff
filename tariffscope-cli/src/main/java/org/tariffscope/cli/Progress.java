package org.tariffscope.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A progress line on standard error for long work, refreshed at most once a second. */
final class Progress {
  private final PrintWriter err;
  private final String unit;
  private final long start = System.nanoTime();
  private long done;
  private long lastPrint = start;
  private boolean printed;

  Progress(PrintWriter err, String unit) {
    this.err = err;
    this.unit = unit;
  }

  /** A progress that prints nothing. */
  static Progress silent() {
    return new Progress(null, "");
  }

  void advance(long n) {
    done += n;
    if (err == null) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastPrint > 1_000_000_000L) {
      lastPrint = now;
      printed = true;
      double s = (now - start) / 1e9;
      err.printf(Locale.ROOT, "\r  %,d %s (%,.0f/s)   ", done, unit, done / s);
      err.flush();
    }
  }

  void done() {
    if (err != null && printed) {
      err.print("\r" + " ".repeat(60) + "\r");
      err.flush();
    }
  }
}
