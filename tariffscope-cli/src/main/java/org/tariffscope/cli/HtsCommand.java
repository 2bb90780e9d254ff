package org.tariffscope.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.policy.Measure;
import org.tariffscope.schedule.Footnote;
import org.tariffscope.schedule.HtsLine;
import org.tariffscope.schedule.HtsRevision;
import org.tariffscope.schedule.RateReading;
import org.tariffscope.schedule.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tariffscope hts}: read the official schedule. */
@Command(name = "hts", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = "Read the official schedule (USITC HTS revisions shipped with Tariffscope).",
    subcommands = {HtsCommand.Show.class, HtsCommand.Search.class, HtsCommand.Revisions.class,
        HtsImportCommand.class})
final class HtsCommand {

  static HtsRevision revision(Common common, String date) {
    Schedule schedule = common.workspace().schedule();
    if (date == null) {
      return schedule.load(schedule.latest());
    }
    LocalDate d = Common.date(date, "--date");
    return schedule.loadFor(d).orElseThrow(() -> new InvalidInputException(
        "No HTS revision in force on " + d + ": the shipped schedule starts on " + schedule.first().effectiveDate()));
  }

  /** {@code hts show}. */
  @Command(name = "show", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
      description = "One line of the schedule: description path, units, rates, footnotes; or the lines under a heading.",
      footerHeading = "%nExamples:%n",
      footer = {"  tariffscope hts show 8703.23.01.60", "  tariffscope hts show 9903.01.25 --date 2025-04-06",
          "  tariffscope hts show 8429.52"})
  static final class Show implements Callable<Integer> {
    @Mixin
    Common common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<code>", description = "HTS code (any level), or a Chapter 99 heading.")
    String code;

    @Option(names = "--date", paramLabel = "<yyyy-mm-dd>", description = "Use the revision in force that day (default: the newest).")
    String date;

    @Override
    public Integer call() {
      HtsCode c = HtsCode.parse(code);
      HtsRevision rev = revision(common, date);
      var out = spec.commandLine().getOut();
      var line = rev.line(c);
      if (line.isEmpty()) {
        List<HtsLine> under = rev.linesUnder(c);
        if (under.isEmpty()) {
          List<String> near = rev.nearest(c.digits(), 5).stream().map(HtsCode::toString).toList();
          throw new InvalidInputException("HTS " + c + " is not in revision " + rev.id()
              + (near.isEmpty() ? "" : "; nearest codes: " + String.join(", ", near)));
        }
        out.println(c + " in HTS " + rev.id() + ":");
        under.forEach(l -> out.println("  " + l.code() + "  " + l.description()));
        return 0;
      }
      HtsLine l = line.get();
      out.println(l.code() + "  (HTS " + rev.id() + ", in force from " + rev.effectiveDate() + ")");
      for (int i = 0; i < l.path().size(); i++) {
        out.println("  ".repeat(i + 1) + l.path().get(i));
      }
      if (!l.units().isEmpty()) {
        out.println("Units: " + String.join(", ", l.units()));
      }
      String from = l.printsRate() ? "" : " (from " + l.rateLine() + ")";
      out.println("General: " + show(l.general(), l.generalReading()) + from);
      out.println("Special: " + show(l.special(), l.specialReading()));
      out.println("Column 2: " + show(l.other(), l.otherReading()));
      for (Footnote f : l.footnotes()) {
        out.println("Footnote (" + String.join(", ", f.columns()) + "): " + f.text());
      }
      if (c.isChapter99()) {
        List<Measure> measures = common.workspace().book().measuresOf(c);
        out.println(measures.isEmpty() ? "Not modelled by any measure of the policy book."
            : "Modelled by: " + String.join("; ", measures.stream().map(m -> m.rate() + " " + m.effective()
                + " (" + m.source() + ")").toList()));
      } else {
        List<HtsLine> under = rev.reportingLinesUnder(c);
        if (under.size() > 1) {
          out.println("Statistical lines:");
          under.forEach(u -> out.println("  " + u.code() + "  " + u.description()));
        }
      }
      out.flush();
      return 0;
    }

    private static String show(String text, RateReading reading) {
      if (text.isBlank()) {
        return "(none)";
      }
      return switch (reading.kind()) {
        case RATE, ADDITIONAL, ALL_IN -> text;
        default -> text + "  [" + reading.kind().name().toLowerCase(java.util.Locale.ROOT)
            + (reading.note().isEmpty() ? "" : ": " + reading.note()) + "]";
      };
    }
  }

  /** {@code hts search}. */
  @Command(name = "search", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
      description = "Find lines by words of their description.",
      footerHeading = "%nExamples:%n", footer = {"  tariffscope hts search hydraulic backhoes",
          "  tariffscope hts search universal mill plate --date 2025-04-06"})
  static final class Search implements Callable<Integer> {
    @Mixin
    Common common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<words>", arity = "1..*", description = "Words to find (all must appear).")
    List<String> words;

    @Option(names = "--date", paramLabel = "<yyyy-mm-dd>", description = "Search the revision in force that day.")
    String date;

    @Option(names = "--limit", defaultValue = "20", description = "At most this many lines (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      HtsRevision rev = revision(common, date);
      List<HtsLine> hits = rev.search(String.join(" ", words), limit);
      var out = spec.commandLine().getOut();
      if (hits.isEmpty()) {
        out.println("No line of HTS " + rev.id() + " mentions all of: " + String.join(" ", words));
        out.flush();
        return 1;
      }
      TextTable t = new TextTable("Code", "General", "Description").maxWidth(1, 20).maxWidth(2, 100);
      for (HtsLine l : hits) {
        t.row(l.code(), l.general(), l.fullDescription());
      }
      out.print(t.render());
      out.flush();
      return 0;
    }
  }

  /** {@code hts revisions}. */
  @Command(name = "revisions", mixinStandardHelpOptions = true, description = "The HTS revisions known and when each took effect.")
  static final class Revisions implements Callable<Integer> {
    @Mixin
    Common common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      TextTable t = new TextTable("Revision", "In force from", "Source", "Event").maxWidth(3, 90);
      common.workspace().schedule().revisions().forEach(r -> t.row(r.id(), r.effectiveDate(),
          r.imported() ? "imported" : "shipped", r.event()));
      spec.commandLine().getOut().print(t.render());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
