package org.tariffscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.scenarios.Elasticities;
import org.tariffscope.scenarios.Metric;
import org.tariffscope.scenarios.Scenario;
import org.tariffscope.analytics.ChartFile;
import org.tariffscope.scenarios.ScenarioChart;
import org.tariffscope.scenarios.ScenarioReport;
import org.tariffscope.scenarios.SimulationResult;
import org.tariffscope.scenarios.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tariffscope simulate}: the impact of one scenario on imports, revenue, prices and the balance. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {"Simulates a scenario (a scenarios/*.yaml file, or the name of a shipped one) on the 2024 US import "
        + "flows: imports by origin, trade creation and diversion, tariff revenue, effective rates, import and consumer "
        + "prices, welfare and the balance with the partner. See docs/model.md and docs/scenarios.md."},
    footerHeading = "%nExamples:%n",
    footer = {"  tariffscope simulate japan-deal", "  tariffscope simulate scenarios/japan-24pct-july.yaml --draws 1000",
        "  tariffscope simulate japan-offer --format json", "  tariffscope simulate japan-deal --chart deal.png"})
final class SimulateCommand implements Callable<Integer> {
  @Mixin
  Common common;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<scenario>", description = "A scenario file, or a shipped scenario's name.")
  String scenario;

  @Mixin
  ModelOptions model;

  @Option(names = "--top", defaultValue = "15", paramLabel = "<n>", description = "Rows of each breakdown in a table (default ${DEFAULT-VALUE}).")
  int top;

  @Override
  public Integer call() {
    model.check();
    Scenario s = common.workspace().scenarios().load(scenario).orThrow();
    SimulationResult r = model.simulator(common).simulate(s, model.draws, model.seed);
    String text = switch (model.format()) {
      case "json" -> ModelOptions.json(ScenarioReport.simulation(r));
      case "csv" -> String.join("\n", ScenarioReport.headlineCsv(r)) + "\n";
      default -> table(r, top);
    };
    if (model.chart != null) {
      ScenarioChart.origins(r, model.chart);
    }
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return 0;
  }

  static String table(SimulationResult r, int top) {
    StringBuilder sb = new StringBuilder();
    SimulationResult.ScenarioInfo s = r.scenario();
    sb.append(s.title()).append('\n');
    sb.append("Scenario ").append(s.name()).append(" (").append(s.file()).append("), base ").append(s.base())
        .append(s.partnerName() == null ? "" : ", partner " + s.partnerName())
        .append(", tariffs of ").append(s.from())
        .append(s.until().equals(s.from().plusDays(1)) ? "" : " .. " + s.until().minusDays(1))
        .append(" against those of ").append(s.referenceDate()).append('\n');
    sb.append(r.draws() == 0 ? "Central elasticities (no draws; add --draws 1000 for 5th-95th percentiles)"
        : r.draws() + " elasticity draws, seed " + r.seed()).append("\n\n");
    boolean bands = r.draws() > 0;
    TextTable t = bands ? new TextTable("Metric", "Value", "Unit", "p5", "p50", "p95").right(1, 3, 4, 5)
        : new TextTable("Metric", "Value", "Unit").right(1);
    for (SimulationResult.Headline h : r.headline()) {
      if (bands) {
        t.row(h.metric().label(), fmt(h.value()), h.metric().unit(), fmt(h.p5()), fmt(h.p50()), fmt(h.p95()));
      } else {
        t.row(h.metric().label(), fmt(h.value()), h.metric().unit());
      }
    }
    sb.append(t.render()).append('\n');
    sb.append("\nImports by origin ($B a year; rates weighted by 2024 imports):\n");
    sb.append(breakdown(r.byOrigin(), top, "Origin"));
    sb.append("\nImports by HS chapter, largest ").append(Math.min(top, 10)).append(":\n");
    sb.append(breakdown(r.byChapter(), Math.min(top, 10), "Chapter"));
    sb.append("\nPolicy edits:\n");
    if (r.edits().isEmpty()) {
      sb.append("  none (the actual measure book)\n");
    }
    for (String e : r.edits()) {
      sb.append("  ").append(e).append('\n');
    }
    sb.append("\nAssumptions:\n");
    for (String n : r.notes()) {
      sb.append("  - ").append(n).append('\n');
    }
    SimulationResult.Coverage c = r.coverage();
    sb.append(String.format(Locale.ROOT, "%nCoverage: %,d flows ($%.0fB); $%.1fB of products no longer in the schedule "
        + "held unchanged; elasticities from HS-6 for %.0f%% of imports, HS-4 %.0f%%, HS-2 %.0f%%, median %.0f%%.%n",
        c.flows(), c.importsBusd(), c.unpricedBusd(), c.sigmaHs6Pct(), c.sigmaHs4Pct(), c.sigmaHs2Pct(), c.sigmaMedianPct()));
    return sb.toString();
  }

  private static String breakdown(List<SimulationResult.Breakdown> rows, int top, String what) {
    TextTable t = new TextTable(what, "Before", "After", "Change", "Rate before", "Rate after").right(1, 2, 3, 4, 5)
        .maxWidth(0, 44);
    int n = 0;
    for (SimulationResult.Breakdown b : rows) {
      if (n++ >= top && !b.key().equals("other")) {
        continue;
      }
      t.row(b.key().equals("other") || !what.equals("Sector") ? b.label() : b.key() + " " + b.label(),
          fmt(b.beforeBusd()), fmt(b.afterBusd()), String.format(Locale.ROOT, "%+.1f%%", b.changePct()),
          String.format(Locale.ROOT, "%.1f%%", b.rateBeforePct()), String.format(Locale.ROOT, "%.1f%%", b.rateAfterPct()));
    }
    return t.render() + "\n";
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.1f" : "%.2f", v);
  }

  /** Options shared by simulate and compare. */
  static final class ModelOptions {
    @Option(names = "--draws", defaultValue = "0", paramLabel = "<n>",
        description = "Sample the elasticities n times and report 5th/50th/95th percentiles (default ${DEFAULT-VALUE}: central values only).")
    int draws;

    @Option(names = "--seed", defaultValue = "" + Simulator.DEFAULT_SEED, paramLabel = "<seed>",
        description = "Seed of the draws (default ${DEFAULT-VALUE}); the same seed gives the same percentiles.")
    long seed;

    @Option(names = "--format", defaultValue = "table", paramLabel = "<format>", description = "table, json or csv (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--chart", paramLabel = "<file>", description = "Also write a chart: a .png or .svg file.")
    Path chart;

    @Option(names = "--elasticities", paramLabel = "<csv>",
        description = "Substitution elasticities from this file (HS6,sigma like data/elasticities/ProTEE_0_1.csv) instead of ProTEE.")
    Path elasticities;

    String format() {
      String f = format.strip().toLowerCase(Locale.ROOT);
      if (!List.of("table", "json", "csv").contains(f)) {
        throw new InvalidInputException("Unknown --format '" + format + "' (table, json or csv)");
      }
      return f;
    }

    /** Rejects bad options before any work, so that nothing is printed as if complete. */
    void check() {
      format();
      if (draws < 0 || draws > Simulator.MAX_DRAWS) {
        throw new InvalidInputException("--draws must be from 0 to " + Simulator.MAX_DRAWS + ", not " + draws);
      }
      if (chart != null) {
        ChartFile.checkPath(chart);
      }
      if (elasticities != null && !java.nio.file.Files.isRegularFile(elasticities)) {
        throw new InvalidInputException("No elasticity file " + elasticities);
      }
    }

    Simulator simulator(Common common) {
      if (elasticities == null) {
        return common.workspace().simulator();
      }
      Elasticities e = Elasticities.read(elasticities).orThrow();
      Workspace w = common.workspace();
      return new Simulator(w.schedule(), w.book(), w.countries(), e);
    }

    static String json(Object value) {
      try {
        return Json.MAPPER.writeValueAsString(value) + "\n";
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The metrics shown in a comparison table, in order. */
  static List<Metric> metrics(List<SimulationResult> results) {
    List<Metric> out = new ArrayList<>();
    for (Metric m : Metric.values()) {
      if (results.stream().anyMatch(r -> !Double.isNaN(ScenarioReport.valueOf(r, m)))) {
        out.add(m);
      }
    }
    return out;
  }

  static void printErrors(PrintWriter err, List<?> problems) {
    for (Object p : problems) {
      err.println("  " + p);
    }
  }
}
