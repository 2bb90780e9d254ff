package org.tariffscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffscope.data.EmbeddedData;

/** A newer USITC export is added without code changes, and its unmodelled Chapter 99 headings are listed. */
class HtsImportTest {

  @Test
  void importsANewerRevisionAndListsItsUnaccountedHeadings(@TempDir Path tmp) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ArrayNode records;
    try (InputStream in = new GZIPInputStream(EmbeddedData.open("data/hts/hts_2026_rev_10.json.gz"))) {
      records = (ArrayNode) json.readTree(in);
    }
    ObjectNode added = records.addObject();
    added.put("htsno", "9903.99.77");
    added.put("indent", "0");
    added.put("description", "Articles the product of Atlantis, as provided for in U.S. note 99");
    added.put("general", "The duty provided in the applicable subheading + 33%");
    added.put("special", "");
    added.put("other", "");
    Path export = tmp.resolve("htsdata.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(export))) {
      json.writeValue(out, records);
    }
    Path data = tmp.resolve("data");

    CliRun r = CliRun.of("hts", "import", export.toString(), "--revision", "2026_rev_11", "--effective", "2026-07-01",
        "--data-dir", data.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Imported 2026_rev_11").contains("not yet accounted for")
        .containsPattern("9903\\.99\\.77\\s+added.*NO");
    assertThat(data.resolve("hts/revisions.csv")).exists();

    CliRun revisions = CliRun.of("hts", "revisions", "--data-dir", data.toString());
    assertThat(revisions.out()).contains("2026_rev_11").contains("imported");
    CliRun duty = CliRun.of("duty", "--hts", "8429.52.10.10", "--origin", "JP", "--date", "2026-07-02", "--format", "json",
        "--data-dir", data.toString());
    assertThat(duty.out()).contains("\"revision\" : \"2026_rev_11\"");

    CliRun again = CliRun.of("hts", "import", export.toString(), "--revision", "2026_rev_11", "--effective", "2026-08-01",
        "--data-dir", data.toString());
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("already known");
  }

  @Test
  void rejectsAFileThatIsNotAnExport(@TempDir Path tmp) throws IOException {
    Path bad = tmp.resolve("notes.json");
    Files.writeString(bad, "{\"not\": \"an array\"}");
    CliRun r = CliRun.of("hts", "import", bad.toString(), "--revision", "x", "--effective", "2026-07-01",
        "--data-dir", tmp.resolve("data").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("not a USITC HTS JSON export").doesNotContain("Exception");
    assertThat(tmp.resolve("data/hts/revisions.csv")).doesNotExist();
  }
}
