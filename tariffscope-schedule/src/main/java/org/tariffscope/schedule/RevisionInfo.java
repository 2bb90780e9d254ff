package org.tariffscope.schedule;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A revision of the schedule and the day it took effect as a whole. This date selects the revision
 * whose rates and Chapter 99 text are in force; the legal dates of measures come from the policy
 * files. Immutable.
 *
 * @param id e.g. {@code 2025_rev_7}
 * @param effectiveDate the day the revision took effect
 * @param event what changed, for humans (may be empty)
 * @param source where the JSON export is read from
 */
public record RevisionInfo(String id, LocalDate effectiveDate, String event, RevisionSource source) {
  public RevisionInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(effectiveDate, "effectiveDate");
    Objects.requireNonNull(source, "source");
    event = event == null ? "" : event;
  }

  /** Whether this revision was added by {@code hts import} rather than shipped. */
  public boolean imported() {
    return source.imported();
  }

  @Override
  public String toString() {
    return id + " (from " + effectiveDate + ")";
  }
}
