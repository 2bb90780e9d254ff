package org.tariffscope.policy;

import java.util.List;

/**
 * What the policy lint found: every finding, the coverage of Chapter 99 headings per revision, the
 * rate checks, and the agreement of product-line footnotes with the measures' product scopes.
 * Immutable.
 *
 * @param findings errors, explained differences and warnings, in revision then heading order
 * @param coverage one row per revision checked
 * @param rateChecks measure x revision rate comparisons made
 * @param footnotes agreement of footnotes and scopes, one row per heading footnoted
 */
public record LintReport(List<Finding> findings, List<Coverage> coverage, int rateChecks, List<FootnoteAgreement> footnotes) {

  /** How serious a finding is. */
  public enum Severity {
    /** The book contradicts the schedule without explanation, or a heading is unaccounted for. */
    ERROR,
    /** The schedule prints something else and the measure says why the law differs. */
    EXPLAINED,
    /** Worth a look (footnotes that disagree with a scope). */
    WARNING
  }

  /** What a finding is about. */
  public enum Kind { HEADING_MISSING, RATE_DIFFERS, UNACCOUNTED_HEADING, FOOTNOTE_DISAGREES }

  /**
   * One finding.
   *
   * @param severity how serious
   * @param kind what about
   * @param revision the revision concerned
   * @param heading the heading concerned
   * @param where the measure's file and line (or the not-modelled list), if any
   * @param message what is wrong
   */
  public record Finding(Severity severity, Kind kind, String revision, String heading, String where, String message) {
    @Override
    public String toString() {
      return (where.isEmpty() ? "" : where + ": ") + severity.name().toLowerCase(java.util.Locale.ROOT) + ": "
          + revision + " " + heading + ": " + message;
    }
  }

  /**
   * Coverage of one revision's Chapter 99 headings.
   *
   * @param revision the revision
   * @param headings8 Chapter 99 headings of 8 digits printed
   * @param modelled those a measure models
   * @param notModelled those listed as deliberately not modelled
   * @param unaccounted the rest (errors)
   * @param modelled9903 of the 9903 headings (additional duties), those modelled
   * @param total9903 9903 headings printed
   */
  public record Coverage(String revision, int headings8, int modelled, int notModelled, int unaccounted,
      int modelled9903, int total9903) {
  }

  /**
   * Footnotes "See 9903.xx.xx" on product lines against the product scope of the measures of that
   * heading, over the revisions checked (the largest counts seen).
   *
   * @param heading the heading
   * @param both lines footnoted and in scope
   * @param footnoteOnly lines footnoted but outside every measure's scope
   * @param scopeOnly lines in scope but not footnoted
   * @param examples a few codes of the disagreeing lines
   */
  public record FootnoteAgreement(String heading, int both, int footnoteOnly, int scopeOnly, List<String> examples) {
  }

  public List<Finding> errors() {
    return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
  }

  public List<Finding> explained() {
    return findings.stream().filter(f -> f.severity() == Severity.EXPLAINED).toList();
  }

  public List<Finding> warnings() {
    return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
  }
}
