package org.tariffscope.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import org.tariffscope.basics.Countries;
import org.tariffscope.engine.DutyEngine;
import org.tariffscope.engine.Estimates;
import org.tariffscope.policy.PolicyBook;
import org.tariffscope.policy.PolicyLoader;
import org.tariffscope.policy.PolicySource;
import org.tariffscope.schedule.Schedule;

/**
 * What the commands work on, loaded on first use: the schedule (shipped revisions plus those
 * imported into the user's data folder), the policy book (shipped, or a folder given with
 * {@code --policy-dir}) and the engine over them.
 */
final class Workspace {
  private final Path policyDir;
  private final Path dataDir;
  private Schedule schedule;
  private PolicyLoader.Loaded loaded;
  private DutyEngine engine;
  private org.tariffscope.scenarios.Simulator simulator;

  Workspace(Path policyDir, Path dataDir) {
    this.policyDir = policyDir;
    this.dataDir = dataDir;
  }

  /** The user's data folder: {@code $TARIFFSCOPE_HOME}, else {@code ~/.local/share/tariffscope}. */
  static Path defaultDataDir() {
    String home = System.getenv("TARIFFSCOPE_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    return Path.of(System.getProperty("user.home"), ".local", "share", "tariffscope");
  }

  Path dataDir() {
    return dataDir;
  }

  Countries countries() {
    return Countries.standard();
  }

  synchronized Schedule schedule() {
    if (schedule == null) {
      schedule = Schedule.withImports(dataDir);
    }
    return schedule;
  }

  /** The policy book as loaded, with its problems (for the lint). */
  synchronized PolicyLoader.Loaded loadedPolicy() {
    if (loaded == null) {
      PolicySource source = policyDir == null ? PolicySource.embedded() : PolicySource.directory(policyDir);
      loaded = new PolicyLoader(countries()).load(source);
    }
    return loaded;
  }

  /** The policy book; a book with errors stops the command with the list of errors. */
  PolicyBook book() {
    return loadedPolicy().orThrow();
  }

  /** Loads scenarios over the policy book (cheap: no trade data). */
  org.tariffscope.scenarios.ScenarioLoader scenarios() {
    return new org.tariffscope.scenarios.ScenarioLoader(book(), countries());
  }

  /** The scenario simulator: the 2024 flows, the elasticities, the engine over the book. */
  synchronized org.tariffscope.scenarios.Simulator simulator() {
    if (simulator == null) {
      simulator = new org.tariffscope.scenarios.Simulator(schedule(), book(), countries());
    }
    return simulator;
  }

  /**
   * Starts reading the schedule revision in force on {@code date} on another core while the policy
   * book loads: for one entry these are the two slow steps of a start (a few hundred ms each), and
   * they do not depend on each other. An unreadable date is ignored here; the engine reports it.
   */
  void prefetchRevision(String date) {
    LocalDate day;
    try {
      day = LocalDate.parse(date == null ? "" : date.strip());
    } catch (DateTimeParseException e) {
      return;
    }
    Schedule s = schedule();
    CompletableFuture.runAsync(() -> s.revisionFor(day).ifPresent(s::load));
  }

  synchronized DutyEngine engine() {
    if (engine == null) {
      engine = new DutyEngine(schedule(), book(), countries(), Estimates.NONE);
    }
    return engine;
  }
}
