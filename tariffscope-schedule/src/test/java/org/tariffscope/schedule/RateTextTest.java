package org.tariffscope.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tariffscope.basics.Percent;
import org.tariffscope.basics.ValueBase;
import org.tariffscope.schedule.RateReading.Kind;

class RateTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Free                        | RATE    | Free",
      "2.5%                        | RATE    | 2.5%",
      "33 1/3%                     | RATE    | 33.3333333333333333%",
      "1.5¢/kg                     | RATE    | 1.5¢/kg",
      "$1.035/kg                   | RATE    | $1.035/kg",
      "68¢/head                    | RATE    | 68¢/head",
      "29¢ each                    | RATE    | 29¢ each",
      "2.2¢/kg + 3%                | RATE    | 2.2¢/kg + 3%",
      "2.2¢/kg  +  33.5%           | RATE    | 2.2¢/kg + 33.5%",
      "13.5¢/kg + 6.3% + 1.9¢/article | RATE | 13.5¢/kg + 1.9¢/article + 6.3%",
      "7.4¢/kg on drained weight   | RATE    | 7.4¢/kg on drained weight",
      "$3.08/pf. liter             | RATE    | $3.08/pf. liter",
      "5.1¢/clean kg               | RATE    | 5.1¢/clean kg",
      "$1.32/t, including weight of container | RATE | $1.32/t including weight of container",
      "86.1¢/m<sup>2</sup> of recording surface | RATE | 86.1¢/m2 of recording surface",
      "5% on the full value of the imported article | RATE | 5%",
      "70% on the entire set       | RATE    | 70%",
      "37% /                       | RATE    | 37%",
      "2.5% <u></u>                | RATE    | 2.5%",
      "$1/1,000 pins + 35%         | RATE    | $1/1000 pins + 35%",
  })
  void readsWholeArticleRates(String text, Kind kind, String printed) {
    RateReading r = RateText.parse(text);
    assertThat(r.kind()).isEqualTo(kind);
    assertThat(r.rate()).hasToString(printed);
  }

  @Test
  void componentRatesArePartialWithTheReason() {
    RateReading watch = RateText.parse("40¢ each + 5% on the case and strap, band or bracelet");
    assertThat(watch.kind()).isEqualTo(Kind.PARTIAL);
    assertThat(watch.rate()).hasToString("40¢ each");
    assertThat(watch.note()).contains("on the case and strap");

    RateReading sugar = RateText.parse("3.6606¢/kg less 0.020668¢/kg for each degree under 100 degrees "
        + "(and fractions of a degree in proportion) but not less than 3.143854¢/kg");
    assertThat(sugar.kind()).isEqualTo(Kind.PARTIAL);
    assertThat(sugar.rate()).hasToString("3.6606¢/kg");
    assertThat(sugar.note()).contains("polarity");
  }

  @Test
  void readsTheSpecialColumnByProgram() {
    RateReading r = RateText.parse("Free (A+,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)");
    assertThat(r.kind()).isEqualTo(Kind.PROGRAMS);
    assertThat(r.forProgram("S")).hasValueSatisfying(x -> assertThat(x.rate().isFree()).isTrue());
    assertThat(r.forProgram("JP")).isEmpty();

    RateReading mixed = RateText.parse("Free (BH,CL,JO,MA,OM,P,PE,SG) 12¢/kg (KR) See 9822.04.40 (AU) "
        + "See 9823.04.01-9823.04.54 (S+)");
    assertThat(mixed.programs()).hasSize(4);
    assertThat(mixed.forProgram("KR").orElseThrow().rate()).hasToString("12¢/kg");
    assertThat(mixed.forProgram("S+").orElseThrow().kind()).isEqualTo(Kind.REFERENCE);

    RateReading spaced = RateText.parse("Free \n(A+, AU, BH, CL, CO, D, E, IL, JO, KR, MA, OM,P, PA, PE, S, SG)");
    assertThat(spaced.forProgram("OM")).isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "The duty provided in the applicable subheading + 25%   | 25 | FULL",
      "The duty provided in the applicable subheading + 50%.  | 50 | FULL",
      "The duty provided in the applicable subheading +10%    | 10 | FULL",
      "The duty provided in the applicable subheading plus 25% | 25 | FULL",
      "The duty provided inthe applicable subheading+ 25%     | 25 | FULL",
      "The duty provided in the applicable subheading         | 0  | FULL",
      "The duty provided for in the applicable subheading     | 0  | FULL",
      "No change                                             | 0  | FULL",
      "The duty provided in the applicable subheading + a duty of 50% upon the value of the steel content. | 50 | STEEL_CONTENT",
      "The duty provided in the applicable subheading + a duty of 25% upon the value of the aluminum content | 25 | ALUMINUM_CONTENT",
      "The duty provided in the applicable subheading + a duty of 50% upon the value of the copper content | 50 | COPPER_CONTENT",
      "The duty provided in the applicable subheading + a duty of 25% upon the value of the non-U.S. content | 25 | NON_US_CONTENT",
      "The duty provided in subheadings 8716.39.00, 8716.90.30 or 8716.90.50 + 100% | 100 | FULL",
  })
  void readsChapter99AdditionalDuties(String text, BigDecimal pct, ValueBase base) {
    RateReading r = RateText.parseChapter99(text);
    assertThat(r.kind()).isEqualTo(Kind.ADDITIONAL);
    assertThat(r.rate().adValorem()).isEqualTo(Percent.of(pct));
    assertThat(r.base()).isEqualTo(base);
  }

  @Test
  void aBareRateOnAChapter99HeadingIsAnAllInTotal() {
    assertThat(RateText.parseChapter99("15%").kind()).isEqualTo(Kind.ALL_IN);
    assertThat(RateText.parseChapter99("15%").rate().adValorem()).isEqualTo(Percent.of(15));
    assertThat(RateText.parseChapter99("Free").kind()).isEqualTo(Kind.ALL_IN);
    assertThat(RateText.parse("15%").kind()).isEqualTo(Kind.RATE);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "The rate applicable to the natural juice in heading 2009 | REFERENCE",
      "See additional U.S. note 1                               | REFERENCE",
      "Free, under bond                                         | REFERENCE",
      "The duty rate provided in such subheading minus 0.5%     | REFERENCE",
      "A duty upon the value of the repairs or alterations (see U.S. note 3 of this subchapter) | OTHER_BASE",
      "3 percent of the fair retail value                       | OTHER_BASE",
      "50 percent of the cost of such goods or repairs          | OTHER_BASE",
      "''                                                       | BLANK",
      ":                                                        | BLANK",
  })
  void classifiesWhatItCannotCompute(String text, Kind kind) {
    RateReading r = RateText.parse(text);
    assertThat(r.kind()).isEqualTo(kind);
    if (kind != Kind.BLANK) {
      assertThat(r.note()).isNotBlank();
    }
  }

  @Test
  void reportsGibberishAsUnclassified() {
    RateReading r = RateText.parse("twenty-five percent-ish");
    assertThat(r.kind()).isEqualTo(Kind.UNCLASSIFIED);
    assertThat(r.note()).isNotBlank();
  }
}
