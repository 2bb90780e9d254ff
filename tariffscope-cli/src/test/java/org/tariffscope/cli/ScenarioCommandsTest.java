package org.tariffscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** simulate, compare and scenario: good runs, and bad input that gets one line, a non-zero exit and no output. */
class ScenarioCommandsTest {
  @TempDir
  Path dir;

  @Test
  void checkAShippedScenarioByNameAndByPath() {
    CliRun byName = CliRun.of("scenario", "check", "japan-offer");
    assertThat(byName.exit()).as(byName.err()).isZero();
    assertThat(byName.out()).startsWith("ok: japan-offer - (d) Japan's offer")
        .contains("base japan-status-quo-april, partner Japan").contains("1 purchase commitment(s), 1 barrier cut(s)")
        .contains("change 9903.81.87-9903.81.91 for JP from 2025-06-04");
    CliRun byPath = CliRun.of("scenario", "check", "../scenarios/japan-24pct-july.yaml");
    assertThat(byPath.exit()).as(byPath.err()).isZero();
    CliRun list = CliRun.of("scenario", "list");
    assertThat(list.out()).contains("japan-deal", "japan-autos-stacked");
  }

  @Test
  void checkABadFileListsEveryErrorWithItsLine() throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "name: bad\nevaluate: { date: 2025-10-01 }\npartner: Japn\nedits:\n  - end: 9903.99.99\n    on: 2025-07-09\n");
    CliRun r = CliRun.of("scenario", "check", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("bad.yaml:3: partner: Unknown country 'Japn'").contains("bad.yaml:5: end end: no measure has heading 9903.99.99");
  }

  @Test
  void simulateABadFileFailsOnOneLineWithoutOutput() throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "name: bad\nevaluate: { date: 2025-10-01 }\nmodel: { tariff_pass_through: 2 }\n");
    CliRun r = CliRun.of("simulate", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).startsWith("error: ").contains("bad.yaml:3: model tariff_pass_through: out of range")
        .doesNotContain("\n").doesNotContain("Exception");
  }

  @Test
  void badOptionsFailBeforeAnyWork() {
    CliRun unknown = CliRun.of("simulate", "japan-dael");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("No scenario file or shipped scenario 'japan-dael'");
    CliRun format = CliRun.of("simulate", "japan-deal", "--format", "xml");
    assertThat(format.exit()).isEqualTo(1);
    assertThat(format.err()).contains("Unknown --format 'xml'");
    CliRun chart = CliRun.of("simulate", "japan-deal", "--chart", "out.gif");
    assertThat(chart.err()).contains("A chart is a .png or .svg file");
    CliRun draws = CliRun.of("compare", "japan-deal", "japan-offer", "--draws", "-3");
    assertThat(draws.exit()).isEqualTo(1);
    assertThat(draws.out()).isEmpty();
    CliRun one = CliRun.of("compare", "japan-deal");
    assertThat(one.exit()).isEqualTo(2);
  }

  @Test
  void simulateAsJsonWithAChartThenCompareAsCsv() throws IOException {
    Path png = dir.resolve("deal.png");
    CliRun r = CliRun.of("simulate", "japan-deal", "--draws", "20", "--format", "json", "--chart", png.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("scenario").get("name").asText()).isEqualTo("japan-deal");
    assertThat(json.get("draws").asInt()).isEqualTo(20);
    JsonNode partner = json.get("headline").get("partner_imports_after_busd");
    assertThat(partner.get("p5").asDouble()).isLessThan(partner.get("p95").asDouble());
    assertThat(json.get("by_origin").get(0).has("before_busd")).isTrue();
    assertThat(Files.size(png)).isGreaterThan(10_000);

    CliRun csv = CliRun.of("compare", "japan-deal", "japan-24pct-july", "--format", "csv");
    assertThat(csv.exit()).as(csv.err()).isZero();
    String[] lines = csv.out().split("\n");
    assertThat(lines[0]).isEqualTo("metric,label,unit,japan-deal,japan-24pct-july,japan-24pct-july_minus_japan-deal");
    assertThat(csv.out()).contains("\npartner_imports_after_busd,").contains("\nbalance_after_busd,");
  }
}
