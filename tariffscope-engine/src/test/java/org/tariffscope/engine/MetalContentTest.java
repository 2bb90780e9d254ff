package org.tariffscope.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.basics.Money;
import org.tariffscope.basics.ValueBase;
import org.tariffscope.engine.report.DutyInput;

/**
 * The steel, aluminum and copper contents of an entry: one value shared by the metals, a metal
 * content given without the metal counted once, an undeclared content taken as the value not
 * counted as another metal's. 8418.10.00.10 (refrigerator-freezers) of Thailand on 2025-09-01 is on
 * both the steel (note 16(n)) and the aluminum (note 19(k)) derivative lists, both +50% on the
 * content; the reciprocal (9903.02.61, +19%) takes the rest of the value.
 */
class MetalContentTest {
  private static final String FRIDGE = "8418.10.00.10";
  private static final LocalDate DAY = LocalDate.of(2025, 9, 1);

  private static DutyBreakdown price(EntryFacts facts) {
    return price(EngineFixture.engine(), facts);
  }

  private static DutyBreakdown price(DutyEngine engine, EntryFacts facts) {
    DutyRequest r = new DutyRequest(HtsCode.parse(FRIDGE), Countries.standard().parse("TH"), DAY,
        facts.withValue(Money.usd("1000")), LawView.LAW);
    DutyBreakdown b = engine.compute(r).value();
    Invariants.check(b);
    return b;
  }

  /** Applied heading -> share of value it is charged on, in percent. */
  private static Map<String, BigDecimal> shares(DutyBreakdown b) {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (AppliedMeasure a : b.applied()) {
      out.put(a.measure().heading().toString(), a.share().movePointRight(2).stripTrailingZeros());
    }
    return out;
  }

  private static Optional<NotAppliedMeasure> notApplied(DutyBreakdown b, String heading) {
    return b.notApplied().stream().filter(n -> n.measure().heading().toString().equals(heading)).findFirst();
  }

  private static BigDecimal pct(String v) {
    return new BigDecimal(v).stripTrailingZeros();
  }

  @Test
  void metalsDeclaredOneByOneAreEachCharged() {
    DutyBreakdown b = price(EntryFacts.NONE.withContent(ValueBase.STEEL_CONTENT, pct("0.10"))
        .withContent(ValueBase.ALUMINUM_CONTENT, pct("0.05")));
    assertThat(shares(b)).containsEntry("9903.81.91", pct("10")).containsEntry("9903.85.08", pct("5"))
        .containsEntry("9903.02.61", pct("85"));
    assertThat(b.totalAdValorem().value()).isEqualByComparingTo("23.65");
  }

  @Test
  void oneMetalContentIsCountedOnceNotOncePerMetal() {
    DutyBreakdown b = price(EntryFacts.NONE.withMetalContent(pct("0.10")));
    assertThat(shares(b)).containsOnlyKeys("9903.81.91", "9903.02.61").containsEntry("9903.81.91", pct("10"))
        .containsEntry("9903.02.61", pct("90"));
    assertThat(b.totalAdValorem().value()).isEqualByComparingTo("22.1");
    NotAppliedMeasure aluminum = notApplied(b, "9903.85.08").orElseThrow();
    assertThat(aluminum.reason()).isEqualTo(NotAppliedMeasure.Reason.CONDITION);
    assertThat(aluminum.explanation()).contains("metal content of 10%").contains("--aluminum-content");
  }

  @Test
  void aMetalContentLessTheMetalsDeclaredGoesToTheOthers() {
    DutyBreakdown b = price(EntryFacts.NONE.withMetalContent(pct("0.30")).withContent(ValueBase.STEEL_CONTENT, pct("0.10")));
    assertThat(shares(b)).containsEntry("9903.81.91", pct("10")).containsEntry("9903.85.08", pct("20"))
        .containsEntry("9903.02.61", pct("70"));
    assertThat(b.warnings()).anySatisfy(w -> assertThat(w).contains("9903.85.08").contains("less the steel content"));
  }

  @Test
  void anUndeclaredContentIsTheValueNotCountedAsAnotherMetal() {
    DutyBreakdown none = price(EntryFacts.NONE);
    assertThat(shares(none)).containsOnlyKeys("9903.81.91").containsEntry("9903.81.91", pct("100"));
    assertThat(none.totalAdValorem().value()).isEqualByComparingTo("50");
    assertThat(notApplied(none, "9903.85.08").orElseThrow().explanation()).contains("no aluminum content declared");
    assertThat(none.warnings()).anySatisfy(w -> assertThat(w).contains("none declared, so charged on the full value"));

    DutyBreakdown steelOnly = price(EntryFacts.NONE.withContent(ValueBase.STEEL_CONTENT, pct("0.30")));
    assertThat(shares(steelOnly)).containsEntry("9903.81.91", pct("30")).containsEntry("9903.85.08", pct("70"))
        .doesNotContainKey("9903.02.61");
    assertThat(steelOnly.warnings()).anySatisfy(w -> assertThat(w).contains("9903.85.08").contains("70% of value"));
  }

  @Test
  void estimatesAreCappedByTheValueLeft() {
    Estimates both = new Estimates() {
      @Override
      public Optional<BigDecimal> contentShare(HtsCode line, ValueBase content) {
        return Optional.of(pct(content == ValueBase.STEEL_CONTENT ? "0.7" : "0.5"));
      }
    };
    DutyBreakdown b = price(EngineFixture.engine().withEstimates(both), EntryFacts.NONE);
    assertThat(shares(b)).containsEntry("9903.81.91", pct("70")).containsEntry("9903.85.08", pct("30"));
  }

  @Test
  void contentsThatExceedTheValueAreRejected() {
    EntryFacts steel = EntryFacts.NONE.withContent(ValueBase.STEEL_CONTENT, pct("0.6"));
    assertThatThrownBy(() -> steel.withContent(ValueBase.ALUMINUM_CONTENT, pct("0.6")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("add up to 120%");
    assertThatThrownBy(() -> steel.withMetalContent(pct("0.5")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("exceed the metal content (50%)");
    assertThatThrownBy(() -> EntryFacts.NONE.withMetalContent(pct("1.5"))).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void theInputReadsTheMetalsOneByOneAndTheMetalContentApart() {
    EntryFacts f = new DutyInput(FRIDGE, "TH", "2025-09-01", "1000", null, null, "40", null, null, false)
        .withMetalContents("10", "", "5").toRequest(Countries.standard()).value().facts();
    assertThat(f.metalContent()).isEqualByComparingTo("0.40");
    assertThat(f.content(ValueBase.STEEL_CONTENT)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.10"));
    assertThat(f.content(ValueBase.ALUMINUM_CONTENT)).isEmpty();
    assertThat(f.content(ValueBase.COPPER_CONTENT)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.05"));
    assertThat(new DutyInput(FRIDGE, "TH", "2025-09-01", null, null, null, null, null, null, false)
        .withMetalContents("70", "40", null).toRequest(Countries.standard()).isSuccess()).isFalse();
  }
}
