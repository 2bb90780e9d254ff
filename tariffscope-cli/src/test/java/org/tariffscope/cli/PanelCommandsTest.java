package org.tariffscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The panel commands end to end: the first {@code etr} builds the panel into a temporary file, the
 * other commands read it. Bad input must give one clear line, a non-zero exit and no partial file.
 */
class PanelCommandsTest {
  @TempDir
  static Path dir;
  private static String db;
  private static CliRun first;

  @BeforeAll
  static void buildOnFirstUse() {
    db = dir.resolve("panel.duckdb").toString();
    first = CliRun.of("etr", "--date", "2025-04-10", "--db", db);
  }

  @Test
  void theFirstQuestionBuildsThePanelWithProgress() {
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.err()).contains("No panel at", "building it", "/ 19,9");
    assertThat(first.out()).contains("2025-04-10", "ETR %");
    CliRun again = CliRun.of("panel", "build", "--db", db);
    assertThat(again.exit()).isZero();
    assertThat(again.out()).contains("up to date");
  }

  @Test
  void etrByCountryAsJsonAddsUp() throws IOException {
    CliRun r = CliRun.of("etr", "--date", "2025-10-17", "--origin", "Japan,CN", "--format", "json", "--db", db);
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode rows = new ObjectMapper().readTree(r.out());
    assertThat(rows).hasSize(2);
    for (JsonNode row : rows) {
      double parts = 0;
      for (JsonNode v : row.get("by_authority")) {
        parts += v.asDouble();
      }
      assertThat(parts).isCloseTo(row.get("total_pct").asDouble(), org.assertj.core.data.Offset.offset(0.01));
    }
  }

  @Test
  void aSeriesIsDailyAndDrawsCharts(@TempDir Path out) throws IOException {
    Path png = out.resolve("etr.png");
    CliRun r = CliRun.of("etr", "series", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "csv", "--chart",
        png.toString(), "--db", db);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines().count()).isEqualTo(1 + 365);
    byte[] head = Files.readAllBytes(png);
    assertThat(head.length).isGreaterThan(10_000);
    assertThat(new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    Path svg = out.resolve("countries.svg");
    CliRun c = CliRun.of("etr", "series", "--from", "2025-03-01", "--to", "2025-06-30", "--by", "country", "--origin",
        "CN,MX,CA", "--chart", svg.toString(), "--db", db);
    assertThat(c.exit()).as(c.err()).isZero();
    assertThat(Files.readString(svg)).startsWith("<?xml").contains("China");
  }

  @Test
  void sqlIsReadOnlyAndExplainsItsErrors() {
    CliRun ok = CliRun.of("sql", "SELECT count(*) AS n FROM countries", "--format", "csv", "--db", db);
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out()).startsWith("n\n");
    CliRun write = CliRun.of("sql", "DELETE FROM panel_rows", "--db", db);
    assertThat(write.exit()).isEqualTo(1);
    assertThat(write.err()).contains("read-only").doesNotContain("Exception");
    CliRun typo = CliRun.of("sql", "SELECT * FROM panle", "--db", db);
    assertThat(typo.exit()).isEqualTo(1);
    assertThat(typo.err()).contains("panle").contains("Did you mean");
  }

  @Test
  void exportWritesCompleteFilesOnly(@TempDir Path out) throws Exception {
    Path parquet = out.resolve("japan.parquet");
    CliRun r = CliRun.of("panel", "export", "--format", "parquet", "--out", parquet.toString(), "--db", db);
    assertThat(r.exit()).as(r.err()).isZero();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT origin_iso2) FROM '" + parquet + "'")) {
      rs.next();
      assertThat(rs.getLong(1)).isGreaterThan(1_000_000);
      assertThat(rs.getInt(2)).isGreaterThan(200);
    }
    CliRun bad = CliRun.of("panel", "export", "--format", "parquet", "--out", out.resolve("no/such/dir.parquet").toString(),
        "--db", db);
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("Cannot write");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("japan.parquet");
    }
  }

  @Test
  void badQuestionsGetOneLineAndANonZeroExit(@TempDir Path other) throws IOException {
    assertBad(CliRun.of("etr", "--date", "2024-12-31", "--db", db), "2025-01-01 to 2026-12-31");
    assertBad(CliRun.of("etr", "--date", "2025-04-10", "--by", "colour", "--db", db), "Unknown --by 'colour'");
    assertBad(CliRun.of("etr", "--date", "2025-04-10", "--origin", "Atlantis", "--db", db), "Unknown country");
    assertBad(CliRun.of("etr", "series", "--from", "2025-05-01", "--to", "2025-04-01", "--db", db), "before");
    assertBad(CliRun.of("etr", "series", "--from", "2025-01-01", "--to", "2025-01-31", "--chart",
        other.resolve("chart.gif").toString(), "--db", db), ".png or .svg");
    // A file that is not a panel is reported and left alone.
    Path foreign = Files.writeString(other.resolve("notes.duckdb"), "my notes\n");
    assertBad(CliRun.of("etr", "--date", "2025-04-10", "--db", foreign.toString()), "not a Tariffscope panel");
    assertThat(Files.readString(foreign)).isEqualTo("my notes\n");
    assertBad(CliRun.of("panel", "build", "--db", foreign.toString()), "not a Tariffscope panel");
    assertThat(Files.readString(foreign)).isEqualTo("my notes\n");
  }

  private static void assertBad(CliRun r, String message) {
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
