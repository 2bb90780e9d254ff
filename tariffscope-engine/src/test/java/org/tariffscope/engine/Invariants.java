package org.tariffscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.tariffscope.basics.Money;
import org.tariffscope.basics.Percent;

/** What must hold of every breakdown, checked after every engine test. */
final class Invariants {
  private Invariants() {
  }

  static void check(DutyBreakdown b) {
    Percent sum = b.mfn().adValorem();
    for (AppliedMeasure a : b.applied()) {
      assertThat(a.measure().instruments()).as("every line cites a law").isNotEmpty();
      assertThat(a.measure().primaryInstrument().citation()).isNotBlank();
      assertThat(a.share()).as("share of value of %s", a.measure().id())
          .isBetween(BigDecimal.ZERO, BigDecimal.ONE);
      assertThat(a.effective().value().signum()).as("no negative duty").isGreaterThanOrEqualTo(0);
      sum = sum.plus(a.effective());
    }
    assertThat(b.totalAdValorem()).as("lines add up to the total").isEqualTo(sum);
    assertThat(b.byAuthority().values().stream().reduce(Percent.ZERO, Percent::plus))
        .as("authorities add up to the total").isEqualTo(b.totalAdValorem());
    if (b.duty() != null) {
      assertThat(b.duty().amount().signum()).isGreaterThanOrEqualTo(0);
      if (b.specifics().isEmpty()) {
        Money expected = b.facts().value().times(b.totalAdValorem()).rounded();
        assertThat(b.duty()).as("duty = value x total rate").isEqualTo(expected);
      }
    }
    for (NotAppliedMeasure n : b.notApplied()) {
      assertThat(n.explanation()).isNotBlank();
      assertThat(b.applied()).noneMatch(a -> a.measure().equals(n.measure()));
    }
  }
}
