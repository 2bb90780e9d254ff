package org.tariffscope.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How 2024 trade codes find their lines in the 2025-2026 schedules. */
class ProductMappingTest {
  private static final LocalDate FROM = PanelDatabase.FROM;
  private static final LocalDate UNTIL = PanelDatabase.UNTIL;
  private static List<String> codes;
  private static ProductMapping mapping;

  @BeforeAll
  static void map() {
    codes = Fixture.WEIGHTS.flows().stream().map(Flow::hts10).distinct().toList();
    mapping = ProductMapping.of(Fixture.ENGINE.schedule(), codes, FROM, UNTIL);
  }

  @Test
  void aLineThatStaysIsItselfThroughout() {
    assertThat(mapping.of("8703230160")).singleElement().satisfies(s -> {
      assertThat(s.product()).isEqualTo("8703230160");
      assertThat(s.how()).isEqualTo("same");
      assertThat(s.from()).isEqualTo(FROM);
      assertThat(s.until()).isEqualTo(UNTIL);
    });
  }

  @Test
  void aCodeSplitInThe2025EditionIsSharedAmongItsSuccessors() {
    // 8542.31.00.01 (processors and controllers) was reported in 2024 and replaced by finer
    // statistical suffixes under 8542.31.00 in the 2025 basic edition.
    List<ProductMapping.Share> shares = mapping.of("8542310001");
    assertThat(shares).isNotEmpty().allMatch(s -> s.how().equals("split_8") && s.product().startsWith("85423100"));
    assertThat(shares.stream().filter(s -> s.from().equals(FROM)).mapToDouble(ProductMapping.Share::share).sum())
        .isCloseTo(1.0, within(1e-9));
  }

  @Test
  void aStatisticalSuffixTheScheduleDoesNotListFallsToItsLine() {
    // Census reports watches of 9102.21.70 under suffixes 10/20/30; the schedule lists only the 8-digit line.
    assertThat(mapping.of("9102217010")).singleElement().satisfies(s -> {
      assertThat(s.product()).isEqualTo("91022170");
      assertThat(s.how()).isEqualTo("split_8");
    });
  }

  @Test
  void sharesCoverEachDayOnceAndAddUpToOne() {
    for (String code : codes) {
      Map<LocalDate, Double> byStart = new HashMap<>();
      LocalDate lastEnd = null;
      for (ProductMapping.Share s : mapping.of(code)) {
        assertThat(s.from()).isBefore(s.until());
        byStart.merge(s.from(), s.share(), Double::sum);
        if (lastEnd != null && !s.from().equals(lastEnd) && byStart.get(s.from()) == s.share()) {
          assertThat(s.from()).as(code).isAfterOrEqualTo(lastEnd);
        }
        lastEnd = s.until();
      }
      byStart.forEach((d, sum) -> assertThat(sum).as("%s from %s", code, d).isCloseTo(1.0, within(1e-9)));
    }
  }

  @Test
  void almostAllTradeFindsALine() {
    double all = 0;
    double mapped = 0;
    for (Flow f : Fixture.WEIGHTS.flows()) {
      all += f.value();
      if (!mapping.of(f.hts10()).isEmpty()) {
        mapped += f.value();
      }
    }
    // Chapter 98 special provisions and Census' 9999 estimates (about 4% of 2024 imports) have no product line.
    assertThat(mapped / all).isBetween(0.95, 0.99);
    List<String> unmapped = mapping.unmapped(codes);
    assertThat(unmapped).filteredOn(c -> c.startsWith("98")).isNotEmpty();
    // Outside chapters 98 and 99 only Census' own summary codes (such as 2918000000) find no line.
    assertThat(unmapped).filteredOn(c -> !c.startsWith("98") && !c.startsWith("99")).allMatch(c -> c.endsWith("000000"));
  }
}
