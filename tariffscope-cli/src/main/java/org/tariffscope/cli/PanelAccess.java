package org.tariffscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.tariffscope.analytics.PanelDatabase;
import org.tariffscope.analytics.PanelSource;
import picocli.CommandLine.Option;

/**
 * The {@code --db} option of the commands that use the panel database, and the progress they print
 * while it is built. Where the panel is, whether it is ready and how it is built is
 * {@link PanelSource}'s (shared with the web server); this class only renders.
 */
final class PanelAccess {
  @Option(names = "--db", paramLabel = "<file>",
      description = "The panel database (default: $XDG_CACHE_HOME/tariffscope/panel.duckdb or ~/.cache/tariffscope/panel.duckdb).")
  Path db;

  Path file() {
    return db != null ? db : PanelDatabase.defaultFile();
  }

  PanelSource source(Common common) {
    return new PanelSource(file(), common.workspace().engine());
  }

  /**
   * The panel, built first when it is missing or was built from other policy files; a file that is
   * not a Tariffscope panel is left alone and reported.
   */
  PanelDatabase open(Common common, PrintWriter err) {
    return source(common).open(Runtime.getRuntime().availableProcessors(), new Bar(err, file()));
  }

  /** Builds the panel, with a progress line, and returns the report. */
  PanelDatabase.BuildReport build(Common common, PrintWriter err, int threads) {
    return source(common).build(threads, new Bar(err, file()));
  }

  /** A build's progress on standard error: what is read, then a bar of products. */
  private static final class Bar implements PanelSource.Listener {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final Path file;
    private long last;

    Bar(PrintWriter err, Path file) {
      this.err = err;
      this.file = file;
    }

    @Override
    public void starting(PanelDatabase.State why) {
      err.println(why == PanelDatabase.State.MISSING ? "No panel at " + file + " yet: building it (about half a minute)."
          : "The panel at " + file + " was built from other policy files or revisions: rebuilding it.");
      err.flush();
    }

    @Override
    public void loaded(int revisions, long millis) {
      err.printf(Locale.ROOT, "  loaded the schedule (%d revisions), the policy book and the weights in %.1f s%n",
          revisions, millis / 1e3);
      err.flush();
    }

    @Override
    public synchronized void computing(int done, int all) {
      long now = System.nanoTime();
      if (now - last > 500_000_000L || done == all) {
        last = now;
        int filled = (int) ((long) done * WIDTH / Math.max(1, all));
        err.printf(Locale.ROOT, "\r  [%s%s] %,d / %,d products   ", "#".repeat(filled), " ".repeat(WIDTH - filled), done, all);
        err.flush();
      }
    }

    @Override
    public void writing() {
      err.println();
      err.println("  writing the database and the daily aggregates...");
      err.flush();
    }
  }
}
