package org.tariffscope.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.data.CsvTable;

/**
 * The calendar of HTS revisions and lazy access to their content: the revision in force on a day is
 * the latest one that took effect on or before it ({@link #revisionFor(LocalDate)}), and a revision is
 * read from its {@code .json.gz} only when first asked for, then kept.
 *
 * <p>Holds the shipped revisions plus those added with {@code tariffscope hts import} (listed in
 * {@code revisions.csv} of the user's data folder). Thread-safe. Revisions share their identical
 * lines, so keeping all 44 costs a few hundred megabytes rather than 44 times one.
 */
public final class Schedule {
  private final List<RevisionInfo> revisions;
  private final TreeMap<LocalDate, RevisionInfo> byDate;
  private final Map<String, RevisionInfo> byId;
  private final Map<String, HtsRevision> loaded = new ConcurrentHashMap<>();

  private Schedule(List<RevisionInfo> revisions) {
    List<RevisionInfo> sorted = new ArrayList<>(revisions);
    sorted.sort((a, b) -> a.effectiveDate().compareTo(b.effectiveDate()));
    this.revisions = List.copyOf(sorted);
    this.byDate = new TreeMap<>();
    this.byId = new LinkedHashMap<>();
    for (RevisionInfo r : sorted) {
      RevisionInfo previous = byDate.put(r.effectiveDate(), r);
      if (previous != null) {
        throw new IllegalStateException("Two revisions take effect on " + r.effectiveDate() + ": "
            + previous.id() + " and " + r.id());
      }
      byId.put(r.id(), r);
    }
  }

  /** The shipped revisions only. */
  public static Schedule embedded() {
    return new Schedule(readCalendar("data/hts/revisions.csv", null));
  }

  /**
   * The shipped revisions plus those imported into {@code userDataDir} (its {@code hts/revisions.csv}
   * and the files it names); a missing folder simply adds nothing.
   */
  public static Schedule withImports(Path userDataDir) {
    List<RevisionInfo> all = new ArrayList<>(readCalendar("data/hts/revisions.csv", null));
    Path calendar = userDataDir.resolve("hts").resolve("revisions.csv");
    if (Files.isRegularFile(calendar)) {
      all.addAll(readCalendar(null, calendar));
    }
    return new Schedule(all);
  }

  /** All revisions, oldest first. */
  public List<RevisionInfo> revisions() {
    return revisions;
  }

  public Optional<RevisionInfo> revision(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The revision in force on {@code date}, or empty before the first one. */
  public Optional<RevisionInfo> revisionFor(LocalDate date) {
    return Optional.ofNullable(byDate.floorEntry(date)).map(Map.Entry::getValue);
  }

  /** The revision that took effect after {@code info}, if any. */
  public Optional<RevisionInfo> next(RevisionInfo info) {
    return Optional.ofNullable(byDate.higherEntry(info.effectiveDate())).map(Map.Entry::getValue);
  }

  public RevisionInfo first() {
    return revisions.get(0);
  }

  public RevisionInfo latest() {
    return revisions.get(revisions.size() - 1);
  }

  /** The content of a revision, read on first use. */
  public HtsRevision load(RevisionInfo info) {
    HtsRevision cached = loaded.get(info.id());
    return cached != null ? cached : loaded.computeIfAbsent(info.id(), id -> read(info));
  }

  /**
   * Reads a USITC export from a file to check that it is one, without adding it to any calendar.
   *
   * @throws org.tariffscope.basics.InvalidInputException when the file is not a readable HTS JSON export
   */
  public static HtsRevision readExport(Path file, String id, LocalDate effective) {
    RevisionInfo info = new RevisionInfo(id, effective, "", new RevisionSource.ImportedFile(file));
    try {
      return HtsJsonReader.read(info);
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException bad) {
        throw bad;
      }
      String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new InvalidInputException("Not a readable USITC HTS JSON export: " + file + " (" + why + ")");
    }
  }

  private static HtsRevision read(RevisionInfo info) {
    try {
      return HtsJsonReader.read(info);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read HTS revision " + info.id() + " from " + info.source().name(), e);
    }
  }

  /** Reads every revision now, on the machine's cores (for whole-panel work; lookups load lazily). */
  public void loadAll() {
    revisions.parallelStream().forEach(this::load);
  }

  /** The content of the revision in force on {@code date}; empty before the first revision. */
  public Optional<HtsRevision> loadFor(LocalDate date) {
    return revisionFor(date).map(this::load);
  }

  private static List<RevisionInfo> readCalendar(String embeddedPath, Path file) {
    CsvTable table;
    try {
      table = embeddedPath != null ? CsvTable.embedded(embeddedPath) : CsvTable.file(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the revision calendar " + file, e);
    }
    List<RevisionInfo> out = new ArrayList<>();
    for (CsvTable.Row row : table.rows()) {
      String where = table.source() + " line " + row.line();
      if (row.get("revision").isEmpty() || row.get("file").isEmpty()) {
        throw new InvalidInputException(where + ": expected revision,file,effective_date[,event]");
      }
      LocalDate date;
      try {
        date = LocalDate.parse(row.get("effective_date"));
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(where + ": bad effective_date '" + row.get("effective_date") + "'");
      }
      RevisionSource source = embeddedPath != null
          ? new RevisionSource.Embedded(row.get("file"))
          : new RevisionSource.ImportedFile(file.getParent().resolve(row.get("file")));
      out.add(new RevisionInfo(row.get("revision"), date, row.get("event"), source));
    }
    return out;
  }
}
