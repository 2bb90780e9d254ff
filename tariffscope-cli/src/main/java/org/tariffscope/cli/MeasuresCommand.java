package org.tariffscope.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tariffscope.basics.Authority;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.policy.Measure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tariffscope measures}: the measures of the policy book, filtered. */
@Command(name = "measures", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = "The measures of the policy book: heading, authority, rate, dates, scope and legal source.",
    footerHeading = "%nExamples:%n",
    footer = {"  tariffscope measures --date 2025-04-09 --origin Vietnam",
        "  tariffscope measures --authority section_232 --format csv",
        "  tariffscope measures --heading 9903.01"})
final class MeasuresCommand implements Callable<Integer> {
  @Mixin
  Common common;

  @Spec
  CommandSpec spec;

  @Option(names = "--date", paramLabel = "<yyyy-mm-dd>", description = "Only measures in force on this day.")
  String date;

  @Option(names = "--origin", paramLabel = "<country>", description = "Only measures that apply to goods of this country.")
  String origin;

  @Option(names = "--authority", paramLabel = "<authority>", description = "Only this authority (e.g. section_232).")
  String authority;

  @Option(names = "--heading", paramLabel = "<prefix>", description = "Only headings starting with this (e.g. 9903.01).")
  String heading;

  @Option(names = "--as-published", description = "Use the dates the schedule printed.")
  boolean asPublished;

  @Option(names = "--claims", description = "List the claims an entry can make (duty --claim) instead of measures.")
  boolean claims;

  @Option(names = "--format", defaultValue = "table", paramLabel = "<format>",
      description = "table, csv, json or markdown (default ${DEFAULT-VALUE}; markdown writes docs/measures.md).")
  String format;

  @Override
  public Integer call() throws Exception {
    var book = common.workspace().book();
    if (claims) {
      TextTable t = new TextTable("Claim", "Title", "What the importer certifies").maxWidth(2, 80);
      book.claims().values().forEach(c -> t.row(c.id(), c.title(), c.description()));
      spec.commandLine().getOut().print(t.render());
      spec.commandLine().getOut().flush();
      return 0;
    }
    LocalDate day = date == null ? null : Common.date(date, "--date");
    Country country = origin == null ? null : common.workspace().countries().parse(origin);
    Authority auth = authority == null ? null : Authority.parse(authority);
    String prefix = heading == null ? null : heading.replace(".", "").strip();
    if (prefix != null && !prefix.matches("\\d+")) {
      throw new InvalidInputException("--heading takes digits and dots, e.g. 9903.01");
    }
    List<Measure> selected = new ArrayList<>();
    for (Measure m : book.measures()) {
      if (day != null && !m.inForce(day, asPublished)) {
        continue;
      }
      if (country != null && !m.countries().includes(country)) {
        continue;
      }
      if (auth != null && m.authority() != auth) {
        continue;
      }
      if (prefix != null && !m.heading().digits().startsWith(prefix)) {
        continue;
      }
      selected.add(m);
    }
    var out = spec.commandLine().getOut();
    switch (format.toLowerCase(Locale.ROOT)) {
      case "json" -> {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Measure m : selected) {
          rows.add(row(m));
        }
        Json.MAPPER.writeValue(out, rows);
        out.println();
      }
      case "csv" -> {
        out.println("heading,authority,title,rate,base,from,until,countries,products,citation,url,file");
        for (Measure m : selected) {
          out.println(String.join(",", List.of(m.heading().toString(), m.authority().key(), m.title(), m.rate().toString(),
              m.base().key(), m.effective().start().toString(), m.effective().end().map(LocalDate::toString).orElse(""),
              m.countries().toString(), m.products().toString(), m.primaryInstrument().citation(),
              m.primaryInstrument().url(), m.source().toString())
              .stream().map(DutyCommand::csvCell).toList()));
        }
      }
      case "table" -> {
        TextTable t = new TextTable("Heading", "Authority", "Rate", "From", "Until", "Countries", "Title")
            .maxWidth(5, 30).maxWidth(6, 60);
        for (Measure m : selected) {
          t.row(m.heading(), m.authority().label(), m.rate() + (m.base().isMetalContent() ? " on metal" : ""),
              m.effective().start(), m.effective().lastDay().map(LocalDate::toString).orElse(""),
              m.countries(), m.title());
        }
        out.print(t.render());
        out.println("\n" + selected.size() + " measure(s). Until = last day in force.");
      }
      case "markdown" -> out.print(markdown(book, selected));
      default -> throw new InvalidInputException("Unknown --format '" + format + "' (table, csv, json or markdown)");
    }
    out.flush();
    return 0;
  }

  /** Every measure grouped by policy file, with dates and sources: the text of docs/measures.md. */
  static String markdown(org.tariffscope.policy.PolicyBook book, List<Measure> selected) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Measures\n\n");
    sb.append("Every measure of the policy book, by policy file. Generated by `tariffscope measures --format markdown`; ")
        .append("a test keeps this file in step with `policy/`. Dates are legal dates (entries on or after the first day; ")
        .append("the last day in force is given). *Printed* dates follow where the schedule printed the measure at other ")
        .append("dates.\n\n");
    sb.append(String.format(java.util.Locale.ROOT, "%d measures in %d files.%n%n", selected.size(), book.files().size()));
    Map<String, List<Measure>> byFile = new java.util.TreeMap<>();
    for (Measure m : selected) {
      byFile.computeIfAbsent(m.source().file(), k -> new ArrayList<>()).add(m);
    }
    byFile.forEach((file, measures) -> {
      sb.append("## `").append(file).append("`\n\n");
      sb.append("| Heading | Authority | Rate | In force | Origins | Products | Title | Source |\n");
      sb.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
      for (Measure m : measures) {
        String period = m.effective().start() + " – " + m.effective().lastDay().map(LocalDate::toString).orElse("");
        if (m.printedOnly()) {
          period = "printed only " + period;
        } else if (m.isRetroactiveOrEarlyPrinted()) {
          period += " (printed " + m.published().start() + " – " + m.published().lastDay().map(LocalDate::toString)
              .orElse("") + ")";
        }
        String rate = m.rate() + (m.base() == org.tariffscope.basics.ValueBase.FULL ? "" : " on " + m.base().description());
        if (!m.when().isEmpty()) {
          rate += " if " + m.when();
        }
        sb.append("| ").append(m.heading()).append(" | ").append(m.authority().label()).append(" | ").append(cell(rate))
            .append(" | ").append(period).append(" | ").append(cell(m.countries().toString())).append(" | ")
            .append(cell(m.products().toString())).append(" | ").append(cell(m.title())).append(" | [")
            .append(cell(m.primaryInstrument().citation())).append("](").append(m.primaryInstrument().url()).append(") |\n");
      }
      sb.append('\n');
    });
    return sb.toString();
  }

  private static String cell(String s) {
    String t = s.replace("|", "\\|").replace("\n", " ");
    return t.length() > 160 ? t.substring(0, 157) + "..." : t;
  }

  static Map<String, Object> row(Measure m) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", m.id());
    row.put("heading", m.heading().toString());
    row.put("authority", m.authority().key());
    row.put("title", m.title());
    row.put("rate", m.rate().toString());
    row.put("base", m.base().key());
    row.put("from", m.effective().start().toString());
    row.put("until", m.effective().end().map(LocalDate::toString).orElse(null));
    row.put("until_reason", m.untilReason().isEmpty() ? null : m.untilReason());
    if (m.isRetroactiveOrEarlyPrinted()) {
      row.put("published_from", m.published().start().toString());
      row.put("published_until", m.published().end().map(LocalDate::toString).orElse(null));
    }
    row.put("countries", m.countries().toString());
    row.put("products", m.products().toString());
    row.put("conditions", m.when().isEmpty() ? null : m.when().toString());
    row.put("yields_to", m.yieldsTo().stream().map(Object::toString).toList());
    row.put("note", m.note().isEmpty() ? null : m.note());
    row.put("citations", m.instruments().stream().map(i -> Map.of("title", i.title(), "citation", i.citation(), "url", i.url())).toList());
    row.put("file", m.source().toString());
    return row;
  }

  static String code(HtsCode c) {
    return c.toString();
  }
}
