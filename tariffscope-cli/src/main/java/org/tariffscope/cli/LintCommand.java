package org.tariffscope.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.policy.LintReport;
import org.tariffscope.policy.PolicyLint;
import org.tariffscope.policy.PolicyLoader;
import org.tariffscope.policy.PolicyProblem;
import org.tariffscope.schedule.RevisionInfo;
import org.tariffscope.schedule.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tariffscope lint}: check the policy book against every schedule revision. */
@Command(name = "lint", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {"Check the policy files against the official schedule: every measure's heading exists and prints "
        + "its rate in every revision it is in force in; every Chapter 99 heading of every revision is modelled or "
        + "listed as not modelled with a reason; product-line footnotes agree with product scopes. "
        + "Exit code 1 when there is an error."},
    footerHeading = "%nExamples:%n",
    footer = {"  tariffscope lint", "  tariffscope lint --revision 2026_rev_10 --warnings",
        "  tariffscope lint --policy-dir policy/"})
final class LintCommand implements Callable<Integer> {
  @Mixin
  Common common;

  @Spec
  CommandSpec spec;

  @Option(names = "--revision", paramLabel = "<id>", description = "Only this revision (repeatable; default: all).")
  List<String> revisionIds;

  @Option(names = "--warnings", description = "Also list the footnote disagreements and the explained differences.")
  boolean warnings;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    PolicyLoader.Loaded loaded = common.workspace().loadedPolicy();
    Schedule schedule = common.workspace().schedule();
    List<RevisionInfo> revisions = new ArrayList<>();
    if (revisionIds == null) {
      revisions.addAll(schedule.revisions());
    } else {
      for (String id : revisionIds) {
        revisions.add(schedule.revision(id).orElseThrow(() -> new InvalidInputException("Unknown revision '" + id
            + "' (see: tariffscope hts revisions)")));
      }
    }
    out.printf(Locale.ROOT, "Policy lint: %d measures in %d files, against %d HTS revision(s)%n%n",
        loaded.book().measures().size(), loaded.book().files().size(), revisions.size());
    if (!loaded.errors().isEmpty()) {
      out.println("The policy files do not load:");
      loaded.errors().forEach(p -> out.println("  " + p));
      out.flush();
      return Tariffscope.BAD_INPUT;
    }
    Progress progress = new Progress(spec.commandLine().getErr(), "revisions");
    LintReport report = new PolicyLint(schedule, loaded.book()).run(revisions);
    progress.done();
    long explained = report.explained().size();
    out.printf(Locale.ROOT, "Rates: %,d measure x revision checks; %,d differ from the print with the law's reason given, "
        + "%,d unexplained%n%n", report.rateChecks(), explained,
        report.errors().stream().filter(f -> f.kind() == LintReport.Kind.RATE_DIFFERS).count());
    TextTable t = new TextTable("Revision", "Ch.99 headings", "Modelled", "Not modelled", "Unaccounted", "9903 modelled")
        .right(1, 2, 3, 4, 5);
    for (LintReport.Coverage c : report.coverage()) {
      t.row(c.revision(), c.headings8(), c.modelled(), c.notModelled(), c.unaccounted(),
          c.modelled9903() + " / " + c.total9903());
    }
    out.println("Coverage of Chapter 99 headings (modelled by a measure, or not modelled with a reason):");
    out.print(t.render());
    long disagreeing = report.footnotes().stream().filter(f -> f.footnoteOnly() + f.scopeOnly() > 0).count();
    out.printf(Locale.ROOT, "%nFootnotes: %d footnoted headings compared with their measures' product scopes, %d agree "
        + "line for line%s%n", report.footnotes().size(), report.footnotes().size() - disagreeing,
        warnings ? "" : " (--warnings for the others)");
    if (warnings) {
      TextTable f = new TextTable("Heading", "Both", "Footnote only", "Scope only", "Examples").right(1, 2, 3).maxWidth(4, 80);
      report.footnotes().stream().filter(a -> a.footnoteOnly() + a.scopeOnly() > 0)
          .forEach(a -> f.row(a.heading(), a.both(), a.footnoteOnly(), a.scopeOnly(), String.join(", ", a.examples())));
      out.print(f.render());
      if (explained > 0) {
        out.println("\nExplained differences (the law differs from the print):");
        report.explained().forEach(e -> out.println("  " + e));
      }
      for (PolicyProblem w : loaded.warnings()) {
        out.println("  " + w);
      }
    }
    List<org.tariffscope.policy.NotModelled> unprinted = loaded.book().notModelled().stream()
        .filter(org.tariffscope.policy.NotModelled::isInstrument).toList();
    if (!unprinted.isEmpty()) {
      out.printf(Locale.ROOT, "%nInstruments with no Chapter 99 heading in these revisions, not modelled (%d):%n",
          unprinted.size());
      unprinted.forEach(n -> out.println("  " + n.instrument() + (warnings ? ": " + n.reason() : "")));
    }
    List<LintReport.Finding> errors = report.errors();
    if (!errors.isEmpty()) {
      out.println("\nErrors (" + errors.size() + "):");
      errors.forEach(e -> out.println("  " + e));
      out.flush();
      return Tariffscope.BAD_INPUT;
    }
    out.println("\nNo errors.");
    out.flush();
    return 0;
  }
}
