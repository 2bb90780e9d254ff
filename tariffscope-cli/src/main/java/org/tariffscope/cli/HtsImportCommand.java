package org.tariffscope.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.policy.Chapter99Changes;
import org.tariffscope.schedule.HtsRevision;
import org.tariffscope.schedule.RevisionInfo;
import org.tariffscope.schedule.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tariffscope hts import}: add a newer USITC export without changing code. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {"Add a USITC HTS JSON export (.json or .json.gz, from hts.usitc.gov) as a new revision in your data "
        + "folder. Every command then uses it for dates from its effective date. Lists the Chapter 99 headings that "
        + "are new or changed since the previous revision and that no measure or not-modelled entry accounts for yet."},
    footerHeading = "%nExamples:%n",
    footer = {"  tariffscope hts import htsdata_2026_rev_11.json --revision 2026_rev_11 --effective 2026-07-01"})
final class HtsImportCommand implements Callable<Integer> {
  @Mixin
  Common common;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "<file>", description = "The export: a JSON array of HTS records (.json or .json.gz).")
  Path file;

  @Option(names = "--revision", required = true, paramLabel = "<id>", description = "Its id, e.g. 2026_rev_11.")
  String revision;

  @Option(names = "--effective", required = true, paramLabel = "<yyyy-mm-dd>", description = "The day it took effect.")
  String effective;

  @Option(names = "--event", paramLabel = "<text>", description = "What it changed, for people.")
  String event;

  @Override
  public Integer call() throws IOException {
    if (!revision.matches("[A-Za-z0-9_.-]+")) {
      throw new InvalidInputException("A revision id is letters, digits, '_', '-' or '.': '" + revision + "'");
    }
    LocalDate date = Common.date(effective, "--effective");
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("No such file: " + file);
    }
    Schedule schedule = common.workspace().schedule();
    if (schedule.revision(revision).isPresent()) {
      throw new InvalidInputException("Revision " + revision + " is already known (see: tariffscope hts revisions)");
    }
    for (RevisionInfo r : schedule.revisions()) {
      if (r.effectiveDate().equals(date)) {
        throw new InvalidInputException("Revision " + r.id() + " already takes effect on " + date);
      }
    }
    HtsRevision read = Schedule.readExport(file, revision, date);
    if (read.chapter99Headings().isEmpty()) {
      throw new InvalidInputException(file + " has no Chapter 99 headings: is it a full HTS export?");
    }
    Path dir = common.workspace().dataDir().resolve("hts");
    Files.createDirectories(dir);
    String name = "hts_" + revision + (file.toString().endsWith(".gz") ? ".json.gz" : ".json");
    Files.copy(file, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    Path calendar = dir.resolve("revisions.csv");
    if (!Files.exists(calendar)) {
      Files.writeString(calendar, "# HTS revisions imported with `tariffscope hts import`.\nrevision,file,effective_date,event\n",
          StandardCharsets.UTF_8);
    }
    String row = String.join(",", revision, name, date.toString(), DutyCommand.csvCell(event == null ? "" : event)) + "\n";
    Files.writeString(calendar, row, StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    var out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "Imported %s: %,d lines, %,d Chapter 99 headings, in force from %s (stored in %s).%n",
        revision, read.size(), read.chapter99Headings().size(), date, dir);
    RevisionInfo previous = null;
    for (RevisionInfo r : schedule.revisions()) {
      if (r.effectiveDate().isBefore(date)) {
        previous = r;
      }
    }
    if (previous == null) {
      out.println("It is older than every known revision: nothing to compare it with.");
      return 0;
    }
    List<Chapter99Changes.Change> changes = Chapter99Changes.between(schedule.load(previous), read,
        common.workspace().book());
    long open = changes.stream().filter(c -> !c.accountedFor()).count();
    out.printf(Locale.ROOT, "Chapter 99 changes since %s: %d, of which %d are not yet accounted for by a measure or "
        + "a not-modelled entry:%n", previous.id(), changes.size(), open);
    TextTable t = new TextTable("Heading", "Change", "Before", "After", "Accounted", "Description")
        .maxWidth(2, 30).maxWidth(3, 30).maxWidth(5, 60);
    changes.stream().sorted((a, b) -> Boolean.compare(a.accountedFor(), b.accountedFor())).forEach(c ->
        t.row(c.heading(), c.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), c.before(), c.after(),
            c.accountedFor() ? "yes" : "NO", c.description()));
    out.print(t.render());
    out.println("Next: write measures (policy/) or not-modelled entries for the headings marked NO, then run "
        + "tariffscope lint.");
    out.flush();
    return 0;
  }
}
