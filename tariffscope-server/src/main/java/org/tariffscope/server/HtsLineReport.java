package org.tariffscope.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.engine.report.MeasureReport;
import org.tariffscope.policy.PolicyBook;
import org.tariffscope.schedule.Footnote;
import org.tariffscope.schedule.HtsLine;
import org.tariffscope.schedule.HtsRevision;
import org.tariffscope.schedule.RateReading;

/**
 * One code of the schedule as {@code /api/v1/hts/{code}} shows it (what {@code tariffscope hts show}
 * prints): the line with its description path, units, rates as printed and as read, footnotes, the
 * lines under it and, for a Chapter 99 heading, the measures that model it; or, for a code that is
 * not a line, just the lines under it. Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"code", "revision", "effective_date", "level", "description", "path", "units", "rates",
    "rate_line", "footnotes", "lines", "lines_truncated", "measures"})
record HtsLineReport(
    @JsonProperty("code") String code,
    @JsonProperty("revision") String revision,
    @JsonProperty("effective_date") String effectiveDate,
    @JsonProperty("level") String level,
    @JsonProperty("description") String description,
    @JsonProperty("path") List<String> path,
    @JsonProperty("units") List<String> units,
    @JsonProperty("rates") Rates rates,
    @JsonProperty("rate_line") String rateLine,
    @JsonProperty("footnotes") List<Note> footnotes,
    @JsonProperty("lines") List<Under> lines,
    @JsonProperty("lines_truncated") Boolean linesTruncated,
    @JsonProperty("measures") List<MeasureReport> measures) {

  /** The three rate columns. */
  @JsonPropertyOrder({"general", "special", "other"})
  record Rates(@JsonProperty("general") Rate general, @JsonProperty("special") Rate special,
      @JsonProperty("other") Rate other) {
  }

  /** A rate column: the text printed and how Tariffscope reads it. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"text", "reading", "note"})
  record Rate(@JsonProperty("text") String text, @JsonProperty("reading") String reading,
      @JsonProperty("note") String note) {
    static Rate of(String text, RateReading r) {
      return new Rate(text, r.kind().name().toLowerCase(Locale.ROOT), r.note());
    }
  }

  /** A footnote. */
  @JsonPropertyOrder({"columns", "text"})
  record Note(@JsonProperty("columns") List<String> columns, @JsonProperty("text") String text) {
  }

  /** A line under the code. */
  @JsonPropertyOrder({"code", "description", "general"})
  record Under(@JsonProperty("code") String code, @JsonProperty("description") String description,
      @JsonProperty("general") String general) {
  }

  /** The report of {@code code} in {@code rev}, or empty when the revision has neither it nor lines under it. */
  static Optional<HtsLineReport> of(HtsRevision rev, HtsCode code, PolicyBook book, int maxLines) {
    Optional<HtsLine> found = rev.line(code);
    List<HtsLine> under = rev.linesUnder(code).stream().filter(l -> !l.code().equals(code)).toList();
    if (found.isEmpty() && under.isEmpty()) {
      return Optional.empty();
    }
    boolean truncated = under.size() > maxLines;
    List<Under> lines = under.stream().limit(maxLines)
        .map(l -> new Under(l.code().toString(), l.description(), l.general())).toList();
    String level = level(code);
    if (found.isEmpty()) {
      return Optional.of(new HtsLineReport(code.toString(), rev.id(), rev.effectiveDate().toString(), level, null, null,
          null, null, null, null, lines, truncated ? true : null, null));
    }
    HtsLine l = found.get();
    Rates rates = new Rates(Rate.of(l.general(), l.generalReading()), Rate.of(l.special(), l.specialReading()),
        Rate.of(l.other(), l.otherReading()));
    List<Note> notes = l.footnotes().stream().map((Footnote f) -> new Note(f.columns(), f.text())).toList();
    List<MeasureReport> measures = code.isChapter99()
        ? book.measuresOf(code).stream().map(MeasureReport::of).toList() : null;
    return Optional.of(new HtsLineReport(l.code().toString(), rev.id(), rev.effectiveDate().toString(), level,
        l.description(), l.path(), l.units(), rates, l.rateLine().toString(), notes, lines.isEmpty() ? null : lines,
        truncated ? true : null, measures));
  }

  private static String level(HtsCode code) {
    if (code.isChapter99()) {
      return "chapter99";
    }
    return switch (code.length()) {
      case 2 -> "chapter";
      case 4 -> "heading";
      case 6 -> "subheading";
      case 8 -> "tariff_line";
      default -> "statistical_line";
    };
  }
}
