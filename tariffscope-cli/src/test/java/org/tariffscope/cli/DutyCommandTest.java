package org.tariffscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DutyCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void explainsAJapaneseCarAsATable() {
    CliRun r = CliRun.of("duty", "--hts", "8703.23.01.60", "--origin", "Japan", "--date", "2025-04-06", "--value", "40000");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("9903.94.01", "Section 232", "27.5%", "$11,000.00", "Proclamation", "10908", "90 FR 14705")
        .contains("Considered, not applied").contains("9903.01.25").contains("Section 232 article");
  }

  @Test
  void jsonUsesTheDocumentedFieldNames() throws IOException {
    CliRun r = CliRun.of("duty", "--hts", "8703230160", "--origin", "JPN", "--date", "2025-04-06", "--value", "40000",
        "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("hts10").asText()).isEqualTo("8703.23.01.60");
    assertThat(j.get("origin_iso2").asText()).isEqualTo("JP");
    assertThat(j.get("date").asText()).isEqualTo("2025-04-06");
    assertThat(j.get("revision").asText()).isEqualTo("2025_rev_9");
    assertThat(j.get("mfn_ad_valorem_pct").decimalValue()).isEqualByComparingTo("2.5");
    assertThat(j.has("mfn_specific")).isTrue();
    assertThat(j.get("mfn_specific").isNull()).isTrue();
    assertThat(j.get("additional")).hasSize(1);
    JsonNode line = j.get("additional").get(0);
    assertThat(line.get("heading").asText()).isEqualTo("9903.94.01");
    assertThat(line.get("authority").asText()).isEqualTo("section_232");
    assertThat(line.get("rate_pct").decimalValue()).isEqualByComparingTo("25");
    assertThat(line.get("citation").asText()).contains("Proclamation 10908");
    assertThat(j.get("not_applied").findValuesAsText("heading")).contains("9903.01.25");
    assertThat(j.get("not_applied").get(0).get("reason").asText()).isNotBlank();
    assertThat(j.get("total_ad_valorem_pct").decimalValue()).isEqualByComparingTo("27.5");
    assertThat(j.get("duty_usd").decimalValue()).isEqualByComparingTo("11000");
    assertThat(j.has("error")).isFalse();
  }

  @Test
  void metalsCanBeDeclaredOneByOneOnTheCommandLineAndInABatch(@TempDir Path dir) throws IOException {
    JsonNode split = JSON.readTree(CliRun.of("duty", "--hts", "8418.10.00.10", "--origin", "TH", "--date", "2025-09-01",
        "--steel-content", "10", "--aluminum-content", "5", "--format", "json").out());
    assertThat(split.get("additional").findValuesAsText("heading")).contains("9903.81.91", "9903.85.08", "9903.02.61");
    assertThat(split.get("total_ad_valorem_pct").decimalValue()).isEqualByComparingTo("23.65");
    JsonNode once = JSON.readTree(CliRun.of("duty", "--hts", "8418.10.00.10", "--origin", "TH", "--date", "2025-09-01",
        "--metal-content", "10", "--format", "json").out());
    assertThat(once.get("additional").findValuesAsText("heading")).doesNotContain("9903.85.08");
    assertThat(once.get("total_ad_valorem_pct").decimalValue()).isEqualByComparingTo("22.1");
    Path csv = dir.resolve("metals.csv");
    Files.writeString(csv, "hts,origin,date,steel_content_pct,aluminum_content_pct\n"
        + "8418.10.00.10,TH,2025-09-01,10,5\n8418.10.00.10,TH,2025-09-01,70,40\n");
    CliRun r = CliRun.of("duty", "--input", csv.toString(), "--format", "csv");
    assertThat(r.out()).contains("23.65").contains("more than the whole value");
  }

  @Test
  void canadianBackhoePaysFentanylUnlessUsmcaIsClaimed() throws IOException {
    JsonNode plain = JSON.readTree(CliRun.of("duty", "--hts", "8429.52.10.10", "--origin", "CA", "--date", "2025-04-06",
        "--format", "json").out());
    assertThat(plain.get("additional").findValuesAsText("heading")).contains("9903.01.10").doesNotContain("9903.01.25");
    assertThat(plain.get("total_ad_valorem_pct").decimalValue()).isEqualByComparingTo("25");
    JsonNode usmca = JSON.readTree(CliRun.of("duty", "--hts", "8429.52.10.10", "--origin", "CA", "--date", "2025-04-06",
        "--usmca", "--format", "json").out());
    assertThat(usmca.get("total_ad_valorem_pct").decimalValue()).isEqualByComparingTo("0");
    assertThat(usmca.get("not_applied").findValuesAsText("heading")).contains("9903.01.10");
  }

  @Test
  void aFreeTradeAgreementClaimedReplacesColumnOneGeneral(@TempDir Path dir) throws IOException {
    JsonNode cafta = JSON.readTree(CliRun.of("duty", "--hts", "6109.10.00.12", "--origin", "HN", "--date", "2025-10-17",
        "--preference", "P", "--format", "json").out());
    assertThat(cafta.get("mfn_column").asText()).isEqualTo("special:P");
    assertThat(cafta.get("total_ad_valorem_pct").decimalValue()).isEqualByComparingTo("10");
    CliRun gsp = CliRun.of("duty", "--hts", "6109.10.00.12", "--origin", "HN", "--date", "2025-10-17", "--preference", "A");
    assertThat(gsp.exit()).isEqualTo(Tariffscope.BAD_INPUT);
    assertThat(gsp.err()).contains("not modelled").doesNotContain("Exception");

    Path in = dir.resolve("entries.csv");
    Files.writeString(in, "hts,origin,date,preference\n6109.10.00.12,HN,2025-10-17,P\n6109.10.00.12,HN,2025-10-17,\n"
        + "6109.10.00.12,HN,2025-10-17,ZZ\n6109.10.00.12,VN,2025-10-17,KR\n", StandardCharsets.UTF_8);
    List<String> lines = CliRun.of("duty", "--input", in.toString(), "--format", "csv").out().lines().toList();
    assertThat(lines.get(1)).startsWith("2,6109.10.00.12,HN,2025-10-17,").contains(",9903.01.25:10,10,");
    assertThat(lines.get(2)).startsWith("3,6109.10.00.12,HN,2025-10-17,").contains(",9903.01.25:10,26.5,");
    assertThat(lines.get(3)).startsWith("4,").contains("Unknown special program 'ZZ'");
    assertThat(lines.get(4)).startsWith("5,6109.10.00.12,VN,").contains("claimed for goods of Vietnam: ignored");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "malformed code      | 8703.2x        | JP     | 2025-04-06 | Not an HTS code",
      "unknown code        | 8703.23.01.99  | JP     | 2025-04-06 | nearest codes: 8703.23.01",
      "heading not a line  | 8703           | JP     | 2025-04-06 | 8703 is a heading",
      "chapter 99 heading  | 9903.01.25     | JP     | 2025-04-06 | Chapter 99 heading",
      "before the data     | 8703.23.01.60  | JP     | 2024-12-31 | from 2025-01-01",
      "bad date            | 8703.23.01.60  | JP     | 2025-13-01 | Not a date",
      "unknown country     | 8703.23.01.60  | Japn   | 2025-04-06 | did you mean Japan (JP)",
      "ambiguous country   | 8703.23.01.60  | Korea  | 2025-04-06 | Ambiguous country",
  })
  void badInputGetsOneLineAndANonZeroExit(String what, String hts, String origin, String date, String message) {
    CliRun r = CliRun.of("duty", "--hts", hts, "--origin", origin, "--date", date);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("error:").contains(message).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
  }

  @Test
  void negativeValueIsRejected() {
    CliRun r = CliRun.of("duty", "--hts", "8703.23.01.60", "--origin", "JP", "--date", "2025-04-06", "--value", "-5");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("negative");
  }

  @Test
  void aDateAfterTheDataIsAnsweredWithAWarning() {
    CliRun r = CliRun.of("duty", "--hts", "8429.52.10.10", "--origin", "JP", "--date", "2026-11-27");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("2026_rev_10").contains("The shipped schedule ends with revision 2026_rev_10");
  }

  @Test
  void missingOptionsAreAUsageError() {
    CliRun r = CliRun.of("duty", "--hts", "8703.23.01.60");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required");
  }

  @Test
  void batchKeepsGoodRowsAndReportsBadOnesInOrder(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("entries.csv");
    Files.writeString(in, String.join("\n",
        "hts,origin,date,value,usmca",
        "8703.23.01.60,JP,2025-04-06,40000,",
        "8703.2x,JP,2025-04-06,1,",
        "8429.52.10.10,Canada,2025-04-06,1000,yes",
        "8429.52.10.10,Atlantis,2025-04-06,1000,",
        "8429.52.10.10,JP,2025-04-09,100,",
        "a,b,c,d,e,f,g"), StandardCharsets.UTF_8);
    Path out = dir.resolve("out.csv");
    CliRun r = CliRun.of("duty", "--input", in.toString(), "--format", "csv", "--output", out.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("3 entries priced, 3 with errors");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("line,hts10,origin_iso2,date,revision,mfn_ad_valorem_pct,mfn_specific,additional,"
        + "total_ad_valorem_pct,duty_usd,notes,error");
    assertThat(lines).hasSize(7);
    assertThat(lines.get(1)).startsWith("2,8703.23.01.60,JP,2025-04-06,2025_rev_9,2.5,,9903.94.01:25,27.5,11000.00,");
    assertThat(lines.get(2)).startsWith("3,").contains("Not an HTS code");
    assertThat(lines.get(3)).startsWith("4,8429.52.10.10,CA,").contains(",0,0.00,");
    assertThat(lines.get(4)).startsWith("5,").contains("Unknown country 'Atlantis'");
    assertThat(lines.get(5)).startsWith("6,8429.52.10.10,JP,2025-04-09,").contains("9903.01.53:24,24,24.00");
    assertThat(lines.get(6)).startsWith("7,").contains("malformed CSV row");
  }

  @Test
  void batchAsJsonAndAnUnwritableOutputLeavesNothingBehind(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("entries.csv");
    Files.writeString(in, "hts,origin,date\n8429.52.10.10,JP,2025-04-10\n", StandardCharsets.UTF_8);
    CliRun r = CliRun.of("duty", "--input", in.toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j).hasSize(1);
    assertThat(j.get(0).get("total_ad_valorem_pct").decimalValue()).isEqualByComparingTo("10");

    CliRun bad = CliRun.of("duty", "--input", in.toString(), "--output", dir.resolve("no/such/dir/out.csv").toString());
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("Cannot write");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("entries.csv");
    }
  }

  @Test
  void aMissingInputFileIsAClearError() {
    CliRun r = CliRun.of("duty", "--input", "/no/such/file.csv");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("Cannot read the input file");
  }
}
