package org.tariffscope.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.InvalidInputException;

/** The streaming reader takes the fields it uses and skips everything else, whatever its shape. */
class HtsJsonReaderTest {
  private static final RevisionInfo INFO = new RevisionInfo("test", LocalDate.of(2025, 1, 1), "",
      new RevisionSource.Embedded("test.json"));

  private static HtsRevision read(String json) throws Exception {
    return HtsJsonReader.read(INFO, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsTheFieldsItUsesAndSkipsTheRest() throws Exception {
    HtsRevision rev = read("""
        [
          {"htsno": "8703", "indent": "0", "description": "Motor cars", "quotaQuantity": {"a": [1, {"b": 2}]},
           "additionalDuties": null, "units": [], "general": "", "footnotes": []},
          {"htsno": "8703.23.01", "indent": 1, "description": "Of a cylinder capacity <i>over</i>  1,500 cc",
           "units": null, "general": "2.5%", "special": "Free (A,KR)", "other": "10%",
           "footnotes": [{"columns": ["general"], "value": "See 9903.88.01 and 9903.94.01.", "type": "endnote",
                          "marker": 1}, null, {"columns": ["other"], "value": "  "}]},
          {"htsno": "8703.23.01.60", "indent": 2, "description": "Other", "units": ["No.", null], "general": ""},
          {"htsno": "8703.23.01.90", "indent": 2, "description": "Odd", "units": {"unit": "No."}, "footnotes": {"a": 1}}
        ]
        """);
    assertThat(rev.size()).isEqualTo(4);
    assertThat(rev.line(HtsCode.parse("8703.23.01.90")).orElseThrow().units()).isEmpty();
    HtsLine car = rev.line(HtsCode.parse("8703.23.01.60")).orElseThrow();
    assertThat(car.rateLine()).isEqualTo(HtsCode.parse("8703.23.01"));
    assertThat(car.general()).isEqualTo("2.5%");
    assertThat(car.other()).isEqualTo("10%");
    assertThat(car.units()).containsExactly("No.");
    assertThat(car.path()).containsExactly("Motor cars", "Of a cylinder capacity over 1,500 cc", "Other");
    assertThat(car.footnotes()).singleElement().satisfies(f -> {
      assertThat(f.columns()).containsExactly("general");
      assertThat(f.chapter99()).containsExactly(HtsCode.parse("9903.88.01"), HtsCode.parse("9903.94.01"));
    });
    assertThat(rev.linesUnder(HtsCode.parse("870323"))).extracting(l -> l.code().digits())
        .containsExactly("87032301", "8703230160", "8703230190");
  }

  @Test
  void aCodePrintedTwiceKeepsItsFirstLine() throws Exception {
    HtsRevision rev = read("""
        [{"htsno": "0101", "indent": "0", "description": "Live horses"},
         {"htsno": "0101", "indent": "0", "description": "Live horses (continued)"},
         {"htsno": "0101.21.00", "indent": "1", "description": "Purebred", "general": "Free"}]
        """);
    assertThat(rev.lines()).hasSize(3);
    assertThat(rev.size()).isEqualTo(2);
    assertThat(rev.line(HtsCode.parse("0101")).orElseThrow().description()).isEqualTo("Live horses");
  }

  @Test
  void refusesWhatIsNotAnExport() {
    assertThatThrownBy(() -> read("{\"htsno\": \"0101\"}")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected a JSON array");
    assertThatThrownBy(() -> read("[{\"description\": \"no numbers here\"}]")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no numbered HTS lines");
  }
}
