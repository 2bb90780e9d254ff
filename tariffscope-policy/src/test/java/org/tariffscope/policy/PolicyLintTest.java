package org.tariffscope.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tariffscope.basics.Authority;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.DateInterval;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.Percent;
import org.tariffscope.basics.ValueBase;
import org.tariffscope.schedule.RateText;
import org.tariffscope.schedule.Schedule;

/**
 * The lint over the shipped book and all 44 revisions. Where the printed schedule and the law
 * disagree, the measure says which wins ({@code schedule_differs}) and the lint reports it as an
 * explained difference: this test holds that there is no unexplained one.
 */
class PolicyLintTest {
  private static LintReport report;

  @BeforeAll
  static void lintEverything() {
    report = new PolicyLint(Schedule.embedded(), PolicyLoader.loadEmbedded().orThrow()).run();
  }

  @Test
  void theBookAgreesWithEveryRevision() {
    String errors = report.errors().stream().map(Object::toString).collect(Collectors.joining("\n"));
    assertThat(report.errors()).as(errors).isEmpty();
    assertThat(report.coverage()).hasSize(44);
    assertThat(report.rateChecks()).isGreaterThan(3000);
  }

  @Test
  void everyChapter99HeadingIsAccountedFor() {
    for (LintReport.Coverage c : report.coverage()) {
      assertThat(c.unaccounted()).as(c.revision()).isZero();
      assertThat(c.modelled() + c.notModelled()).as(c.revision()).isEqualTo(c.headings8());
    }
  }

  @Test
  void everyExplainedDifferenceSaysWhichWins() {
    assertThat(report.explained()).allSatisfy(f -> assertThat(f.message()).contains("the law wins:"));
  }

  @Test
  void footnotesOfSection301AgreeWithItsLists() {
    LintReport.FootnoteAgreement list3 = report.footnotes().stream()
        .filter(f -> f.heading().equals("9903.88.03")).findFirst().orElseThrow();
    assertThat(list3.both()).isGreaterThan(5000);
    assertThat(list3.footnoteOnly() + list3.scopeOnly()).isLessThan(list3.both() / 100);
  }

  private static Measure measure(org.tariffscope.policy.MeasureRate rate, ValueBase base) {
    Instrument eo = new Instrument("eo", "EO", "90 FR 1", "", "https://example.org", null);
    return new Measure("x", HtsCode.parse("9903.01.25"), "t", Authority.IEEPA_RECIPROCAL, List.of(eo), "",
        DateInterval.from(java.time.LocalDate.of(2025, 4, 5)), "", null, CountryScope.ALL, ProductScope.ALL, rate, base,
        Conditions.NONE, List.of(), java.util.Set.of(), "", false, "", new SourceLocation("f", 1));
  }

  @Test
  void comparesPrintedRatesWithMeasures() {
    var plus10 = RateText.parseChapter99("The duty provided in the applicable subheading + 10%");
    assertThat(PolicyLint.difference(measure(new MeasureRate.Additional(Percent.of(10)), ValueBase.FULL), plus10)).isNull();
    assertThat(PolicyLint.difference(measure(new MeasureRate.Additional(Percent.of(20)), ValueBase.FULL), plus10))
        .contains("prints 'The duty provided in the applicable subheading + 10%'").contains("+20%");
    assertThat(PolicyLint.difference(measure(new MeasureRate.Additional(Percent.of(10)), ValueBase.STEEL_CONTENT), plus10))
        .contains("steel content");
    var content = RateText.parseChapter99("The duty provided in the applicable subheading + a duty of 50% upon the value of the steel content");
    assertThat(PolicyLint.difference(measure(new MeasureRate.Additional(Percent.of(50)), ValueBase.STEEL_CONTENT), content)).isNull();
    var none = RateText.parseChapter99("The duty provided in the applicable subheading");
    assertThat(PolicyLint.difference(measure(new MeasureRate.Additional(Percent.ZERO), ValueBase.US_CONTENT), none)).isNull();
    var allIn = RateText.parseChapter99("15%");
    assertThat(PolicyLint.difference(measure(new MeasureRate.Floor(Percent.of(15)), ValueBase.FULL), allIn)).isNull();
    assertThat(PolicyLint.difference(measure(new MeasureRate.Additional(Percent.of(15)), ValueBase.FULL), allIn)).isNotNull();
  }

  @Test
  void aWrongRateInAPolicyFolderIsAnError() {
    var countries = Countries.standard();
    PolicyBook book = PolicyLoader.loadEmbedded().orThrow();
    Measure real = book.measuresOf(HtsCode.parse("9903.01.25")).get(0);
    Measure wrong = new Measure(real.id(), real.heading(), real.title(), real.authority(), real.instruments(), real.note(),
        real.effective(), real.untilReason(), real.published(), real.countries(), real.products(),
        new MeasureRate.Additional(Percent.of(11)), real.base(), real.when(), real.yieldsTo(), real.tags(),
        real.description(), false, "", real.source());
    List<Measure> measures = new java.util.ArrayList<>(book.measures());
    measures.replaceAll(m -> m.id().equals(real.id()) ? wrong : m);
    PolicyBook doctored = book.with(measures, book.lists());
    LintReport r = new PolicyLint(Schedule.embedded(), doctored)
        .run(List.of(Schedule.embedded().revision("2025_rev_9").orElseThrow()));
    assertThat(r.errors()).anySatisfy(f -> {
      assertThat(f.heading()).isEqualTo("9903.01.25");
      assertThat(f.message()).contains("+11%");
      assertThat(f.where()).isEqualTo(real.source().toString());
    });
    assertThat(countries.size()).isPositive();
  }
}
