package org.tariffscope.basics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

  @Test
  void percentsAddExactlyAndPrintPlainly() {
    Percent total = Percent.of("2.5").plus(Percent.of(25));
    assertThat(total).hasToString("27.5%");
    assertThat(total.value()).isEqualByComparingTo("27.5");
    assertThat(Percent.of("15").minusFloorZero(Percent.of("2.5"))).isEqualTo(Percent.of("12.5"));
    assertThat(Percent.of("15").minusFloorZero(Percent.of("20"))).isEqualTo(Percent.ZERO);
    assertThat(Percent.of(50).timesShare(new BigDecimal("0.4"))).isEqualTo(Percent.of(20));
    assertThat(Percent.ratio(new BigDecimal("150"), new BigDecimal("1000"))).isEqualTo(Percent.of(15));
  }

  @Test
  void percentsAreNeverNegative() {
    assertThatThrownBy(() -> Percent.of("-1")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> Percent.of("ten")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void moneyRoundsToCentsHalfUpInOnePlace() {
    Money duty = Money.usd("40000").times(Percent.of("27.5"));
    assertThat(duty.rounded().amount()).isEqualByComparingTo("11000.00");
    assertThat(Money.usd("0.125").rounded().amount()).isEqualByComparingTo("0.13");
    assertThat(Money.usd("$40,000.50")).isEqualTo(Money.usd("40000.5"));
    assertThat(Money.usd(10)).hasToString("$10.00");
  }

  @Test
  void moneyRejectsNegativeAndMalformedAmounts() {
    assertThatThrownBy(() -> Money.usd("-5")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> Money.usd("12abc")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("12abc");
  }

  @Test
  void intervalsAreHalfOpen() {
    DateInterval day = DateInterval.of(LocalDate.parse("2025-04-09"), LocalDate.parse("2025-04-10"));
    assertThat(day.contains(LocalDate.parse("2025-04-08"))).isFalse();
    assertThat(day.contains(LocalDate.parse("2025-04-09"))).isTrue();
    assertThat(day.contains(LocalDate.parse("2025-04-10"))).isFalse();
    assertThat(day.lastDay()).contains(LocalDate.parse("2025-04-09"));
    DateInterval open = DateInterval.from(LocalDate.parse("2025-04-05"));
    assertThat(open.contains(LocalDate.parse("2030-01-01"))).isTrue();
    assertThat(open.overlaps(day)).isTrue();
    assertThat(day.overlaps(DateInterval.from(LocalDate.parse("2025-04-10")))).isFalse();
    assertThat(day).hasToString("[2025-04-09, 2025-04-10)");
  }

  @Test
  void intervalsMustEndAfterTheyStart() {
    LocalDate d = LocalDate.parse("2025-04-09");
    assertThatThrownBy(() -> DateInterval.of(d, d)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> DateInterval.of(d, d.minusDays(1))).isInstanceOf(InvalidInputException.class);
  }

  @Property
  void overlapIsSymmetric(@ForAll("days") int a, @ForAll("days") int b, @ForAll("days") int c, @ForAll("days") int d) {
    LocalDate base = LocalDate.parse("2025-01-01");
    if (a >= b || c >= d) {
      return;
    }
    DateInterval x = DateInterval.of(base.plusDays(a), base.plusDays(b));
    DateInterval y = DateInterval.of(base.plusDays(c), base.plusDays(d));
    assertThat(x.overlaps(y)).isEqualTo(y.overlaps(x));
    boolean sharesADay = Math.max(a, c) < Math.min(b, d);
    assertThat(x.overlaps(y)).isEqualTo(sharesADay);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Integer> days() {
    return net.jqwik.api.Arbitraries.integers().between(0, 40);
  }

  @Test
  void dutyRatesPrintAsTheScheduleDoes() {
    SpecificDuty kg = new SpecificDuty(new BigDecimal("0.022"), "kg", "");
    assertThat(new DutyRate(Percent.of(3), List.of(kg))).hasToString("2.2¢/kg + 3%");
    assertThat(new SpecificDuty(new BigDecimal("1.035"), "kg", "")).hasToString("$1.035/kg");
    assertThat(new SpecificDuty(new BigDecimal("0.29"), "each", "")).hasToString("29¢ each");
    assertThat(DutyRate.FREE).hasToString("Free");
    assertThat(kg.amountFor(new BigDecimal("1000")).rounded().amount()).isEqualByComparingTo("22.00");
  }

  @Test
  void authoritiesParseLeniently() {
    assertThat(Authority.parse("section-232")).isEqualTo(Authority.SECTION_232);
    assertThat(Authority.parse("IEEPA_RECIPROCAL")).isEqualTo(Authority.IEEPA_RECIPROCAL);
    assertThat(Authority.SECTION_232.key()).isEqualTo("section_232");
    assertThatThrownBy(() -> Authority.parse("section 999")).isInstanceOf(InvalidInputException.class);
  }
}
