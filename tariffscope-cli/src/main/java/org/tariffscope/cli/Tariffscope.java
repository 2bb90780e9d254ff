package org.tariffscope.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.policy.PolicyException;
import org.tariffscope.policy.PolicyProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The {@code tariffscope} command: US tariffs of 2025-2026, explained. */
@Command(name = "tariffscope", mixinStandardHelpOptions = true, versionProvider = Tariffscope.Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {"US tariffs of 2025-2026: the duty on any HTS line from any origin on any day, with the",
        "Chapter 99 headings and legal citations behind it."},
    subcommands = {DutyCommand.class, TimelineCommand.class, MeasuresCommand.class, HtsCommand.class,
        LintCommand.class, PanelCommand.class, EtrCommand.class, SqlCommand.class, CompareReferenceCommand.class,
        SimulateCommand.class, CompareCommand.class, ScenarioCommand.class, ServeCommand.class, HelpCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {"  tariffscope duty --hts 8703.23.01.60 --origin Japan --date 2025-04-06 --value 40000",
        "  tariffscope duty --input entries.csv --format csv",
        "  tariffscope timeline --hts 8429.52.10.10 --origin JP",
        "  tariffscope hts search hydraulic backhoes",
        "  tariffscope measures --date 2025-04-09 --origin Vietnam",
        "  tariffscope simulate japan-deal --draws 1000",
        "  tariffscope compare japan-status-quo-april japan-24pct-july japan-deal",
        "  tariffscope serve    (then open http://127.0.0.1:8080)"})
public final class Tariffscope {

  /** Exit codes: 0 ok, 1 bad input or failed entries, 2 bad command line, 3 internal error. */
  static final int BAD_INPUT = 1;
  static final int INTERNAL = 3;

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (tests call this). */
  public static int run(String... args) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    return run(out, err, args);
  }

  static int run(PrintStream out, PrintStream err, String... args) {
    boolean debug = Arrays.asList(args).contains("--debug");
    CommandLine cli = new CommandLine(new Tariffscope());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter w = commandLine.getErr();
      if (e instanceof InvalidInputException bad) {
        w.println("error: " + bad.getMessage());
        return BAD_INPUT;
      }
      if (e instanceof PolicyException policy) {
        w.println("error: the policy files have " + policy.problems().size() + " error(s):");
        for (PolicyProblem p : policy.problems()) {
          w.println("  " + p);
        }
        return BAD_INPUT;
      }
      if (e instanceof UncheckedIOException io) {
        w.println("error: " + io.getMessage() + (io.getCause() != null ? ": " + io.getCause().getMessage() : ""));
        return BAD_INPUT;
      }
      w.println("internal error: " + e + (debug ? "" : " (run again with --debug for details)"));
      if (debug) {
        e.printStackTrace(w);
      }
      return INTERNAL;
    });
    return cli.execute(args);
  }

  /** The version printed by {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Tariffscope.class.getPackage().getImplementationVersion();
      return new String[] {"tariffscope " + (v == null ? "development build" : v),
          "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")};
    }
  }
}
