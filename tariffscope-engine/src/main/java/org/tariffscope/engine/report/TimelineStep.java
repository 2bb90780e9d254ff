package org.tariffscope.engine.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tariffscope.engine.RateTimeline;

/**
 * One step of a rate timeline as every adapter shows it: the JSON and CSV of {@code tariffscope
 * timeline}, of {@code /api/v1/timeline} and the table of the web app's timeline page. Immutable.
 *
 * @param from first day of the step
 * @param until first day of the next step, or null for the last
 * @param totalAdValoremPct total ad valorem rate, a number ({@code 27.5})
 * @param byAuthority the total split by authority key ({@code mfn}, {@code section_232}, ...)
 * @param headings the applied headings with their rates ({@code 9903.01.25 +10%})
 * @param change what changed from the previous step, in words ({@code start} for the first)
 * @param revision the schedule revision in force at the start of the step
 * @param notes what the reader should know at the start of the step (a claim not honoured, an estimate)
 */
@JsonPropertyOrder({"from", "until", "total_ad_valorem_pct", "by_authority", "headings", "change", "revision", "notes"})
public record TimelineStep(
    @JsonProperty("from") String from,
    @JsonProperty("until") String until,
    @JsonProperty("total_ad_valorem_pct") BigDecimal totalAdValoremPct,
    @JsonProperty("by_authority") Map<String, BigDecimal> byAuthority,
    @JsonProperty("headings") List<String> headings,
    @JsonProperty("change") String change,
    @JsonProperty("revision") String revision,
    @JsonProperty("notes") List<String> notes) {

  /** The CSV header of {@link #csvRow()}. */
  public static final String CSV_HEADER = "from,until,total_ad_valorem_pct,headings,change,revision";

  public TimelineStep {
    byAuthority = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byAuthority));
    headings = List.copyOf(headings);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  public static TimelineStep of(RateTimeline.Step s) {
    Map<String, BigDecimal> by = new LinkedHashMap<>();
    s.byAuthority().forEach((a, p) -> by.put(a.key(), DutyReport.number(p)));
    return new TimelineStep(s.from().toString(), s.until() == null ? null : s.until().toString(),
        DutyReport.number(s.total()), by, s.headings(), s.change(), s.revision(), s.notes());
  }

  public static List<TimelineStep> of(List<RateTimeline.Step> steps) {
    return steps.stream().map(TimelineStep::of).toList();
  }

  /** The step as a CSV line (no line break), columns as {@link #CSV_HEADER}. */
  public String csvRow() {
    return String.join(",", from, until == null ? "" : until, totalAdValoremPct.toPlainString(),
        csvCell(String.join("; ", headings)), csvCell(change), revision);
  }

  /** A CSV cell, quoted when it holds a comma, a quote or a line break. */
  public static String csvCell(String s) {
    if (s == null) {
      return "";
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
