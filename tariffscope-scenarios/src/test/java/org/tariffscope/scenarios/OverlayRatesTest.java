package org.tariffscope.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.engine.AppliedMeasure;
import org.tariffscope.engine.DutyBreakdown;
import org.tariffscope.engine.DutyEngine;
import org.tariffscope.engine.DutyRequest;
import org.tariffscope.policy.PolicyBook;
import org.tariffscope.policy.PolicyLoader;
import org.tariffscope.schedule.Schedule;

/**
 * The shipped Japan scenarios derive the books they say, checked entry by entry through the duty
 * engine (the scenario never computes a duty itself), and leave the actual book as it was.
 */
class OverlayRatesTest {
  private static final Countries COUNTRIES = Countries.standard();
  private static PolicyBook actual;
  private static Schedule schedule;
  private static ScenarioLoader loader;

  @BeforeAll
  static void load() {
    actual = PolicyLoader.loadEmbedded().orThrow();
    schedule = Schedule.embedded();
    loader = new ScenarioLoader(actual, COUNTRIES);
  }

  private static DutyBreakdown duty(PolicyBook book, String hts, String origin, String date) {
    DutyEngine engine = new DutyEngine(schedule, book);
    return engine.compute(DutyRequest.of(HtsCode.parse(hts), COUNTRIES.parse(origin), LocalDate.parse(date))).value();
  }

  private static Map<String, Double> applied(DutyBreakdown b) {
    Map<String, Double> out = new TreeMap<>();
    for (AppliedMeasure a : b.applied()) {
      out.put(a.measure().heading().toString(), a.effective().doubleValue());
    }
    return out;
  }

  @Test
  void noDealGivesAJapaneseBackhoe24PercentOnAugustFirst() {
    Scenario a = loader.load("japan-24pct-july").orThrow();
    DutyBreakdown b = duty(a.book(), "8429.52.10.10", "JP", "2025-08-01");
    assertThat(applied(b)).containsExactly(Map.entry("9903.01.53", 24.0));
    assertThat(b.totalAdValorem().doubleValue()).isEqualTo(24.0);
    // the actual book is untouched: 10% baseline that day
    assertThat(applied(duty(actual, "8429.52.10.10", "JP", "2025-08-01"))).containsExactly(Map.entry("9903.01.25", 10.0));
    // other origins are not concerned
    assertThat(applied(duty(a.book(), "8429.52.10.10", "KR", "2025-08-01"))).containsExactly(Map.entry("9903.01.25", 10.0));
    // before the pause ends, Japan still pays the baseline
    assertThat(applied(duty(a.book(), "8429.52.10.10", "JP", "2025-07-08"))).containsExactly(Map.entry("9903.01.25", 10.0));
  }

  @Test
  void noDealKeepsAutosAt25PercentWithoutTheReciprocalRate() {
    Scenario a = loader.load("japan-24pct-july").orThrow();
    DutyBreakdown car = duty(a.book(), "8703.23.01.60", "JP", "2025-10-01");
    assertThat(applied(car)).containsExactly(Map.entry("9903.94.01", 25.0));
    assertThat(car.totalAdValorem().doubleValue()).isEqualTo(27.5);
  }

  @Test
  void theDealAsImplementedIsTheActualBook() {
    Scenario c = loader.load("japan-deal").orThrow();
    assertThat(c.book()).isSameAs(actual);
    assertThat(duty(c.book(), "8703.23.01.60", "JP", "2025-09-16").totalAdValorem().doubleValue()).isEqualTo(15.0);
  }

  @Test
  void statusQuoOfAprilKeeps10PercentAnd25PercentOnCarsAndSteel() {
    Scenario b = loader.load("japan-status-quo-april").orThrow();
    assertThat(applied(duty(b.book(), "9503.00.00.90", "JP", "2025-10-01"))).containsExactly(Map.entry("9903.01.25", 10.0));
    // backhoes are steel derivatives from 2025-08-18: 25% (on the steel content) rather than 50%
    assertThat(applied(duty(b.book(), "8429.52.10.10", "JP", "2025-10-01"))).containsExactly(Map.entry("9903.81.91", 25.0));
    assertThat(applied(duty(actual, "8429.52.10.10", "JP", "2025-10-01"))).containsExactly(Map.entry("9903.81.91", 50.0));
    assertThat(duty(b.book(), "8703.23.01.60", "JP", "2025-10-01").totalAdValorem().doubleValue()).isEqualTo(27.5);
    assertThat(applied(duty(b.book(), "7208.51.00.30", "JP", "2025-10-01"))).containsExactly(Map.entry("9903.81.87", 25.0));
    // Korea's steel is still at 50%
    assertThat(applied(duty(b.book(), "7208.51.00.30", "KR", "2025-10-01"))).containsExactly(Map.entry("9903.81.87", 50.0));
  }

  @Test
  void escalationStacks24PercentOnTheAutosDuty() {
    Scenario e = loader.load("japan-autos-stacked").orThrow();
    assertThat(e.base()).isEqualTo("japan-24pct-july");
    DutyBreakdown car = duty(e.book(), "8703.23.01.60", "JP", "2025-10-01");
    assertThat(applied(car)).containsEntry("9903.94.01", 25.0).containsEntry("9903.01.53", 24.0);
    assertThat(car.totalAdValorem().doubleValue()).isEqualTo(51.5);
    // steel keeps its exception
    assertThat(applied(duty(e.book(), "7208.51.00.30", "JP", "2025-10-01"))).containsExactly(Map.entry("9903.81.87", 50.0));
  }

  @Test
  void theOfferInheritsTheStatusQuoBookAndAddsCommitments() {
    Scenario d = loader.load("japan-offer").orThrow();
    Scenario b = loader.load("japan-status-quo-april").orThrow();
    assertThat(d.book().measures()).hasSameSizeAs(b.book().measures());
    assertThat(d.partner().iso2()).isEqualTo("JP");
    assertThat(d.evaluation()).isEqualTo(b.evaluation());
    assertThat(d.commitments().purchases()).hasSize(1);
    assertThat(d.commitments().cuts()).singleElement().satisfies(c -> assertThat(c.chapters()).containsExactly("87"));
  }

  @Test
  void everyShippedScenarioLoadsWithoutProblems() {
    assertThat(ScenarioLoader.shipped()).contains("japan-24pct-july", "japan-status-quo-april", "japan-deal", "japan-offer",
        "japan-autos-stacked");
    for (String name : ScenarioLoader.shipped()) {
      ScenarioLoader.Loaded l = loader.load(name);
      assertThat(l.problems()).as(name).isEmpty();
    }
  }
}
