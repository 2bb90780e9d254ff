package org.tariffscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Generated documentation stays in step with the policy files it is generated from. */
class DocsUpToDateTest {

  @Test
  void measuresDocMatchesThePolicyBook() throws IOException {
    Path doc = Path.of("..", "docs", "measures.md");
    CliRun r = CliRun.of("measures", "--format", "markdown");
    assertThat(r.exit()).isZero();
    assertThat(Files.readString(doc, StandardCharsets.UTF_8))
        .as("docs/measures.md is stale: regenerate it with ./tariffscope measures --format markdown > docs/measures.md")
        .isEqualTo(r.out());
  }
}
