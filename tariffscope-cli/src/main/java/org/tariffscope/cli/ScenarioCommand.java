package org.tariffscope.cli;

import java.util.concurrent.Callable;
import org.tariffscope.policy.PolicyProblem;
import org.tariffscope.scenarios.Scenario;
import org.tariffscope.scenarios.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tariffscope scenario}: check scenario files, list the shipped ones. */
@Command(name = "scenario", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {"Scenario files: check one, or list the shipped ones."},
    subcommands = {ScenarioCommand.Check.class, ScenarioCommand.ListShipped.class},
    footerHeading = "%nExamples:%n",
    footer = {"  tariffscope scenario check scenarios/japan-offer.yaml", "  tariffscope scenario list"})
final class ScenarioCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** {@code tariffscope scenario check <file>}. */
  @Command(name = "check", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
      description = {"Validates a scenario file (and its base scenarios) without simulating it: every problem with its "
          + "file, line and field. Exit 0 when it is valid, 1 when not."})
  static final class Check implements Callable<Integer> {
    @Mixin
    Common common;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<scenario>", description = "A scenario file, or a shipped scenario's name.")
    String scenario;

    @Override
    public Integer call() {
      ScenarioLoader.Loaded loaded = common.workspace().scenarios().load(scenario);
      var out = spec.commandLine().getOut();
      var err = spec.commandLine().getErr();
      if (!loaded.errors().isEmpty()) {
        err.println("error: " + loaded.errors().size() + " error(s) in " + scenario + ":");
        for (PolicyProblem p : loaded.problems()) {
          err.println("  " + p);
        }
        return Tariffscope.BAD_INPUT;
      }
      Scenario s = loaded.scenario();
      for (PolicyProblem p : loaded.warnings()) {
        err.println("  " + p);
      }
      out.println("ok: " + s.name() + " - " + s.title());
      out.println("  file " + s.file() + ", base " + s.base() + (s.partner() == null ? "" : ", partner " + s.partner().name())
          + ", evaluated " + s.evaluation().start()
          + (s.evaluation().endExclusive().equals(s.evaluation().start().plusDays(1)) ? ""
              : " .. " + s.evaluation().lastDay().orElseThrow())
          + ", " + s.edits().size() + " edit(s), " + s.commitments().purchases().size() + " purchase commitment(s), "
          + s.commitments().cuts().size() + " barrier cut(s)" + (s.exchangeRate() == null ? "" : ", an exchange-rate change"));
      for (Scenario.EditSummary e : s.edits()) {
        out.println("  " + e.text() + " (" + e.at() + ")");
      }
      return 0;
    }
  }

  /** {@code tariffscope scenario list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
      description = {"Lists the scenarios shipped in scenarios/ (usable by name)."})
  static final class ListShipped implements Callable<Integer> {
    @Mixin
    Common common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      TextTable t = new TextTable("Name", "Title").maxWidth(1, 90);
      ScenarioLoader loader = common.workspace().scenarios();
      for (String name : ScenarioLoader.shipped()) {
        ScenarioLoader.Loaded l = loader.load(name);
        t.row(name, l.scenario() == null ? "(invalid: " + l.errors().get(0) + ")" : l.scenario().title());
      }
      spec.commandLine().getOut().println(t.render());
      return 0;
    }
  }
}
