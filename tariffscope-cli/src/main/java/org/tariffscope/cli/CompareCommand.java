package org.tariffscope.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.scenarios.Metric;
import org.tariffscope.scenarios.Scenario;
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

/** {@code tariffscope compare}: several scenarios side by side, with differences from the first. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {"Simulates several scenarios and shows their headline outputs side by side, with each one's "
        + "difference from the first."},
    footerHeading = "%nExamples:%n",
    footer = {"  tariffscope compare japan-status-quo-april japan-24pct-july japan-deal japan-offer japan-autos-stacked",
        "  tariffscope compare scenarios/japan-deal.yaml scenarios/japan-offer.yaml --draws 500 --format csv",
        "  tariffscope compare japan-deal japan-24pct-july --chart japan.png"})
final class CompareCommand implements Callable<Integer> {
  @Mixin
  Common common;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "2..*", paramLabel = "<scenario>", description = "Two or more scenario files or shipped names.")
  List<String> scenarios;

  @Mixin
  SimulateCommand.ModelOptions model;

  @Override
  public Integer call() {
    model.check();
    if (new LinkedHashSet<>(scenarios).size() < scenarios.size()) {
      throw new InvalidInputException("A scenario is named twice: " + String.join(" ", scenarios));
    }
    List<Scenario> loaded = new ArrayList<>();
    for (String s : scenarios) {
      loaded.add(common.workspace().scenarios().load(s).orThrow()); // every file is checked before any simulation
    }
    Simulator sim = model.simulator(common);
    List<SimulationResult> results = new ArrayList<>();
    for (Scenario s : loaded) {
      results.add(sim.simulate(s, model.draws, model.seed));
    }
    String text = switch (model.format()) {
      case "json" -> SimulateCommand.ModelOptions.json(ScenarioReport.comparison(results));
      case "csv" -> String.join("\n", ScenarioReport.comparisonCsv(results)) + "\n";
      default -> table(results);
    };
    if (model.chart != null) {
      ScenarioChart.comparison(results, model.chart);
    }
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return 0;
  }

  static String table(List<SimulationResult> results) {
    StringBuilder sb = new StringBuilder();
    sb.append("Scenarios (columns): differences are from the first, ").append(results.get(0).scenario().name()).append('\n');
    for (int k = 0; k < results.size(); k++) {
      SimulationResult.ScenarioInfo s = results.get(k).scenario();
      sb.append("  [").append((char) ('A' + k)).append("] ").append(s.name()).append(": ").append(s.title()).append('\n');
    }
    SimulationResult first = results.get(0);
    sb.append("Tariffs of ").append(first.scenario().from()).append(" against those of ")
        .append(first.scenario().referenceDate()).append(" on 2024 flows; ")
        .append(first.draws() == 0 ? "central elasticities" : first.draws() + " draws, seed " + first.seed()
            + ": value [p5, p95]").append("\n\n");
    List<String> head = new ArrayList<>(List.of("Metric", "Unit"));
    for (int k = 0; k < results.size(); k++) {
      head.add("[" + (char) ('A' + k) + "]");
    }
    for (int k = 1; k < results.size(); k++) {
      head.add((char) ('A' + k) + "-A");
    }
    TextTable t = new TextTable(head.toArray(new String[0]));
    int[] right = new int[head.size() - 2];
    for (int i = 0; i < right.length; i++) {
      right[i] = i + 2;
    }
    t.right(right).maxWidth(0, 40);
    for (Metric m : SimulateCommand.metrics(results)) {
      List<Object> row = new ArrayList<>(List.of(m.label(), m.unit()));
      double a = ScenarioReport.valueOf(first, m);
      for (SimulationResult r : results) {
        SimulationResult.Headline h = r.headline().stream().filter(x -> x.metric() == m).findFirst().orElse(null);
        if (h == null) {
          row.add("");
        } else if (h.hasBand() && h.p5() != h.p95()) {
          row.add(SimulateCommand.fmt(h.value()) + " [" + SimulateCommand.fmt(h.p5()) + ", " + SimulateCommand.fmt(h.p95()) + "]");
        } else {
          row.add(SimulateCommand.fmt(h.value()));
        }
      }
      for (SimulationResult r : results.subList(1, results.size())) {
        double v = ScenarioReport.valueOf(r, m);
        row.add(Double.isNaN(v) || Double.isNaN(a) ? "" : String.format(Locale.ROOT, "%+.2f", v - a));
      }
      t.row(row.toArray());
    }
    sb.append(t.render()).append('\n');
    return sb.toString();
  }
}
