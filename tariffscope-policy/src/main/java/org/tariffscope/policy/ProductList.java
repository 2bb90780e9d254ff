package org.tariffscope.policy;

import java.util.List;
import java.util.Objects;
import org.tariffscope.basics.DateInterval;
import org.tariffscope.basics.HtsCode;

/**
 * A named list of products in {@code policy/lists/<name>.csv}: HTS prefixes, each possibly added or
 * removed at a date (an annex amended later). Immutable.
 *
 * @param name the file name without {@code .csv}
 * @param entries the prefixes with the period each is on the list
 * @param sourceNote the file's leading comment lines (its source), joined
 * @param file where it was read from
 */
public record ProductList(String name, List<Entry> entries, String sourceNote, String file) {

  /** A prefix on the list during a period. */
  public record Entry(HtsCode prefix, DateInterval period, String note, int line) {
    public Entry {
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(period, "period");
      note = note == null ? "" : note;
    }
  }

  public ProductList {
    Objects.requireNonNull(name, "name");
    entries = List.copyOf(entries);
    sourceNote = sourceNote == null ? "" : sourceNote;
  }

  public int size() {
    return entries.size();
  }
}
