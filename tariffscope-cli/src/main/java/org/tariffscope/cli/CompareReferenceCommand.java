package org.tariffscope.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tariffscope.analytics.EffectiveRates;
import org.tariffscope.analytics.EtrChart;
import org.tariffscope.analytics.PanelDatabase;
import org.tariffscope.analytics.ReferenceComparison;
import org.tariffscope.analytics.Weighting;
import org.tariffscope.basics.Authority;
import org.tariffscope.basics.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tariffscope compare-reference}: our overall effective rate against the Budget Lab's series. */
@Command(name = "compare-reference", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {"Our import-weighted effective rate against the Budget Lab tariff-rate-tracker's published daily series "
        + "(data/reference, statutory rates, 2024 weights), on every day their series changes and on the five checkpoint "
        + "days of the validation (marked *): overall, and by authority with --by-authority. The weighting options "
        + "recompute ours under other assumptions (sensitivities). docs/validation.md explains the gaps."},
    footerHeading = "%nExamples:%n",
    footer = {"  tariffscope compare-reference", "  tariffscope compare-reference --by-authority --format csv",
        "  tariffscope compare-reference --usmca-utilisation 0.87     (their July-December 2025 USMCA claim rate)",
        "  tariffscope compare-reference --no-mfn-preferences --date 2025-12-01",
        "  tariffscope compare-reference --chart reference.png"})
final class CompareReferenceCommand implements Callable<Integer> {
  @Mixin
  Common common;

  @Mixin
  PanelAccess panel;

  @Spec
  CommandSpec spec;

  @Option(names = "--by-authority", description = "Also compare each authority's part (always in csv and json).")
  boolean byAuthority;

  @Option(names = "--date", split = ",", paramLabel = "<yyyy-mm-dd>", description = "Also compare on these days.")
  List<String> dates;

  @Option(names = "--format", defaultValue = "table", paramLabel = "<format>", description = "table, csv or json (default ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--chart", paramLabel = "<file.png|svg>", description = "Also draw both daily series into this file.")
  Path chart;

  @Mixin
  WeightingOptions weightingOptions;

  @Override
  public Integer call() {
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!List.of("table", "csv", "json").contains(fmt)) {
      throw new InvalidInputException("Unknown --format '" + format + "' (table, csv or json)");
    }
    Set<LocalDate> also = new LinkedHashSet<>(ReferenceComparison.CHECKPOINTS);
    if (dates != null) {
      for (String d : dates) {
        LocalDate day = Common.date(d, "--date");
        PanelDatabase.checkDate(day).ifPresent(m -> {
          throw new InvalidInputException(m);
        });
        also.add(day);
      }
    }
    Weighting weighting = weightingOptions.weighting();
    var out = spec.commandLine().getOut();
    try (PanelDatabase db = panel.open(common, spec.commandLine().getErr())) {
      EffectiveRates ours = new EffectiveRates(db, weighting);
      List<ReferenceComparison.Day> days = ReferenceComparison.compare(ours, also);
      switch (fmt) {
        case "csv" -> csv(out, days);
        case "json" -> json(out, days, weighting);
        default -> table(out, days, weighting);
      }
      if (chart != null) {
        List<ReferenceComparison.Reference> theirs = ReferenceComparison.theirDaily();
        LocalDate first = theirs.get(0).date();
        LocalDate last = theirs.get(theirs.size() - 1).date();
        List<EffectiveRates.Row> mine = ours.series(first, last, EffectiveRates.By.OVERALL, Set.of());
        List<EffectiveRates.Row> ref = new ArrayList<>();
        for (ReferenceComparison.Reference r : theirs) {
          ref.add(new EffectiveRates.Row(r.date(), "budget-lab", "Budget Lab tracker", 0, r.pct(),
              new double[Authority.values().length]));
        }
        Map<String, List<EffectiveRates.Row>> lines = new LinkedHashMap<>();
        lines.put("Tariffscope", mine);
        lines.put("Budget Lab tariff-rate-tracker", ref);
        EtrChart.lines(lines, "Overall effective tariff rate, statutory, 2024 weights (%)",
            "Tariffscope (" + weighting.describe() + ") and the Budget Lab tariff-rate-tracker's published series ("
                + ReferenceComparison.overallFile().replaceAll(".*/", "") + ").", chart);
        spec.commandLine().getErr().println("Chart written to " + chart);
      }
      out.flush();
    }
    return 0;
  }

  private static void csv(java.io.PrintWriter out, List<ReferenceComparison.Day> days) {
    StringBuilder head = new StringBuilder("date,their_revision,their_change,checkpoint,ours_pct,theirs_pct,difference_pp");
    for (Authority a : Authority.values()) {
      head.append(',').append(a.key()).append("_ours,").append(a.key()).append("_theirs");
    }
    out.println(head);
    for (ReferenceComparison.Day d : days) {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s,%s,%s,%s,%.4f,%.4f,%.4f", d.date(), d.revision(),
          d.changed(), d.checkpoint(), d.ours(), d.theirs(), d.difference()));
      for (Authority a : Authority.values()) {
        sb.append(String.format(Locale.ROOT, ",%.4f,%.4f", d.oursBy()[a.ordinal()], d.theirsBy()[a.ordinal()]));
      }
      out.println(sb);
    }
  }

  private static void json(java.io.PrintWriter out, List<ReferenceComparison.Day> days, Weighting weighting) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("reference", ReferenceComparison.overallFile());
    doc.put("weighting", weighting.describe());
    List<Map<String, Object>> list = new ArrayList<>();
    for (ReferenceComparison.Day d : days) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("date", d.date().toString());
      m.put("their_revision", d.revision());
      m.put("their_change", d.changed());
      m.put("checkpoint", d.checkpoint());
      m.put("ours_pct", round(d.ours()));
      m.put("theirs_pct", round(d.theirs()));
      m.put("difference_pp", round(d.difference()));
      Map<String, Object> by = new LinkedHashMap<>();
      for (Authority a : Authority.values()) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("ours_pct", round(d.oursBy()[a.ordinal()]));
        pair.put("theirs_pct", round(d.theirsBy()[a.ordinal()]));
        pair.put("difference_pp", round(d.oursBy()[a.ordinal()] - d.theirsBy()[a.ordinal()]));
        by.put(a.key(), pair);
      }
      m.put("by_authority", by);
      list.add(m);
    }
    doc.put("days", list);
    try {
      Json.MAPPER.writeValue(out, doc);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    out.println();
  }

  private void table(java.io.PrintWriter out, List<ReferenceComparison.Day> days, Weighting weighting) {
    TextTable t = new TextTable("Date", "Their revision", "Ours %", "Theirs %", "Diff pp").right(2, 3, 4);
    List<Authority> shown = new ArrayList<>();
    for (Authority a : Authority.values()) {
      if (days.stream().anyMatch(d -> Math.abs(d.oursBy()[a.ordinal()]) > 0.005 || Math.abs(d.theirsBy()[a.ordinal()]) > 0.005)) {
        shown.add(a);
      }
    }
    List<String> head = new ArrayList<>(List.of("Date"));
    for (Authority a : shown) {
      head.add(a.label());
    }
    TextTable ta = new TextTable(head.toArray(String[]::new));
    int[] right = new int[shown.size()];
    for (int i = 0; i < right.length; i++) {
      right[i] = i + 1;
    }
    ta.right(right);
    for (ReferenceComparison.Day d : days) {
      String date = d.date() + (d.checkpoint() ? " *" : "");
      t.row(date, d.revision() + (d.changed() ? "" : " (no change)"), f(d.ours()), f(d.theirs()), signed(d.difference()));
      List<Object> cells = new ArrayList<>(List.of(date));
      for (Authority a : shown) {
        double o = d.oursBy()[a.ordinal()];
        double th = d.theirsBy()[a.ordinal()];
        cells.add(f(o) + " / " + f(th) + " (" + signed(o - th) + ")");
      }
      ta.row(cells.toArray());
    }
    out.println("Overall effective tariff rate, ours vs the Budget Lab tariff-rate-tracker (statutory, 2024 weights), %:");
    out.print(t.render());
    if (byAuthority) {
      out.println("\nBy authority, ours / theirs (difference, points):");
      out.print(ta.render());
    }
    out.println("\n* checkpoint day of the validation. Ours: " + weighting.describe() + ".");
    out.println("See docs/validation.md for the reasons of each gap above 0.5 points.");
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String signed(double v) {
    return String.format(Locale.ROOT, "%+.2f", Math.abs(v) < 0.005 ? 0.0 : v);
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
