package org.tariffscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tariffscope.analytics.PanelDatabase;
import org.tariffscope.basics.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tariffscope panel}: the statutory rate panel in an embedded DuckDB database. */
@Command(name = "panel", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = "The statutory rate of every HTS-10 line from every origin on every day of 2025-2026, in a DuckDB "
        + "file, with the 2024 import weights and daily effective rates.",
    subcommands = {PanelCommand.Build.class, PanelCommand.Export.class, PanelCommand.Info.class})
final class PanelCommand {

  /** {@code panel build}. */
  @Command(name = "build", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
      description = "Build the panel (every product x origin x day, by authority, computed by the duty engine).",
      footerHeading = "%nExamples:%n", footer = {"  tariffscope panel build", "  tariffscope panel build --db /tmp/panel.duckdb --force"})
  static final class Build implements Callable<Integer> {
    @Mixin
    Common common;

    @Mixin
    PanelAccess panel;

    @Spec
    CommandSpec spec;

    @Option(names = "--force", description = "Rebuild even if the panel is up to date (or the file is damaged).")
    boolean force;

    @Option(names = "--threads", paramLabel = "<n>", description = "Threads (default: the machine's cores).")
    Integer threads;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      var err = spec.commandLine().getErr();
      Path file = panel.file();
      PanelDatabase.State state = panel.source(common).state();
      if (state == PanelDatabase.State.READY && !force) {
        out.println("The panel at " + file + " is up to date (use --force to rebuild).");
        out.flush();
        return 0;
      }
      if (state == PanelDatabase.State.NOT_A_PANEL && !force) {
        throw new InvalidInputException(file + " exists and is not a Tariffscope panel: choose another --db, or "
            + "replace it with --force");
      }
      int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
      if (n < 1 || n > 256) {
        throw new InvalidInputException("--threads must be between 1 and 256");
      }
      long start = System.nanoTime();
      PanelDatabase.BuildReport r = panel.build(common, err, n);
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(Locale.ROOT, "Built %s in %.1f s:%n", file, seconds);
      out.printf(Locale.ROOT, "  %,d products x %d origin classes (%d countries): %,d rows (%,d engine evaluations, %.1f s)%n",
          r.stats().products(), r.originClasses(), common.workspace().countries().size(), r.stats().rows(),
          r.stats().evaluations(), r.stats().millis() / 1e3);
      out.printf(Locale.ROOT, "  %,d weighted 2024 flows; file %,.0f MB; peak heap %.2f GB (of %.1f GB allowed)%n", r.flows(),
          r.fileBytes() / 1e6, peakHeap() / 1e9, Runtime.getRuntime().maxMemory() / 1e9);
      out.println("Try: tariffscope etr --date 2025-10-17 --by country, or tariffscope sql \"SELECT * FROM panel LIMIT 5\"");
      out.flush();
      return 0;
    }
  }

  /**
   * The most heap this JVM has used: the sum of each heap pool's peak, an upper bound (the pools need
   * not peak together).
   */
  static long peakHeap() {
    long peak = 0;
    for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  /** {@code panel export}. */
  @Command(name = "export", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
      description = "Export the panel, one row per product x country x USMCA claim x run of days, as Parquet or CSV.",
      footerHeading = "%nExamples:%n", footer = {"  tariffscope panel export --format parquet --out panel.parquet",
          "  tariffscope panel export --format csv --out panel.csv"})
  static final class Export implements Callable<Integer> {
    @Mixin
    Common common;

    @Mixin
    PanelAccess panel;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "<format>", description = "parquet or csv.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "<file>", description = "Where to write it.")
    Path out;

    @Override
    public Integer call() throws Exception {
      String fmt = format.toLowerCase(Locale.ROOT);
      if (!fmt.equals("parquet") && !fmt.equals("csv")) {
        throw new InvalidInputException("Unknown --format '" + format + "' (parquet or csv)");
      }
      Path target = out.toAbsolutePath();
      Path dir = target.getParent();
      if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
        throw new InvalidInputException("Cannot write " + out + ": folder " + dir + " does not exist or is not writable");
      }
      Path tmp = dir.resolve("." + target.getFileName() + ".partial");
      long start = System.nanoTime();
      try (PanelDatabase db = panel.open(common, spec.commandLine().getErr()); Statement s = db.connection().createStatement()) {
        s.execute("COPY (SELECT * FROM panel ORDER BY hts10, origin_iso2, usmca, valid_from) TO '"
            + tmp.toString().replace("'", "''") + "' (FORMAT " + (fmt.equals("csv") ? "CSV, HEADER" : "PARQUET") + ")");
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s (%,.0f MB) in %.1f s%n", out, Files.size(target) / 1e6,
          (System.nanoTime() - start) / 1e9);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** {@code panel info}. */
  @Command(name = "info", mixinStandardHelpOptions = true, description = "Where the panel is, whether it is up to date, and its tables.")
  static final class Info implements Callable<Integer> {
    @Mixin
    Common common;

    @Mixin
    PanelAccess panel;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      var o = spec.commandLine().getOut();
      Path file = panel.file();
      PanelDatabase.State state = panel.source(common).state();
      o.println("Panel: " + file + " (" + state.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
      if (state == PanelDatabase.State.READY || state == PanelDatabase.State.STALE) {
        try (PanelDatabase db = PanelDatabase.open(file); Statement s = db.connection().createStatement();
             var rs = s.executeQuery("SELECT table_name, estimated_size FROM duckdb_tables() ORDER BY table_name")) {
          TextTable t = new TextTable("Table", "Rows").right(1);
          while (rs.next()) {
            t.row(rs.getString(1), String.format(Locale.ROOT, "%,d", rs.getLong(2)));
          }
          t.row("panel (view)", "every country of each origin class");
          o.print(t.render());
        }
      }
      o.flush();
      return 0;
    }
  }
}
