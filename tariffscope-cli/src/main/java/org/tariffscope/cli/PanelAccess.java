package org.tariffscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.tariffscope.analytics.CensusEstimates;
import org.tariffscope.analytics.PanelDatabase;
import org.tariffscope.analytics.TradeWeights;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.engine.DutyEngine;
import picocli.CommandLine.Option;

/**
 * Options and logic shared by the commands that use the panel database: where it is, and building
 * it when missing or stale.
 */
final class PanelAccess {
  @Option(names = "--db", paramLabel = "<file>",
      description = "The panel database (default: $XDG_CACHE_HOME/tariffscope/panel.duckdb or ~/.cache/tariffscope/panel.duckdb).")
  Path db;

  Path file() {
    return db != null ? db : PanelDatabase.defaultFile();
  }

  /**
   * The panel, built first when it is missing or was built from other policy files; a file that is
   * not a Tariffscope panel is left alone and reported.
   */
  PanelDatabase open(Common common, PrintWriter err) {
    Path file = file();
    DutyEngine engine = common.workspace().engine();
    PanelDatabase.State state = PanelDatabase.inspect(file, PanelDatabase.fingerprint(engine));
    switch (state) {
      case READY -> {
        return PanelDatabase.open(file);
      }
      case NOT_A_PANEL -> throw new InvalidInputException(file + " is not a Tariffscope panel (another program's file, or "
          + "a damaged one); it was left as it is. Pass another --db, or replace it with a new panel: "
          + "tariffscope panel build --force --db " + file);
      default -> {
        err.println(state == PanelDatabase.State.MISSING ? "No panel at " + file + " yet: building it (about half a minute)."
            : "The panel at " + file + " was built from other policy files or revisions: rebuilding it.");
        build(common, err, Runtime.getRuntime().availableProcessors());
        return PanelDatabase.open(file);
      }
    }
  }

  /** Builds the panel, with a progress line, and returns the report. */
  PanelDatabase.BuildReport build(Common common, PrintWriter err, int threads) {
    Path file = file();
    if (file.toAbsolutePath().getParent() != null && java.nio.file.Files.exists(file.toAbsolutePath().getParent())
        && !java.nio.file.Files.isWritable(file.toAbsolutePath().getParent())) {
      throw new InvalidInputException("Cannot write the panel: " + file.toAbsolutePath().getParent() + " is not writable");
    }
    long start = System.nanoTime();
    var workspace = common.workspace();
    // The 2024 weights load while the schedule revisions are read.
    CompletableFuture<TradeWeights> weights = CompletableFuture.supplyAsync(() -> TradeWeights.load(workspace.countries()));
    workspace.schedule().loadAll();
    DutyEngine base = workspace.engine();
    TradeWeights w = weights.join();
    DutyEngine engine = base.withEstimates(CensusEstimates.load(w, workspace.countries()));
    err.printf(Locale.ROOT, "  loaded the schedule (%d revisions), the policy book and the weights in %.1f s%n",
        workspace.schedule().revisions().size(), (System.nanoTime() - start) / 1e9);
    long[] last = {0};
    PanelDatabase.BuildReport report = PanelDatabase.build(file, engine, w, threads, (done, all) -> {
      long now = System.nanoTime();
      if (now - last[0] > 500_000_000L || done.equals(all)) {
        last[0] = now;
        int width = 30;
        int filled = (int) ((long) done * width / Math.max(1, all));
        err.printf(Locale.ROOT, "\r  [%s%s] %,d / %,d products   ", "#".repeat(filled), " ".repeat(width - filled), done, all);
        err.flush();
      }
    });
    err.println();
    return report;
  }
}
