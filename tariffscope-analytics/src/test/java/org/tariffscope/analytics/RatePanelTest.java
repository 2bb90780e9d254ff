package org.tariffscope.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.Result;
import org.tariffscope.engine.DutyBreakdown;
import org.tariffscope.engine.DutyRequest;
import org.tariffscope.engine.EntryFacts;
import org.tariffscope.engine.LawView;

/**
 * The panel is a compression of the engine: origins the engine cannot tell apart share a class, and
 * days on which nothing changes share a run. Both shortcuts are checked here against the engine
 * itself, for every country, on a sample of products that carries most of the 2024 import value and
 * a random sample of the rest.
 */
class RatePanelTest {
  private static final LocalDate FROM = PanelDatabase.FROM;
  private static final LocalDate UNTIL = PanelDatabase.UNTIL;
  private static RatePanel panel;
  private static List<String> sample;

  @BeforeAll
  static void setUp() {
    panel = new RatePanel(Fixture.ENGINE, FROM, UNTIL);
    Map<String, Double> value = new HashMap<>();
    Fixture.WEIGHTS.flows().forEach(f -> value.merge(f.hts10(), f.value(), Double::sum));
    List<String> products = panel.products();
    sample = new ArrayList<>(products.stream().filter(value::containsKey)
        .sorted(Comparator.comparing((String p) -> -value.get(p))).limit(60).toList());
    Random random = new Random(20250402);
    for (int i = 0; i < 140; i++) {
      sample.add(products.get(random.nextInt(products.size())));
    }
    // Lines every reading of the law has to get right: cars, steel, backhoes, solar cells, a specific rate.
    sample.addAll(List.of("8703230160", "7208510030", "8429521010", "8541420010", "0201300200"));
  }

  @Test
  void everyRunAgreesWithTheEngineForEveryCountry() {
    Random random = new Random(7);
    int[] classOf = panel.classOf();
    int checked = 0;
    for (String code : sample) {
      List<PanelRow> rows = panel.product(code, new AtomicLong());
      for (Country c : Fixture.COUNTRIES.all()) {
        boolean usmcaOrigin = c.iso2().equals("CA") || c.iso2().equals("MX");
        for (boolean usmca : usmcaOrigin ? new boolean[] {false, true} : new boolean[] {false}) {
          List<PanelRow> runs = rows.stream()
              .filter(r -> r.originClass() == classOf[c.index()] && r.usmca() == usmca).toList();
          // Runs are ordered, disjoint and inside the horizon.
          for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i).from()).isAfterOrEqualTo(runs.get(i - 1).until());
          }
          for (PanelRow run : runs) {
            assertThat(run.from()).isBefore(run.until());
            // The first day, the last day and one day between must all be what the engine says.
            long days = ChronoUnit.DAYS.between(run.from(), run.until());
            for (LocalDate d : List.of(run.from(), run.until().minusDays(1), run.from().plusDays(random.nextLong(days)))) {
              assertThat(total(code, c, d, usmca)).as("%s from %s on %s%s", code, c.iso2(), d, usmca ? " (USMCA)" : "")
                  .isCloseTo(run.total(), within(0.001));
              checked++;
            }
          }
          // Between runs the product is not in the schedule.
          if (!runs.isEmpty()) {
            LocalDate gap = runs.get(0).from().minusDays(1);
            if (!gap.isBefore(FROM)) {
              assertThat(total(code, c, gap, usmca)).as("%s before its first run", code).isNaN();
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(100_000);
  }

  @Test
  void aJapaneseCarFollowsItsHistory() {
    Country japan = Fixture.COUNTRIES.parse("JP");
    List<PanelRow> rows = panel.product("8703230160", new AtomicLong()).stream()
        .filter(r -> r.originClass() == panel.classOf()[japan.index()]).toList();
    // 2.5% MFN; + 25% Section 232 from 2025-04-03; 15% all-in from 2025-09-16 (entries since 2025-08-07 refunded).
    assertThat(rateOn(rows, LocalDate.of(2025, 3, 1))).isCloseTo(2.5f, within(0.001f));
    assertThat(rateOn(rows, LocalDate.of(2025, 4, 3))).isCloseTo(27.5f, within(0.001f));
    assertThat(rateOn(rows, LocalDate.of(2025, 10, 1))).isCloseTo(15f, within(0.001f));
  }

  private static float rateOn(List<PanelRow> rows, LocalDate d) {
    return rows.stream().filter(r -> !d.isBefore(r.from()) && d.isBefore(r.until())).findFirst().orElseThrow().total();
  }

  /**
   * The engine's total (base rate at its equivalent), with the facts the panel presumes, or NaN when
   * the line is not in the schedule that day.
   */
  private static double total(String code, Country c, LocalDate d, boolean usmca) {
    EntryFacts facts = RatePanel.presumedFacts(code);
    Result<DutyBreakdown> r = Fixture.ENGINE.compute(new DutyRequest(HtsCode.of(code), c, d,
        usmca ? facts.withUsmcaClaimed(true) : facts, LawView.LAW), false);
    return r.isSuccess() ? r.value().totalEquivalent().value().doubleValue() : Double.NaN;
  }
}
