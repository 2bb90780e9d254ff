package org.tariffscope.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A legal instrument a measure rests on: an executive order, a proclamation, a Federal Register
 * notice, a court ruling. Immutable.
 *
 * @param id the id used inside its policy file, e.g. {@code eo14257}
 * @param title e.g. "Executive Order 14257: Regulating Imports With a Reciprocal Tariff ..."
 * @param citation e.g. "90 FR 15041"
 * @param frDocument Federal Register document number, e.g. "2025-06063", or empty
 * @param url where to read it
 * @param date signed or issued, or null when not given
 */
public record Instrument(String id, String title, String citation, String frDocument, String url, LocalDate date) {
  public Instrument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(citation, "citation");
    Objects.requireNonNull(url, "url");
    frDocument = frDocument == null ? "" : frDocument;
  }

  /** "Executive Order 14257 ..., 90 FR 15041". */
  public String cite() {
    return title + ", " + citation;
  }
}
