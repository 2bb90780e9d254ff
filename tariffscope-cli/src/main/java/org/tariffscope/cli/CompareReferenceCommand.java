package org.tariffscope.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tariffscope.analytics.EffectiveRates;
import org.tariffscope.analytics.PanelDatabase;
import org.tariffscope.analytics.ReferenceComparison;
import org.tariffscope.basics.Authority;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tariffscope compare-reference}: our overall effective rate against the Budget Lab's series. */
@Command(name = "compare-reference", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Our import-weighted effective rate against the Budget Lab tariff-rate-tracker's published daily series "
        + "(data/reference), on every day their series changes: overall, and by authority with --by-authority. "
        + "docs/validation.md explains the gaps."})
final class CompareReferenceCommand implements Callable<Integer> {
  @Mixin
  Common common;

  @Mixin
  PanelAccess panel;

  @Spec
  CommandSpec spec;

  @Option(names = "--by-authority", description = "Also compare each authority's part.")
  boolean byAuthority;

  @Option(names = "--format", defaultValue = "table", paramLabel = "<format>", description = "table or csv (default ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (PanelDatabase db = panel.open(common, spec.commandLine().getErr())) {
      List<ReferenceComparison.Day> days = ReferenceComparison.compare(new EffectiveRates(db));
      boolean csv = format.equalsIgnoreCase("csv");
      if (csv) {
        StringBuilder head = new StringBuilder("date,their_revision,ours_pct,theirs_pct,difference_pp");
        for (Authority a : Authority.values()) {
          head.append(',').append(a.key()).append("_ours,").append(a.key()).append("_theirs");
        }
        out.println(head);
      }
      TextTable t = new TextTable("Date", "Their revision", "Ours %", "Theirs %", "Diff pp").right(2, 3, 4);
      TextTable ta = new TextTable("Date", "Authority", "Ours %", "Theirs %", "Diff pp").right(2, 3, 4);
      for (ReferenceComparison.Day d : days) {
        if (csv) {
          StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s,%s,%.4f,%.4f,%.4f", d.date(), d.revision(),
              d.ours(), d.theirs(), d.difference()));
          for (Authority a : Authority.values()) {
            sb.append(String.format(Locale.ROOT, ",%.4f,%.4f", d.oursBy()[a.ordinal()], d.theirsBy()[a.ordinal()]));
          }
          out.println(sb);
          continue;
        }
        t.row(d.date(), d.revision(), f(d.ours()), f(d.theirs()), String.format(Locale.ROOT, "%+.2f", d.difference()));
        for (Authority a : Authority.values()) {
          double o = d.oursBy()[a.ordinal()];
          double th = d.theirsBy()[a.ordinal()];
          if (Math.abs(o) > 0.005 || Math.abs(th) > 0.005) {
            ta.row(d.date(), a.label(), f(o), f(th), String.format(Locale.ROOT, "%+.2f", o - th));
          }
        }
      }
      if (!csv) {
        out.println("Overall effective tariff rate, ours vs the Budget Lab tariff-rate-tracker (statutory, 2024 weights):");
        out.print(t.render());
        if (byAuthority) {
          out.println("\nBy authority:");
          out.print(ta.render());
        }
        out.println("\nSee docs/validation.md for the reasons of each gap above 0.5 points.");
      }
      out.flush();
    }
    return 0;
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
