package org.tariffscope.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The panel's rows are written as text and read back by DuckDB: every rate must come back as the same float. */
class RowTextTest {

  private static String text(float v) {
    return new RowText(4).rate(v).toString();
  }

  @Property
  void anyRateReadsBackAsTheSameFloat(@ForAll @FloatRange(min = -2000, max = 2000) float v) {
    assertThat(Float.parseFloat(text(v))).isEqualTo(v);
  }

  @Property
  void ratesWithFourDecimalsOrFewerReadBackAndStayShort(@ForAll @IntRange(min = -9_999_999, max = 9_999_999) int k) {
    float v = k / 10_000f;
    String t = text(v);
    assertThat(Float.parseFloat(t)).isEqualTo(v);
    // at most the digits of k, a sign, "0." and leading zeros of the decimals; never an exponent
    assertThat(t).doesNotContain("E").hasSizeLessThanOrEqualTo(Integer.toString(k).length() + 5);
  }

  @Property
  void integersAreWrittenAsJavaWritesThem(@ForAll int v) {
    assertThat(new RowText(1).integer(v).toString()).isEqualTo(Integer.toString(v));
  }

  @Test
  void aRowIsItsPartsInOrder() {
    RowText row = new RowText(8).ascii("8703230190").character(',').integer(0).character(',').rate(27.5f);
    assertThat(row.toString()).isEqualTo("8703230190,0,27.5");
    assertThat(row.size()).isEqualTo(17);
    row.clear();
    assertThat(row.toString()).isEmpty();
  }

  @Test
  void commonRatesAreWrittenAsAPersonWould() {
    assertThat(text(25f)).isEqualTo("25");
    assertThat(text(2.5f)).isEqualTo("2.5");
    assertThat(text(0.0625f)).isEqualTo("0.0625");
    assertThat(text(0.05f)).isEqualTo("0.05");
    assertThat(text(6.8f)).isEqualTo("6.8");
    assertThat(text(-0.5f)).isEqualTo("-0.5");
    assertThat(text(17.5f + 0.6875f)).isEqualTo("18.1875");
    assertThat(text(1f / 3)).isEqualTo(Float.toString(1f / 3));
  }
}
