package org.tariffscope.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.tariffscope.basics.InvalidInputException;
import picocli.CommandLine.Option;

/** Options every command takes, and the workspace they select. */
final class Common {
  @Option(names = "--policy-dir", paramLabel = "<dir>",
      description = "Read the policy files from this folder (laid out like the repository's policy/) instead of the embedded book.")
  Path policyDir;

  @Option(names = "--data-dir", paramLabel = "<dir>",
      description = "Folder for imported HTS revisions (default: $TARIFFSCOPE_HOME or ~/.local/share/tariffscope).")
  Path dataDir;

  @Option(names = "--debug", description = "Print stack traces of unexpected errors.")
  boolean debug;

  private Workspace workspace;

  Workspace workspace() {
    if (workspace == null) {
      workspace = new Workspace(policyDir, dataDir != null ? dataDir : Workspace.defaultDataDir());
    }
    return workspace;
  }

  static LocalDate date(String text, String option) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("Not a date for " + option + ": '" + text + "' (use YYYY-MM-DD)");
    }
  }
}
