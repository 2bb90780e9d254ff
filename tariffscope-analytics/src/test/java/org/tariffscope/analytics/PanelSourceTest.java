package org.tariffscope.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.engine.DutyEngine;
import org.tariffscope.policy.PolicyLoader;
import org.tariffscope.schedule.Schedule;

/**
 * What the command line and the server decide from a panel file before any build: it is missing,
 * it is something else (left alone, with the command that replaces it), or it cannot be written
 * (said at once, not after reading every revision). The full build is tested with the panel itself.
 */
class PanelSourceTest {
  @TempDir
  Path dir;
  private static DutyEngine engine;

  @BeforeAll
  static void engine() {
    engine = new DutyEngine(Schedule.embedded(), PolicyLoader.loadEmbedded().orThrow());
  }

  /** Records what a build reports. */
  private static final class Heard implements PanelSource.Listener {
    final List<String> events = new ArrayList<>();

    @Override
    public void starting(PanelDatabase.State why) {
      events.add("starting " + why);
    }

    @Override
    public void loading() {
      events.add("loading");
    }
  }

  @Test
  void aMissingFileIsMissingAndLookingAtItCreatesNothing() {
    PanelSource source = new PanelSource(dir.resolve("cache").resolve("panel.duckdb"), engine);
    assertThat(source.state()).isEqualTo(PanelDatabase.State.MISSING);
    assertThat(source.openIfReady()).isEmpty();
    assertThat(dir.resolve("cache")).doesNotExist();
  }

  @Test
  void aFileThatIsNotAPanelIsRefusedAndLeftAlone() throws IOException {
    Path file = dir.resolve("notes.duckdb");
    Files.writeString(file, "not a database", StandardCharsets.UTF_8);
    PanelSource source = new PanelSource(file, engine);
    assertThat(source.state()).isEqualTo(PanelDatabase.State.NOT_A_PANEL);
    Heard heard = new Heard();
    assertThatThrownBy(() -> source.open(1, heard)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is not a Tariffscope panel").hasMessageContaining("tariffscope panel build --force --db " + file);
    assertThat(heard.events).isEmpty();
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("not a database");
  }

  @Test
  void aFolderThatCannotBeMadeIsSaidBeforeAnyWork() throws IOException {
    Path blocker = dir.resolve("a-file");
    Files.writeString(blocker, "x", StandardCharsets.UTF_8);
    PanelSource source = new PanelSource(blocker.resolve("cache").resolve("panel.duckdb"), engine);
    Heard heard = new Heard();
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> source.open(1, heard)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Cannot write the panel").hasMessageContaining("cannot create the folder");
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5.0);
    assertThat(heard.events).containsExactly("starting MISSING");
    assertThatThrownBy(() -> source.build(0, heard)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void whatAStoppedBuildLeftIsRemovedAndTheFileNextToItKept() throws IOException {
    Path file = dir.resolve("panel.duckdb");
    Files.writeString(file, "the old panel", StandardCharsets.UTF_8);
    Path rows = Files.createDirectories(dir.resolve(".panel-rows-123"));
    Files.writeString(rows.resolve("rows-0.csv"), "8703230160,0,false", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("panel.duckdb.building"), "half", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("other.duckdb.building"), "someone else's", StandardCharsets.UTF_8);
    PanelDatabase.deleteLeftovers(file);
    assertThat(rows).doesNotExist();
    assertThat(dir.resolve("panel.duckdb.building")).doesNotExist();
    assertThat(dir.resolve("other.duckdb.building")).exists();
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("the old panel");
  }

  @Test
  void aBackgroundBuildLeavesACoreFree() {
    assertThat(PanelSource.backgroundThreads()).isBetween(1, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
  }
}
