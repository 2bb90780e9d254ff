package org.tariffscope.engine.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import org.tariffscope.policy.Instrument;
import org.tariffscope.policy.Measure;

/**
 * A measure of the policy book as every adapter lists it: the JSON of {@code tariffscope measures}
 * and of {@code /api/v1/measures}, and the rows of the web app's measures page. Dates are legal
 * dates ({@code until} exclusive); {@code published_*} appear only where the schedule printed the
 * measure at other dates. Immutable.
 */
@JsonPropertyOrder({"id", "heading", "authority", "title", "rate", "base", "from", "until", "until_reason",
    "published_from", "published_until", "countries", "products", "conditions", "yields_to", "note", "citations",
    "file"})
public record MeasureReport(
    @JsonProperty("id") String id,
    @JsonProperty("heading") String heading,
    @JsonProperty("authority") String authority,
    @JsonProperty("title") String title,
    @JsonProperty("rate") String rate,
    @JsonProperty("base") String base,
    @JsonProperty("from") String from,
    @JsonProperty("until") String until,
    @JsonProperty("until_reason") String untilReason,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("published_from") String publishedFrom,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("published_until") String publishedUntil,
    @JsonProperty("countries") String countries,
    @JsonProperty("products") String products,
    @JsonProperty("conditions") String conditions,
    @JsonProperty("yields_to") List<String> yieldsTo,
    @JsonProperty("note") String note,
    @JsonProperty("citations") List<Citation> citations,
    @JsonProperty("file") String file) {

  /** A legal source of the measure, primary first. */
  @JsonPropertyOrder({"title", "citation", "url"})
  public record Citation(
      @JsonProperty("title") String title,
      @JsonProperty("citation") String citation,
      @JsonProperty("url") String url) {
  }

  public MeasureReport {
    yieldsTo = List.copyOf(yieldsTo);
    citations = List.copyOf(citations);
  }

  public static MeasureReport of(Measure m) {
    boolean printed = m.isRetroactiveOrEarlyPrinted();
    return new MeasureReport(m.id(), m.heading().toString(), m.authority().key(), m.title(), m.rate().toString(),
        m.base().key(), m.effective().start().toString(), m.effective().end().map(LocalDate::toString).orElse(null),
        m.untilReason().isEmpty() ? null : m.untilReason(),
        printed ? m.published().start().toString() : null,
        printed ? m.published().end().map(LocalDate::toString).orElse(null) : null,
        m.countries().toString(), m.products().toString(), m.when().isEmpty() ? null : m.when().toString(),
        m.yieldsTo().stream().map(Object::toString).toList(), m.note().isEmpty() ? null : m.note(),
        m.instruments().stream().map(MeasureReport::citation).toList(), m.source().toString());
  }

  private static Citation citation(Instrument i) {
    return new Citation(i.title(), i.citation(), i.url());
  }
}
