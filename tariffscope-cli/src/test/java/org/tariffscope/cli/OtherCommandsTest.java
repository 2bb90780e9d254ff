package org.tariffscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class OtherCommandsTest {

  @Test
  void timelineShowsThePauseOfAprilNinth() throws IOException {
    CliRun r = CliRun.of("timeline", "--hts", "8429.52.10.10", "--origin", "JP", "--from", "2025-03-01", "--to",
        "2025-05-01", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode steps = new ObjectMapper().readTree(r.out());
    assertThat(steps.findValuesAsText("from")).containsExactly("2025-03-01", "2025-04-05", "2025-04-09", "2025-04-10");
    assertThat(steps.get(2).get("total_ad_valorem_pct").decimalValue()).isEqualByComparingTo("24");
    assertThat(steps.get(2).get("change").asText()).contains("9903.01.53").contains("added");
    assertThat(steps.get(3).get("total_ad_valorem_pct").decimalValue()).isEqualByComparingTo("10");
  }

  @Test
  void timelineFollowsAClaimedAgreement() {
    // A Korean T-shirt (general 16.5%, KORUS free): with KORUS claimed, the Korea floor of 2025-11-14 (9903.02.80)
    // replaces the +15% and keeps the total at 15%; without the claim, 16.5% is above the floor and nothing is added.
    CliRun korus = CliRun.of("timeline", "--hts", "6109.10.00.12", "--origin", "KR", "--from", "2025-10-01", "--to",
        "2026-02-19", "--preference", "KR", "--format", "csv");
    assertThat(korus.exit()).as(korus.err()).isZero();
    assertThat(korus.out().lines().skip(1).toList()).satisfiesExactly(
        l -> assertThat(l).startsWith("2025-10-01,2025-11-14,15,9903.02.56 +15%"),
        l -> assertThat(l).startsWith("2025-11-14,,15,9903.02.80 +15%"));
    CliRun general = CliRun.of("timeline", "--hts", "6109.10.00.12", "--origin", "KR", "--from", "2025-10-01", "--to",
        "2026-02-19", "--format", "csv");
    assertThat(general.out().lines().skip(1).toList()).satisfiesExactly(
        l -> assertThat(l).startsWith("2025-10-01,2025-11-14,31.5,"),
        l -> assertThat(l).startsWith("2025-11-14,,16.5,9903.02.79 +0%"));
    // A claim the engine cannot honour is said, not dropped in silence.
    CliRun japan = CliRun.of("timeline", "--hts", "6109.10.00.12", "--origin", "JP", "--from", "2025-10-01", "--to",
        "2025-10-31", "--preference", "KR", "--format", "csv");
    assertThat(japan.exit()).isZero();
    assertThat(japan.err()).contains("note: ").contains("claimed for goods of Japan: ignored");
    assertThat(CliRun.of("timeline", "--hts", "6109.10.00.12", "--origin", "JP", "--from", "2025-10-01", "--to",
        "2025-10-31", "--preference", "KR").out()).contains("Note: ").contains("ignored");
  }

  @Test
  void timelineTableAndCsv() {
    CliRun table = CliRun.of("timeline", "--hts", "8429.52.10.10", "--origin", "JP", "--to", "2025-06-01");
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out()).contains("2025-04-09", "24%");
    CliRun csv = CliRun.of("timeline", "--hts", "8429.52.10.10", "--origin", "JP", "--to", "2025-06-01", "--format", "csv");
    assertThat(csv.out()).startsWith("from,until,total_ad_valorem_pct,headings,change,revision");
    CliRun bad = CliRun.of("timeline", "--hts", "8429.52.10.10", "--origin", "JP", "--from", "2025-06-01", "--to", "2025-01-01");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("before --from");
  }

  @Test
  void htsShowSearchAndRevisions() {
    CliRun show = CliRun.of("hts", "show", "8703.23.01.60", "--date", "2025-04-06");
    assertThat(show.exit()).as(show.err()).isZero();
    assertThat(show.out()).contains("General: 2.5% (from 8703.23.01)", "Units: No.", "See 9903.88.01");
    CliRun heading = CliRun.of("hts", "show", "9903.01.25", "--date", "2025-04-06");
    assertThat(heading.out()).contains("+ 10%").contains("Modelled by");
    CliRun search = CliRun.of("hts", "search", "hydraulic", "backhoes");
    assertThat(search.out()).contains("8429.52.10.10");
    CliRun none = CliRun.of("hts", "search", "unobtainium");
    assertThat(none.exit()).isEqualTo(1);
    CliRun revs = CliRun.of("hts", "revisions");
    assertThat(revs.out()).contains("2025_basic", "2026_rev_10");
    CliRun unknown = CliRun.of("hts", "show", "0101.99");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("not in revision");
  }

  @Test
  void measuresFilterByDateOriginAndHeading() {
    CliRun r = CliRun.of("measures", "--date", "2025-04-09", "--origin", "Vietnam", "--heading", "9903.01");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("9903.01.25").contains("46%");
    CliRun json = CliRun.of("measures", "--heading", "9903.94.01", "--format", "json");
    assertThat(json.out()).contains("\"authority\" : \"section_232\"").contains("Proclamation 10908");
    CliRun bad = CliRun.of("measures", "--authority", "section_999");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("Unknown authority");
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] cmd : new String[][] {{"--help"}, {"duty", "--help"}, {"timeline", "--help"}, {"measures", "--help"},
        {"hts", "--help"}, {"hts", "show", "--help"}, {"hts", "search", "--help"}, {"serve", "--help"}}) {
      CliRun r = CliRun.of(cmd);
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("Usage:");
    }
  }
}
