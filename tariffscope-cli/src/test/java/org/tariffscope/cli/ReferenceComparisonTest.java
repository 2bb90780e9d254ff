package org.tariffscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare-reference} on the real data: the panel is built once (about two minutes on two
 * cores) into a temporary directory, then compared with the Budget Lab series in every format and
 * under the weighting options. The checkpoint table of docs/validation.md must match what the command
 * prints.
 */
class ReferenceComparisonTest {
  @TempDir
  static Path dir;

  static String db;

  @BeforeAll
  static void buildPanel() {
    db = dir.resolve("panel.duckdb").toString();
    CliRun r = CliRun.of("panel", "build", "--db", db, "--threads", "2");
    assertThat(r.exit()).as(r.err()).isZero();
  }

  /** The csv output, one map per day, keyed by column name. */
  private static List<Map<String, String>> csv(String... options) {
    String[] args = new String[options.length + 5];
    args[0] = "compare-reference";
    args[1] = "--db";
    args[2] = db;
    args[3] = "--format";
    args[4] = "csv";
    System.arraycopy(options, 0, args, 5, options.length);
    CliRun r = CliRun.of(args);
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    String[] head = lines.get(0).split(",");
    return lines.subList(1, lines.size()).stream().map(l -> {
      String[] cells = l.split(",", -1);
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < head.length; i++) {
        m.put(head[i], cells[i]);
      }
      return m;
    }).toList();
  }

  private static Map<String, String> day(List<Map<String, String>> rows, String date) {
    return rows.stream().filter(m -> m.get("date").equals(date)).findFirst().orElseThrow();
  }

  private static double num(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }

  @Test
  void csvHasEveryChangeDayAndTheCheckpointsWithAuthoritiesThatAddUp() {
    List<Map<String, String>> rows = csv();
    assertThat(rows).hasSizeGreaterThan(40);
    assertThat(rows.stream().filter(m -> m.get("checkpoint").equals("true")).map(m -> m.get("date")))
        .containsExactly("2025-04-10", "2025-07-17", "2025-10-17", "2026-01-01", "2026-03-01");
    assertThat(day(rows, "2025-10-17").get("their_change")).isEqualTo("false");
    for (Map<String, String> m : rows) {
      double ours = 0;
      double theirs = 0;
      for (String a : List.of("mfn", "section_232", "section_301", "ieepa_reciprocal", "ieepa_fentanyl", "section_122",
          "section_201", "other")) {
        ours += num(m, a + "_ours");
        theirs += num(m, a + "_theirs");
      }
      assertThat(ours).as(m.get("date")).isCloseTo(num(m, "ours_pct"), within(0.01));
      assertThat(theirs).as(m.get("date")).isCloseTo(num(m, "theirs_pct"), within(0.01));
      assertThat(num(m, "difference_pp")).isCloseTo(num(m, "ours_pct") - num(m, "theirs_pct"), within(0.0002));
    }
    // With the IEEPA duties gone and Section 122 not yet in force, the layers both models share agree closely.
    assertThat(num(day(rows, "2026-02-20"), "difference_pp")).isBetween(-0.5, 0.5);
  }

  @Test
  void tableAndJson() throws IOException {
    CliRun table = CliRun.of("compare-reference", "--db", db, "--by-authority");
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out()).contains("2025-10-17 *", "rev_25 (no change)", "IEEPA fentanyl", "docs/validation.md");
    CliRun json = CliRun.of("compare-reference", "--db", db, "--format", "json", "--date", "2025-12-01");
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(json.out());
    assertThat(doc.get("weighting").asText()).contains("2025 USMCA claim shares");
    assertThat(doc.get("days").findValuesAsText("date")).contains("2025-12-01", "2026-03-01");
    JsonNode first = doc.get("days").get(0);
    assertThat(first.get("by_authority").get("ieepa_reciprocal").has("difference_pp")).isTrue();
  }

  @Test
  void weightingOptionsMoveOnlyTheirLayers() throws IOException {
    Map<String, String> base = day(csv(), "2025-10-17");
    // Higher USMCA claims lower the Canada/Mexico fentanyl duty; the reciprocal (not charged on Canada and Mexico)
    // does not move.
    Map<String, String> h2 = day(csv("--usmca-utilisation", "0.87"), "2025-10-17");
    assertThat(num(h2, "ieepa_fentanyl_ours")).isLessThan(num(base, "ieepa_fentanyl_ours") - 0.5);
    assertThat(num(h2, "ieepa_reciprocal_ours")).isCloseTo(num(base, "ieepa_reciprocal_ours"), within(1e-6));
    assertThat(num(h2, "theirs_pct")).isEqualTo(num(base, "theirs_pct"));
    // Without preferences only the base rate moves, up.
    Map<String, String> noPref = day(csv("--no-mfn-preferences"), "2025-10-17");
    double mfnUp = num(noPref, "mfn_ours") - num(base, "mfn_ours");
    assertThat(mfnUp).isGreaterThan(0.1);
    assertThat(num(noPref, "ours_pct") - num(base, "ours_pct")).isCloseTo(mfnUp, within(0.001));
    // A shares file with no claims at all: every Canadian and Mexican entry pays the fentanyl duty.
    Path none = dir.resolve("no-claims.csv");
    Files.writeString(none, "hts10,cty_code,usmca_share\n0101210010,1220,0\n", StandardCharsets.UTF_8);
    Map<String, String> noClaims = day(csv("--usmca-shares", none.toString()), "2025-10-17");
    assertThat(num(noClaims, "ieepa_fentanyl_ours")).isGreaterThan(num(base, "ieepa_fentanyl_ours") + 1);
    // Bad input: clear message, non-zero exit.
    CliRun missing = CliRun.of("compare-reference", "--db", db, "--usmca-shares", dir.resolve("nope.csv").toString());
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("Cannot read the USMCA shares file");
    CliRun share = CliRun.of("compare-reference", "--db", db, "--usmca-utilisation", "1.5");
    assertThat(share.exit()).isEqualTo(1);
    assertThat(share.err()).contains("between 0 and 1");
    CliRun outside = CliRun.of("compare-reference", "--db", db, "--date", "2024-12-31");
    assertThat(outside.exit()).isEqualTo(1);
    assertThat(outside.err()).contains("outside");
  }

  @Test
  void etrTakesTheSameWeightingOptions() throws IOException {
    Map<String, String> h2 = day(csv("--usmca-utilisation", "0.87"), "2025-10-17");
    CliRun etr = CliRun.of("etr", "--db", db, "--date", "2025-10-17", "--by", "authority", "--usmca-utilisation", "0.87",
        "--format", "json");
    assertThat(etr.exit()).as(etr.err()).isZero();
    JsonNode rows = new ObjectMapper().readTree(etr.out());
    double fentanyl = 0;
    for (JsonNode r : rows) {
      if (r.get("key").asText().equals("ieepa_fentanyl")) {
        fentanyl = r.get("total_pct").asDouble();
      }
    }
    assertThat(fentanyl).isCloseTo(num(h2, "ieepa_fentanyl_ours"), within(0.001));
    CliRun byCountry = CliRun.of("etr", "--db", db, "--date", "2025-10-17", "--by", "country", "--no-mfn-preferences");
    assertThat(byCountry.exit()).isEqualTo(1);
    assertThat(byCountry.err()).contains("overall rate and --by authority only");
  }

  @Test
  void drawsBothSeries() throws IOException {
    Path png = dir.resolve("reference.png");
    CliRun r = CliRun.of("compare-reference", "--db", db, "--chart", png.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).isGreaterThan(10_000);
    assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  /**
   * docs/validation.md prints the checkpoint rows of the comparison: they must be today's numbers, as
   * the table format prints them (its difference is rounded from unrounded rates, so re-rounding the
   * four-decimal CSV could differ in the last digit).
   */
  @Test
  void validationDocShowsTheCurrentCheckpointNumbers() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "validation.md"), StandardCharsets.UTF_8);
    CliRun r = CliRun.of("compare-reference", "--db", db);
    assertThat(r.exit()).as(r.err()).isZero();
    List<String[]> checkpoints = r.out().lines().filter(l -> l.matches("\\d{4}-\\d{2}-\\d{2} \\*.*"))
        .map(l -> l.trim().split("\\s+")).toList();
    assertThat(checkpoints).hasSize(5);
    for (String[] cells : checkpoints) {
      int n = cells.length;
      String row = String.format(Locale.ROOT, "| %s | %s | %s | %s |", cells[0], cells[n - 3], cells[n - 2],
          cells[n - 1]);
      assertThat(doc).as("docs/validation.md is stale: rerun tariffscope compare-reference").contains(row);
    }
  }
}
