package org.tariffscope.basics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tariffscope.data.CsvTable;

class CountriesTest {
  private final Countries countries = Countries.standard();

  @ParameterizedTest
  @CsvSource({
      "JP, JP", "jp, JP", "JPN, JP", "5880, JP", "Japan, JP", "japan, JP",
      "South Korea, KR", "Republic of Korea, KR", "KOR, KR", "5800, KR",
      "UK, GB", "United Kingdom, GB", "GBR, GB", "Great Britain, GB",
      "Türkiye, TR", "Turkey, TR", "Viet Nam, VN", "Vietnam, VN",
      "China, CN", "Hong Kong, HK", "Taiwan, TW", "Canada, CA", "1220, CA", "Mexico, MX",
      "Germany, DE", "Côte d'Ivoire, CI", "Ivory Coast, CI", "Democratic Republic of the Congo, CD",
      "Republic of the Congo, CG", "Switzerland, CH", "Liechtenstein, LI", "Brazil, BR", "India, IN",
  })
  void acceptsCodesAndNames(String text, String iso2) {
    assertThat(countries.parse(text).iso2()).isEqualTo(iso2);
  }

  @Test
  void carriesAllCodes() {
    Country japan = countries.parse("Japan");
    assertThat(japan.iso3()).isEqualTo("JPN");
    assertThat(japan.censusCode()).isEqualTo("5880");
    assertThat(japan.name()).isEqualTo("Japan");
    assertThat(countries.parse("KR").name()).isEqualTo("South Korea");
    assertThat(countries.get(japan.index())).isEqualTo(japan);
  }

  @Test
  void coversTheCensusScheduleC() {
    assertThat(countries.size()).isBetween(235, 245);
    assertThat(countries.all()).extracting(Country::censusCode).doesNotHaveDuplicates();
    assertThat(countries.all()).extracting(Country::iso2).doesNotHaveDuplicates();
  }

  @Test
  void ambiguousNamesListTheCandidates() {
    assertThatThrownBy(() -> countries.parse("Korea"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Ambiguous")
        .hasMessageContaining("South Korea (KR)")
        .hasMessageContaining("North Korea (KP)");
    assertThatThrownBy(() -> countries.parse("Congo"))
        .hasMessageContaining("(CD)").hasMessageContaining("(CG)");
  }

  @Test
  void unknownNamesSuggestNearMisses() {
    assertThatThrownBy(() -> countries.parse("Japn"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Unknown country 'Japn'")
        .hasMessageContaining("Japan (JP)");
    InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
        () -> countries.parse("Atlantis"));
    assertThat(e.getMessage()).contains("Unknown country 'Atlantis'");
    assertThat(e.suggestions()).isEmpty();
    assertThatThrownBy(() -> countries.parse("")).hasMessageContaining("required");
  }

  @Test
  void groupsAreNotOrigins() {
    assertThat(countries.group("EU")).hasValueSatisfying(eu -> {
      assertThat(eu).hasSize(27);
      assertThat(eu).extracting(Country::iso2).contains("DE", "FR", "MT", "SK").doesNotContain("GB", "CH");
    });
    assertThat(countries.parseMembers("eu")).hasSize(27);
    assertThat(countries.parseMembers("JP")).containsExactly(countries.parse("JP"));
    assertThatThrownBy(() -> countries.parse("EU")).hasMessageContaining("group");
  }

  /**
   * The vendored eu27.csv gives Malta 4600 and Slovakia 4371; Census Schedule C (and the 2024 trade
   * data, where Slovakia appears as 4359) disagree. The EU group is defined by ISO code in
   * groups.csv and takes Census codes from Schedule C; this test records the discrepancy.
   */
  @Test
  void euMemberCensusCodesComeFromScheduleC() {
    CsvTable eu27 = CsvTable.embedded("data/countries/eu27.csv");
    assertThat(eu27.rows()).hasSize(27);
    assertThat(countries.parse("Malta").censusCode()).isEqualTo("4730");
    assertThat(countries.parse("Slovakia").censusCode()).isEqualTo("4359");
    assertThat(eu27.rows()).filteredOn(r -> r.get("CTY_NAME").equals("Malta"))
        .extracting(r -> r.get("CTY_CODE")).containsExactly("4600");
    long agreeing = eu27.rows().stream()
        .filter(r -> countries.byCensusCode(r.get("CTY_CODE")).map(c -> countries.group("EU").get().contains(c)).orElse(false))
        .count();
    assertThat(agreeing).isEqualTo(25);
  }
}
