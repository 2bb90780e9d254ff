package org.tariffscope.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy book that cannot be used, with every error found. */
public class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<PolicyProblem> problems;

  public PolicyException(List<PolicyProblem> problems) {
    super(problems.size() + " error(s) in the policy files:\n"
        + problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<PolicyProblem> problems() {
    return problems;
  }
}
