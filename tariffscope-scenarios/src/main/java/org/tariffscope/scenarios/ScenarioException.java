package org.tariffscope.scenarios;

import java.util.List;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.policy.PolicyProblem;

/**
 * A scenario that cannot be used. The message is the first error ({@code file:line: field: what})
 * and how many more there are; {@link #problems()} has them all.
 */
public class ScenarioException extends InvalidInputException {
  private static final long serialVersionUID = 1L;
  private final transient List<PolicyProblem> problems;

  public ScenarioException(List<PolicyProblem> problems) {
    super(problems.isEmpty() ? "invalid scenario" : problems.get(0).toString()
        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more error(s))" : ""));
    this.problems = List.copyOf(problems);
  }

  public List<PolicyProblem> problems() {
    return problems;
  }
}
