package org.tariffscope.policy;

import java.util.List;

/**
 * Something wrong in a policy file, named precisely enough to fix it. Immutable.
 *
 * @param severity errors stop the book from loading; warnings are reported by the lint
 * @param location file and line
 * @param subject the measure or field concerned (e.g. {@code 9903.01.25 from}), or empty
 * @param message what is wrong
 */
public record PolicyProblem(Severity severity, SourceLocation location, String subject, String message) {

  /** How bad a problem is. */
  public enum Severity { ERROR, WARNING }

  public static PolicyProblem error(SourceLocation at, String subject, String message) {
    return new PolicyProblem(Severity.ERROR, at, subject, message);
  }

  public static PolicyProblem warning(SourceLocation at, String subject, String message) {
    return new PolicyProblem(Severity.WARNING, at, subject, message);
  }

  /** The errors among {@code problems}, in order. */
  public static List<PolicyProblem> errors(List<PolicyProblem> problems) {
    return problems.stream().filter(PolicyProblem::isError).toList();
  }

  /** The warnings among {@code problems}, in order. */
  public static List<PolicyProblem> warnings(List<PolicyProblem> problems) {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  /** How many of {@code problems} are errors (readers compare counts to know whether a part they read was bad). */
  public static int countErrors(List<PolicyProblem> problems) {
    int n = 0;
    for (PolicyProblem p : problems) {
      if (p.isError()) {
        n++;
      }
    }
    return n;
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code policy/x.yaml:12: 9903.01.25 from: bad date '2025-13-01'}. */
  @Override
  public String toString() {
    return location + ": " + (severity == Severity.WARNING ? "warning: " : "")
        + (subject.isEmpty() ? "" : subject + ": ") + message;
  }
}
