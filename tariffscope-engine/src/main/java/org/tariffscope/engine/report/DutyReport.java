package org.tariffscope.engine.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tariffscope.basics.Authority;
import org.tariffscope.basics.Failure;
import org.tariffscope.basics.Percent;
import org.tariffscope.engine.AppliedMeasure;
import org.tariffscope.engine.DutyBreakdown;
import org.tariffscope.engine.NotAppliedMeasure;
import org.tariffscope.policy.Instrument;
import org.tariffscope.policy.Measure;

/**
 * The breakdown of one entry as every adapter shows it: the JSON of the CLI, the HTTP API and the
 * web app use these field names (documented in {@code docs/api.md}). Percentages are numbers
 * ({@code 27.5}); a failed entry carries only {@code error} (and the inputs). Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"hts10", "description", "origin_iso2", "origin", "date", "revision", "view",
    "mfn_ad_valorem_pct", "mfn_specific", "mfn_text", "mfn_column", "additional", "not_applied",
    "total_ad_valorem_pct", "by_authority", "specific", "value_usd", "duty_usd", "warnings", "error"})
public record DutyReport(
    @JsonProperty("hts10") String hts10,
    @JsonProperty("description") String description,
    @JsonProperty("origin_iso2") String originIso2,
    @JsonProperty("origin") String origin,
    @JsonProperty("date") String date,
    @JsonProperty("revision") String revision,
    @JsonProperty("view") String view,
    @JsonProperty("mfn_ad_valorem_pct") BigDecimal mfnAdValoremPct,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("mfn_specific") String mfnSpecific,
    @JsonProperty("mfn_text") String mfnText,
    @JsonProperty("mfn_column") String mfnColumn,
    @JsonProperty("additional") List<Line> additional,
    @JsonProperty("not_applied") List<NotApplied> notApplied,
    @JsonProperty("total_ad_valorem_pct") BigDecimal totalAdValoremPct,
    @JsonProperty("by_authority") Map<String, BigDecimal> byAuthority,
    @JsonProperty("specific") List<String> specific,
    @JsonProperty("value_usd") BigDecimal valueUsd,
    @JsonProperty("duty_usd") BigDecimal dutyUsd,
    @JsonProperty("warnings") List<String> warnings,
    @JsonProperty("error") Error error) {

  /** An applied heading. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"heading", "authority", "rate_pct", "base", "share_pct", "effective_pct", "amount_usd",
      "title", "citation", "url", "note", "explanation"})
  public record Line(
      @JsonProperty("heading") String heading,
      @JsonProperty("authority") String authority,
      @JsonProperty("rate_pct") BigDecimal ratePct,
      @JsonProperty("base") String base,
      @JsonProperty("share_pct") BigDecimal sharePct,
      @JsonProperty("effective_pct") BigDecimal effectivePct,
      @JsonProperty("amount_usd") BigDecimal amountUsd,
      @JsonProperty("title") String title,
      @JsonProperty("citation") String citation,
      @JsonProperty("url") String url,
      @JsonProperty("note") String note,
      @JsonProperty("explanation") String explanation) {
  }

  /** A heading considered and not applied. */
  @JsonPropertyOrder({"heading", "authority", "reason_code", "reason", "title", "citation"})
  public record NotApplied(
      @JsonProperty("heading") String heading,
      @JsonProperty("authority") String authority,
      @JsonProperty("reason_code") String reasonCode,
      @JsonProperty("reason") String reason,
      @JsonProperty("title") String title,
      @JsonProperty("citation") String citation) {
  }

  /** Why an entry could not be priced. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"code", "message", "suggestions"})
  public record Error(
      @JsonProperty("code") String code,
      @JsonProperty("message") String message,
      @JsonProperty("suggestions") List<String> suggestions) {
  }

  /** The report of a priced entry. */
  public static DutyReport of(DutyBreakdown b) {
    List<Line> lines = b.applied().stream().map(DutyReport::line).toList();
    List<NotApplied> notApplied = b.notApplied().stream().map(DutyReport::notApplied).toList();
    Map<String, BigDecimal> byAuthority = new LinkedHashMap<>();
    for (Map.Entry<Authority, Percent> e : b.byAuthority().entrySet()) {
      byAuthority.put(e.getKey().key(), number(e.getValue()));
    }
    return new DutyReport(b.line().code().toString(), b.line().fullDescription(), b.origin().iso2(), b.origin().name(),
        b.date().toString(), b.revision().id(), b.view().name().toLowerCase(java.util.Locale.ROOT),
        number(b.mfn().adValorem()), b.mfn().specificText(), b.mfn().text(), b.mfn().column(), lines, notApplied,
        number(b.totalAdValorem()), byAuthority,
        b.specifics().isEmpty() ? null : b.specifics().stream().map(Object::toString).toList(),
        b.facts().value() == null ? null : b.facts().value().amount(),
        b.duty() == null ? null : b.duty().amount(), b.warnings().isEmpty() ? null : b.warnings(), null);
  }

  /** The report of an entry that failed, keeping what was asked. */
  public static DutyReport failed(String hts, String origin, String date, Failure failure) {
    return new DutyReport(hts, null, origin, null, date, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, new Error(failure.reason().name(), failure.message(), failure.suggestions()));
  }

  private static Line line(AppliedMeasure a) {
    Measure m = a.measure();
    Instrument in = m.primaryInstrument();
    boolean partial = a.share().compareTo(BigDecimal.ONE) != 0;
    return new Line(m.heading().toString(), m.authority().key(), number(a.rate()),
        m.base() == org.tariffscope.basics.ValueBase.FULL && !partial ? null : m.base().key(),
        partial ? a.share().movePointRight(2).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros() : null,
        number(a.effective()), a.amount() == null ? null : a.amount().amount(), m.title(), in.cite(), in.url(),
        m.note().isEmpty() ? null : m.note(), a.explanation().isEmpty() ? null : a.explanation());
  }

  private static NotApplied notApplied(NotAppliedMeasure n) {
    Measure m = n.measure();
    return new NotApplied(m.heading().toString(), m.authority().key(), n.reason().name().toLowerCase(java.util.Locale.ROOT),
        n.explanation(), m.title(), m.primaryInstrument().cite());
  }

  /** A percentage as a plain number, at most 6 decimals ({@code 27.5}). */
  public static BigDecimal number(Percent p) {
    BigDecimal v = p.value();
    if (v.scale() > 6) {
      v = v.setScale(6, RoundingMode.HALF_UP);
    }
    return v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
  }
}
