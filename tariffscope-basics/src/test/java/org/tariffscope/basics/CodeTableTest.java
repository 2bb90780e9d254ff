package org.tariffscope.basics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class CodeTableTest {

  /** The table answers exactly what a HashMap of the same entries answers, for present and absent codes. */
  @Property
  void answersLikeAHashMap(
      @ForAll @Size(max = 300) Set<@NumericChars @StringLength(min = 1, max = 10) String> present,
      @ForAll @Size(max = 100) Set<@NumericChars @StringLength(min = 1, max = 10) String> probes) {
    Map<String, Integer> map = new HashMap<>();
    int i = 0;
    for (String code : present) {
      map.put(code, i++);
    }
    CodeTable<Integer> table = CodeTable.of(map);
    assertThat(table.size()).isEqualTo(map.size());
    for (String code : present) {
      assertThat(table.get(code)).isEqualTo(map.get(code));
      assertThat(table.get(CodeTable.key(code))).isEqualTo(map.get(code));
    }
    for (String code : probes) {
      assertThat(table.get(code)).isEqualTo(map.get(code));
    }
  }

  @Test
  void leadingZerosAndLengthsAreDifferentCodes() {
    CodeTable<String> table = CodeTable.of(Map.of("0101", "live horses", "101", "three digits", "01", "chapter 1"));
    assertThat(table.get("0101")).isEqualTo("live horses");
    assertThat(table.get("101")).isEqualTo("three digits");
    assertThat(table.get("01")).isEqualTo("chapter 1");
    assertThat(table.get("1")).isNull();
    assertThat(table.get("010100")).isNull();
  }

  @Test
  void prefixKeysMatchTheKeysOfTheirDigits() {
    String code = "8703230160";
    long value = 0;
    for (int len = 1; len <= code.length(); len++) {
      value = value * 10 + (code.charAt(len - 1) - '0');
      assertThat(CodeTable.key(value, len)).isEqualTo(CodeTable.key(code.substring(0, len)));
    }
  }

  @Test
  void notDigitsAreAbsentOrRefused() {
    CodeTable<String> table = CodeTable.of(Map.of("87", "vehicles"));
    assertThat(table.get("8a")).isNull();
    assertThat(table.get("")).isNull();
    assertThat(table.get("1234567890123456789")).isNull();
    assertThatThrownBy(() -> CodeTable.key("87.03")).isInstanceOf(IllegalArgumentException.class);
    assertThat(CodeTable.of(Map.of()).isEmpty()).isTrue();
    assertThat(CodeTable.of(Map.of()).get("87")).isNull();
  }
}
