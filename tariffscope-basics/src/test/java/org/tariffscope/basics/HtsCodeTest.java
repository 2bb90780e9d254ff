package org.tariffscope.basics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HtsCodeTest {

  @ParameterizedTest
  @CsvSource({
      "8703.23.01.60, 8703230160, 8703.23.01.60",
      "8703230160,    8703230160, 8703.23.01.60",
      "8703.23.01,    87032301,   8703.23.01",
      "8703.23,       870323,     8703.23",
      "8703,          8703,       8703",
      "87,            87,         87",
      "' 9903.01.25 ', 99030125,  9903.01.25",
      "8703 23 01 60, 8703230160, 8703.23.01.60",
  })
  void parsesTheWrittenForms(String text, String digits, String printed) {
    HtsCode code = HtsCode.parse(text);
    assertThat(code.digits()).isEqualTo(digits);
    assertThat(code).hasToString(printed);
    assertThat(HtsCode.parse(code.toString())).isEqualTo(code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "8", "870", "87032", "87032301601", "8703.23.01.6x", "8703-23", "abc"})
  void rejectsMalformedCodesWithAMessage(String text) {
    assertThatThrownBy(() -> HtsCode.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("HTS code");
  }

  @ParameterizedTest
  @ValueSource(strings = {"8703.23", "8703 23", "87032x", "0"})
  void strictFactoryTakesDigitsOnly(String text) {
    assertThatThrownBy(() -> HtsCode.of(text)).isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @CsvSource({"8703, 8703230160, true", "870323, 8703230160, true", "8704, 8703230160, false",
      "8703230160, 8703230160, true", "8703230160, 8703, false"})
  void containsItsDescendants(String parent, String child, boolean expected) {
    assertThat(HtsCode.of(parent).contains(HtsCode.of(child))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"8703230160, 2, 87", "8703230160, 8, 8703.23.01", "87032301, 8, 8703.23.01"})
  void takesPrefixes(String code, int length, String expected) {
    assertThat(HtsCode.of(code).prefix(length)).hasToString(expected);
  }

  @Property
  void anyStringParsesOrFailsCleanly(@ForAll String text) {
    try {
      HtsCode code = HtsCode.parse(text);
      assertThat(code.length()).isIn(2, 4, 6, 8, 10);
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property
  void printedFormRoundTrips(@ForAll @NumericChars @StringLength(10) String digits,
      @ForAll @IntRange(min = 1, max = 5) int pairs) {
    HtsCode code = HtsCode.of(digits.substring(0, pairs * 2));
    assertThat(HtsCode.parse(code.toString())).isEqualTo(code);
    assertThat(HtsCode.parse(code.toString().replace(".", ""))).isEqualTo(code);
  }
}
