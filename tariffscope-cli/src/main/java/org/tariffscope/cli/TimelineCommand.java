package org.tariffscope.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.basics.Result;
import org.tariffscope.engine.DutyRequest;
import org.tariffscope.engine.RateTimeline;
import org.tariffscope.engine.report.DutyInput;
import org.tariffscope.engine.report.TimelineStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tariffscope timeline}: every change of one product's rate from one origin. */
@Command(name = "timeline", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = "Every change of the total rate of one product from one origin, with the headings that changed it.",
    footerHeading = "%nExamples:%n",
    footer = {"  tariffscope timeline --hts 8429.52.10.10 --origin JP",
        "  tariffscope timeline --hts 8703.23.01.60 --origin DE --from 2025-03-01 --to 2025-12-31 --format csv"})
final class TimelineCommand implements Callable<Integer> {
  @Mixin
  Common common;

  @Spec
  CommandSpec spec;

  @Option(names = "--hts", required = true, paramLabel = "<code>", description = "HTS code of the product.")
  String hts;

  @Option(names = "--origin", required = true, paramLabel = "<country>", description = "Country of origin.")
  String origin;

  @Option(names = "--from", paramLabel = "<yyyy-mm-dd>", defaultValue = "2025-01-01", description = "First day (default ${DEFAULT-VALUE}).")
  String from;

  @Option(names = "--to", paramLabel = "<yyyy-mm-dd>", defaultValue = "2026-12-31", description = "Last day (default ${DEFAULT-VALUE}).")
  String to;

  @Option(names = "--usmca", description = "Claim USMCA preference.")
  boolean usmca;

  @Option(names = "--preference", paramLabel = "<program>",
      description = "Claim a free-trade agreement by its column 1-Special symbol (KR, AU, P, ...), as for duty.")
  String preference;

  @Option(names = "--as-published", description = "Follow the dates the schedule printed.")
  boolean asPublished;

  @Option(names = "--format", paramLabel = "<format>", defaultValue = "table", description = "table, csv or json (default ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws Exception {
    LocalDate first = Common.date(from, "--from");
    LocalDate last = Common.date(to, "--to");
    if (last.isBefore(first)) {
      throw new InvalidInputException("--to " + last + " is before --from " + first);
    }
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!List.of("table", "csv", "json").contains(fmt)) {
      throw new InvalidInputException("Unknown --format '" + format + "' (table, csv or json)");
    }
    var engine = common.workspace().engine();
    Result<DutyRequest> request = new DutyInput(hts, origin, first.toString(), null, null, usmca ? "true" : null,
        null, null, null, asPublished).withPreference(preference).toRequest(engine.countries());
    if (!request.isSuccess()) {
      throw new InvalidInputException(request.failure().message());
    }
    Result<List<RateTimeline.Step>> steps = RateTimeline.of(engine, request.value(), first, last);
    if (!steps.isSuccess()) {
      throw new InvalidInputException(steps.failure().message());
    }
    var out = spec.commandLine().getOut();
    switch (fmt) {
      case "json" -> {
        Json.MAPPER.writeValue(out, TimelineStep.of(steps.value()));
        out.println();
      }
      case "csv" -> {
        out.println(TimelineStep.CSV_HEADER);
        for (RateTimeline.Step s : steps.value()) {
          out.println(TimelineStep.of(s).csvRow());
        }
      }
      default -> {
        var r = request.value();
        out.println(r.hts() + " from " + r.origin() + ", " + first + " to " + last + "\n");
        TextTable t = new TextTable("From", "Until", "Total", "Headings", "Change").right(2).maxWidth(3, 50).maxWidth(4, 60);
        for (RateTimeline.Step s : steps.value()) {
          t.row(s.from(), s.until() == null ? "" : s.until().minusDays(1), s.total(),
              s.headings().isEmpty() ? "(base rate only)" : String.join(", ", s.headings()), s.change());
        }
        out.print(t.render());
        out.println("\nUntil = last day of the step. Data: HTS revisions to " + engine.schedule().latest().id()
            + " (" + engine.dataEnd() + ").");
        for (String note : RateTimeline.notes(steps.value())) {
          out.println("Note: " + note);
        }
      }
    }
    out.flush();
    if (!fmt.equals("table")) {
      // CSV and JSON go to files and programs; the notes (a claim not honoured, say) still reach the person.
      for (String note : RateTimeline.notes(steps.value())) {
        spec.commandLine().getErr().println("note: " + note);
      }
    }
    return 0;
  }
}
