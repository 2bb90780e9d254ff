package org.tariffscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.tariffscope.basics.Failure;
import org.tariffscope.basics.FailureReason;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.basics.Result;
import org.tariffscope.engine.AppliedMeasure;
import org.tariffscope.engine.DutyBreakdown;
import org.tariffscope.engine.NotAppliedMeasure;
import org.tariffscope.engine.report.DutyInput;
import org.tariffscope.engine.report.DutyPricer;
import org.tariffscope.engine.report.DutyReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tariffscope duty}: the duty on one entry, or on every line of a CSV file. */
@Command(name = "duty", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {"The duty on an entry: base rate, each Chapter 99 heading applied with its authority, rate and "
        + "citation, the headings considered and not applied with the reason, and the total.",
        "With --input, one result per CSV line (columns hts,origin,date[,value][,quantity][,usmca][,preference]"
        + "[,metal_content_pct][,steel_content_pct][,aluminum_content_pct][,copper_content_pct][,us_content_pct]"
        + "[,claims]); a bad line gets an error and the others still run."},
    footerHeading = "%nExamples:%n",
    footer = {"  tariffscope duty --hts 8703.23.01.60 --origin JP --date 2025-04-06 --value 40000",
        "  tariffscope duty --hts 8429.52.10.10 --origin Canada --date 2025-04-06 --usmca --format json",
        "  tariffscope duty --hts 7326.90.86.88 --origin DE --date 2025-07-01 --value 1000 --metal-content 40",
        "  tariffscope duty --hts 6109.10.00.12 --origin HN --date 2025-10-17 --preference P",
        "  tariffscope duty --input entries.csv --format csv --output priced.csv"})
final class DutyCommand implements Callable<Integer> {
  @Mixin
  Common common;

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @ArgGroup(exclusive = false)
    One one;

    @Option(names = "--input", paramLabel = "<file.csv>", required = true,
        description = "A CSV file of entries (header: hts,origin,date[,value][,quantity][,usmca]...); - for stdin.")
    Path input;
  }

  static final class One {
    @Option(names = "--hts", required = true, paramLabel = "<code>",
        description = "HTS code: 8703.23.01.60, 8703230160 or a tariff line 8703.23.01.")
    String hts;

    @Option(names = "--origin", required = true, paramLabel = "<country>",
        description = "Country of origin: JP, JPN, 5880 or Japan.")
    String origin;

    @Option(names = "--date", required = true, paramLabel = "<yyyy-mm-dd>", description = "Entry date.")
    String date;

    @Option(names = "--value", paramLabel = "<usd>", description = "Customs value in dollars (gives the duty in dollars).")
    String value;

    @Option(names = "--quantity", paramLabel = "<n>", description = "Quantity in the unit of the specific rate (e.g. kg).")
    String quantity;

    @Option(names = "--usmca", description = "Claim USMCA preference (goods of Canada or Mexico).")
    boolean usmca;

    @Option(names = "--preference", paramLabel = "<program>",
        description = "Claim a free-trade agreement for the base rate, by its column 1-Special symbol: AU, BH, CL, "
            + "CO, IL, JO, JP, KR, MA, OM, P, P+ (CAFTA-DR), PA, PE, SG. Floors over the column-1 rate then use the "
            + "claimed rate.")
    String preference;

    @Option(names = "--metal-content", paramLabel = "<pct>",
        description = "Steel, aluminum and copper content together as a percentage of value (Section 232 "
            + "derivatives), counted once: for an article on more than one metal list, give the metals one by one.")
    String metalContent;

    @Option(names = "--steel-content", paramLabel = "<pct>", description = "Steel content as a percentage of value.")
    String steelContent;

    @Option(names = "--aluminum-content", paramLabel = "<pct>",
        description = "Aluminum content as a percentage of value.")
    String aluminumContent;

    @Option(names = "--copper-content", paramLabel = "<pct>", description = "Copper content as a percentage of value.")
    String copperContent;

    @Option(names = "--us-content", paramLabel = "<pct>", description = "U.S. content as a percentage of value.")
    String usContent;

    @Option(names = "--claim", paramLabel = "<claim>",
        description = "A claim made at entry that some measures depend on (repeatable), e.g. civil_aircraft. "
            + "See: tariffscope measures --claims.")
    List<String> claims;
  }

  @Option(names = "--as-published",
      description = "Follow the dates the schedule printed rather than the legal dates (retroactive changes).")
  boolean asPublished;

  @Option(names = "--format", paramLabel = "<format>",
      description = "table or json for one entry (default table); csv or json for --input (default csv).")
  String format;

  @Option(names = "--output", paramLabel = "<file>", description = "Write to this file instead of the terminal.")
  Path output;

  @Override
  public Integer call() throws IOException {
    if (source.input == null) {
      common.workspace().prefetchRevision(source.one.date);
    }
    DutyPricer pricer = new DutyPricer(common.workspace().engine());
    if (source.input != null) {
      return batch(pricer);
    }
    One o = source.one;
    String fmt = format == null ? "table" : format.toLowerCase(Locale.ROOT);
    if (!fmt.equals("table") && !fmt.equals("json")) {
      throw new InvalidInputException("Unknown --format '" + format + "' for one entry (table or json)");
    }
    DutyInput input = new DutyInput(o.hts, o.origin, o.date, o.value, o.quantity, o.usmca ? "true" : null,
        o.metalContent, o.usContent, o.claims == null ? null : String.join(";", o.claims), asPublished)
        .withMetalContents(o.steelContent, o.aluminumContent, o.copperContent).withPreference(o.preference);
    Result<DutyBreakdown> r = pricer.price(input, true);
    if (!r.isSuccess()) {
      if (fmt.equals("json")) {
        write(out -> Json.MAPPER.writeValue(out, DutyReport.failed(o.hts, o.origin, o.date, r.failure())));
      }
      spec.commandLine().getErr().println("error: " + r.failure().message());
      return Tariffscope.BAD_INPUT;
    }
    if (fmt.equals("json")) {
      write(out -> Json.MAPPER.writeValue(out, DutyReport.of(r.value())));
    } else {
      write(out -> out.write(table(r.value())));
    }
    return 0;
  }

  /** The breakdown as a person reads it in a terminal. */
  static String table(DutyBreakdown b) {
    StringBuilder sb = new StringBuilder();
    sb.append(b.line().code()).append("  ").append(b.line().description()).append('\n');
    List<String> path = b.line().path();
    if (path.size() > 1) {
      for (String l : TextTable.wrap("in: " + String.join(" › ", path.subList(0, path.size() - 1)), 100)) {
        sb.append("    ").append(l).append('\n');
      }
    }
    sb.append("Origin ").append(b.origin()).append(" · entered ").append(b.date()).append(" · HTS ")
        .append(b.revision().id());
    if (b.facts().value() != null) {
      sb.append(" · value ").append(money(b.facts().value().amount()));
    }
    if (b.view() == org.tariffscope.engine.LawView.AS_PUBLISHED) {
      sb.append(" · as published");
    }
    sb.append("\n\n");
    boolean amounts = b.facts().value() != null;
    TextTable t = new TextTable("Heading", "Authority", "Rate", "On", "Adds", amounts ? "Duty" : "", "Legal basis")
        .right(2, 4, 5).maxWidth(6, 70).maxWidth(3, 28);
    String mfnLabel = b.mfn().column().equals("general") ? "Column 1 general rate"
        : b.mfn().column().equals("other") ? "Column 2 rate (" + b.mfn().note() + ")" : b.mfn().note();
    t.row(b.line().rateLine(), "Base rate", b.mfn().text().isEmpty() ? "Free" : b.mfn().text(), "", b.mfn().adValorem(),
        amounts ? money(b.facts().value().amount().multiply(b.mfn().adValorem().fraction())) : "", mfnLabel);
    for (AppliedMeasure a : b.applied()) {
      String on = a.share().compareTo(BigDecimal.ONE) == 0 ? "" : a.explanation();
      String rate = a.specific() != null ? "+" + a.specific() : a.rate().toString();
      t.row(a.measure().heading(), a.measure().authority().label(), rate, on, a.effective(),
          a.amount() == null ? "" : money(a.amount().amount()),
          a.measure().title() + " — " + a.measure().primaryInstrument().cite());
    }
    t.row("", "", "", "", "", "", "");
    t.row("Total", "", "", "", b.totalAdValorem(), b.duty() == null ? "" : money(b.duty().amount()),
        b.specifics().isEmpty() ? "" : "plus " + b.specifics().stream().map(Object::toString)
            .collect(Collectors.joining(" + ")));
    sb.append(t.render());
    if (!b.notApplied().isEmpty()) {
      sb.append("\nConsidered, not applied:\n");
      TextTable n = new TextTable("Heading", "Authority", "Why not").maxWidth(2, 100);
      for (NotAppliedMeasure m : b.notApplied()) {
        n.row(m.measure().heading(), m.measure().authority().label(), m.explanation());
      }
      sb.append(n.render());
    }
    for (String w : b.warnings()) {
      sb.append("\nNote: ").append(w);
    }
    if (!b.warnings().isEmpty()) {
      sb.append('\n');
    }
    return sb.toString();
  }

  static String money(BigDecimal amount) {
    return String.format(Locale.ROOT, "$%,.2f", amount);
  }

  // ---- batch --------------------------------------------------------------------------------

  private static final List<String> CSV_COLUMNS = List.of("line", "hts10", "origin_iso2", "date", "revision",
      "mfn_ad_valorem_pct", "mfn_specific", "additional", "total_ad_valorem_pct", "duty_usd", "notes", "error");
  private static final int CHUNK = 20_000;

  private int batch(DutyPricer pricer) throws IOException {
    String fmt = format == null ? "csv" : format.toLowerCase(Locale.ROOT);
    if (!fmt.equals("csv") && !fmt.equals("json")) {
      throw new InvalidInputException("Unknown --format '" + format + "' for --input (csv or json)");
    }
    Path in = source.input;
    if (!in.toString().equals("-") && !Files.isReadable(in)) {
      throw new InvalidInputException("Cannot read the input file " + in);
    }
    // Progress goes to standard error, and only when it cannot interleave with results on a terminal.
    boolean showProgress = output != null || System.console() == null;
    Progress progress = showProgress ? new Progress(spec.commandLine().getErr(), "entries") : Progress.silent();
    int[] counts = new int[2];
    write(out -> {
      JsonGenerator json = fmt.equals("json") ? Json.MAPPER.getFactory().createGenerator(out) : null;
      if (json != null) {
        json.useDefaultPrettyPrinter();
        json.writeStartArray();
      } else {
        out.write(String.join(",", CSV_COLUMNS) + "\n");
      }
      try (InputStream stream = in.toString().equals("-") ? System.in : Files.newInputStream(in)) {
        readEntries(stream, chunk -> {
          List<DutyInput> readable = chunk.stream().filter(e -> e.input() != null).map(Entry::input).toList();
          List<DutyReport> priced = pricer.reportAll(readable, false);
          int next = 0;
          for (Entry e : chunk) {
            DutyReport r = e.input() != null ? priced.get(next++) : DutyReport.failed(null, null, null,
                Failure.of(FailureReason.INVALID_INPUT, "line " + e.line() + ": " + e.readError()));
            counts[r.error() == null ? 0 : 1]++;
            if (json != null) {
              Json.MAPPER.writeValue(json, r);
            } else {
              out.write(csvRow(e.line(), r));
            }
          }
          progress.advance(chunk.size());
        });
      }
      if (json != null) {
        json.writeEndArray();
        json.flush();
      }
    });
    progress.done();
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "%,d entries priced, %,d with errors%s%n", counts[0], counts[1],
        counts[1] > 0 ? " (see the error " + (fmt.equals("csv") ? "column" : "field") + ")" : "");
    return counts[1] > 0 ? Tariffscope.BAD_INPUT : 0;
  }

  /** An entry of the input file: the line it starts on, and either the entry or why the row could not be read. */
  record Entry(int line, DutyInput input, String readError) {
  }

  interface ChunkConsumer {
    void accept(List<Entry> chunk) throws IOException;
  }

  /** Streams the CSV in chunks; a row that cannot be read still yields an entry that reports the error. */
  private void readEntries(InputStream stream, ChunkConsumer consumer) throws IOException {
    CsvMapper mapper = new CsvMapper();
    try (MappingIterator<String[]> it = mapper.readerForArrayOf(String.class)
        .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES)
        .with(CsvParser.Feature.ALLOW_COMMENTS).readValues(stream)) {
      if (!it.hasNextValue()) {
        throw new InvalidInputException("The input file is empty: expected a header hts,origin,date[,value]...");
      }
      String[] header = it.nextValue();
      Map<String, Integer> col = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        col.put(header[i].strip().toLowerCase(Locale.ROOT), i);
      }
      for (String required : List.of("hts", "origin", "date")) {
        if (!col.containsKey(required)) {
          throw new InvalidInputException("The input file has no column '" + required
              + "' (the header names hts,origin,date and optionally value,quantity,usmca,metal_content_pct,us_content_pct,"
              + "claims,steel_content_pct,aluminum_content_pct,copper_content_pct,preference)");
        }
      }
      List<Entry> chunk = new ArrayList<>(CHUNK);
      while (true) {
        int line = it.getCurrentLocation().getLineNr();
        String[] row;
        try {
          if (!it.hasNextValue()) {
            break;
          }
          row = it.nextValue();
        } catch (RuntimeException e) {
          // Jackson cannot resynchronise inside a broken quoted field: report the rest as one bad row.
          chunk.add(new Entry(line, null, "unreadable CSV from this line on: " + e.getMessage().split("\n")[0]));
          break;
        }
        if (row.length > header.length) {
          chunk.add(new Entry(line, null, "malformed CSV row: " + row.length + " fields, the header has " + header.length));
        } else {
          chunk.add(new Entry(line, new DutyInput(get(row, col, "hts"), get(row, col, "origin"), get(row, col, "date"),
              get(row, col, "value"), get(row, col, "quantity"), get(row, col, "usmca"),
              get(row, col, "metal_content_pct"), get(row, col, "us_content_pct"), get(row, col, "claims"), asPublished)
              .withMetalContents(get(row, col, "steel_content_pct"), get(row, col, "aluminum_content_pct"),
                  get(row, col, "copper_content_pct")).withPreference(get(row, col, "preference")), null));
        }
        if (chunk.size() == CHUNK) {
          consumer.accept(chunk);
          chunk = new ArrayList<>(CHUNK);
        }
      }
      if (!chunk.isEmpty()) {
        consumer.accept(chunk);
      }
    }
  }

  private static String get(String[] row, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    return i == null || i >= row.length ? null : row[i];
  }

  private static String csvRow(int line, DutyReport r) {
    List<String> cells = new ArrayList<>();
    cells.add(Integer.toString(line));
    cells.add(r.hts10());
    cells.add(r.originIso2());
    cells.add(r.date());
    cells.add(r.revision());
    cells.add(plain(r.mfnAdValoremPct()));
    cells.add(r.mfnSpecific());
    cells.add(r.additional() == null ? null : r.additional().stream()
        .map(l -> l.heading() + ":" + plain(l.ratePct()) + (l.sharePct() != null ? "@" + plain(l.sharePct()) + "%" : ""))
        .collect(Collectors.joining(";")));
    cells.add(plain(r.totalAdValoremPct()));
    cells.add(plain(r.dutyUsd()));
    // What the reader should know (a claim not honoured, an estimate), as the table and JSON show it.
    cells.add(r.warnings() == null || r.warnings().isEmpty() ? null : String.join(" | ", r.warnings()));
    cells.add(r.error() == null ? null : r.error().message());
    return cells.stream().map(DutyCommand::csvCell).collect(Collectors.joining(",")) + "\n";
  }

  private static String plain(BigDecimal v) {
    return v == null ? null : v.toPlainString();
  }

  static String csvCell(String s) {
    if (s == null) {
      return "";
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  // ---- output -------------------------------------------------------------------------------

  interface WriterAction {
    void run(Writer out) throws IOException;
  }

  /** Writes to --output (atomically: no partial file is left behind on failure) or to the terminal. */
  private void write(WriterAction action) throws IOException {
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      action.run(out);
      out.flush();
      return;
    }
    Path target = output.toAbsolutePath();
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw new InvalidInputException("Cannot write " + output + ": folder " + dir + " does not exist or is not writable");
    }
    // Not Files.createTempFile: its owner-only permissions would stay on the finished file.
    Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
    try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8))) {
      action.run(w);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("Cannot write " + output);
    }
  }
}
