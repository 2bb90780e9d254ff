package org.tariffscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The panel commands before any build (a build takes a minute; it is tested in the analytics and
 * server modules): a file that is not a panel is named and left alone, a folder that cannot be made
 * is said at once, bad input is refused before the panel is looked for.
 */
class PanelAccessTest {
  @TempDir
  Path dir;

  @Test
  void aFileThatIsNotAPanelIsNamedWithTheCommandThatReplacesIt() throws IOException {
    Path file = dir.resolve("notes.duckdb");
    Files.writeString(file, "my notes", StandardCharsets.UTF_8);
    CliRun r = CliRun.of("etr", "--date", "2025-10-17", "--db", file.toString());
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("is not a Tariffscope panel").contains("tariffscope panel build --force --db " + file);
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("my notes");
    CliRun info = CliRun.of("panel", "info", "--db", file.toString());
    assertThat(info.exit()).as(info.err()).isZero();
    assertThat(info.out()).contains("(not a panel)");
  }

  @Test
  void aFolderThatCannotBeMadeIsSaidBeforeAnyWork() throws IOException {
    Path blocker = dir.resolve("a-file");
    Files.writeString(blocker, "x", StandardCharsets.UTF_8);
    long t0 = System.nanoTime();
    CliRun r = CliRun.of("etr", "--date", "2025-10-17", "--db", blocker.resolve("panel.duckdb").toString());
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("Cannot write the panel").contains("cannot create the folder");
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10.0);
  }

  @Test
  void badInputIsRefusedBeforeThePanelIsLookedFor() {
    Path missing = dir.resolve("none").resolve("panel.duckdb");
    CliRun early = CliRun.of("etr", "--date", "2024-12-31", "--db", missing.toString());
    assertThat(early.exit()).isNotZero();
    assertThat(early.err()).contains("2025-01-01 to 2026-12-31");
    CliRun by = CliRun.of("etr", "--date", "2025-10-17", "--by", "planet", "--db", missing.toString());
    assertThat(by.exit()).isNotZero();
    assertThat(by.err()).contains("Unknown --by 'planet'");
    assertThat(missing.getParent()).doesNotExist();
  }
}
