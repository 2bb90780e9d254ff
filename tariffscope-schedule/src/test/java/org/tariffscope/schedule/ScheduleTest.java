package org.tariffscope.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.Percent;
import org.tariffscope.schedule.RateReading.Kind;

class ScheduleTest {
  private static final Schedule SCHEDULE = Schedule.embedded();

  @Test
  void knowsEveryShippedRevisionInOrder() {
    assertThat(SCHEDULE.revisions()).hasSize(44);
    assertThat(SCHEDULE.first().id()).isEqualTo("2025_basic");
    assertThat(SCHEDULE.latest().id()).isEqualTo("2026_rev_10");
    assertThat(SCHEDULE.revisions()).extracting(RevisionInfo::effectiveDate).isSorted();
  }

  @Test
  void theRevisionInForceIsTheLatestThatTookEffect() {
    assertThat(SCHEDULE.revisionFor(LocalDate.parse("2024-12-31"))).isEmpty();
    assertThat(SCHEDULE.revisionFor(LocalDate.parse("2025-01-01")).orElseThrow().id()).isEqualTo("2025_basic");
    assertThat(SCHEDULE.revisionFor(LocalDate.parse("2025-04-06")).orElseThrow().id()).isEqualTo("2025_rev_9");
    assertThat(SCHEDULE.revisionFor(LocalDate.parse("2025-04-05")).orElseThrow().id()).isEqualTo("2025_rev_9");
    assertThat(SCHEDULE.revisionFor(LocalDate.parse("2025-04-04")).orElseThrow().id()).isEqualTo("2025_rev_8");
    assertThat(SCHEDULE.revisionFor(LocalDate.parse("2026-05-25")).orElseThrow().id()).isEqualTo("2026_rev_8");
    assertThat(SCHEDULE.revisionFor(LocalDate.parse("2027-01-01")).orElseThrow().id()).isEqualTo("2026_rev_10");
  }

  @Test
  void statisticalLinesInheritTheRateOfTheirLegalLine() {
    HtsRevision rev = SCHEDULE.load(SCHEDULE.revision("2025_rev_7").orElseThrow());
    HtsLine car = rev.line(HtsCode.parse("8703.23.01.60")).orElseThrow();
    assertThat(car.rateLine()).isEqualTo(HtsCode.parse("8703.23.01"));
    assertThat(car.generalReading().kind()).isEqualTo(Kind.RATE);
    assertThat(car.generalReading().rate().adValorem()).isEqualTo(Percent.of("2.5"));
    assertThat(car.otherReading().rate().adValorem()).isEqualTo(Percent.of(10));
    assertThat(car.units()).containsExactly("No.");
    assertThat(car.path().get(0)).startsWith("Motor cars and other motor vehicles");
    assertThat(car.description()).startsWith("Having engines with more than 4 cylinders");
    assertThat(car.footnotes()).flatExtracting(Footnote::chapter99).contains(HtsCode.parse("9903.88.01"));
    assertThat(car.specialReading().forProgram("KR")).isPresent();
  }

  @Test
  void chapter99HeadingsAreLinesToo() {
    HtsRevision rev = SCHEDULE.load(SCHEDULE.revision("2025_rev_9").orElseThrow());
    HtsLine baseline = rev.line(HtsCode.parse("9903.01.25")).orElseThrow();
    assertThat(baseline.generalReading().kind()).isEqualTo(Kind.ADDITIONAL);
    assertThat(baseline.generalReading().rate().adValorem()).isEqualTo(Percent.of(10));
    assertThat(rev.chapter99Headings()).hasSizeGreaterThan(300);
  }

  @Test
  void findsLinesByWordsAndSuggestsNearCodes() {
    HtsRevision rev = SCHEDULE.load(SCHEDULE.latest());
    assertThat(rev.search("hydraulic backhoes", 10)).extracting(l -> l.code().toString()).contains("8429.52.10.10");
    assertThat(rev.search("universal mill plate", 10)).isNotEmpty();
    assertThat(rev.nearest("8703230199", 3)).isNotEmpty()
        .allSatisfy(c -> assertThat(c.digits()).startsWith("87032301"));
    assertThat(rev.reportingLinesUnder(HtsCode.parse("8703.23"))).isNotEmpty()
        .allSatisfy(l -> assertThat(l.code().length()).isEqualTo(10));
  }
}
