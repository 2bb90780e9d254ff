package org.tariffscope.basics;

import java.util.List;
import java.util.Objects;

/**
 * Why one computation failed: a reason from a fixed set, a message for the person who asked, and
 * the nearest valid inputs when there are any. Immutable.
 */
public record Failure(FailureReason reason, String message, List<String> suggestions) {
  public Failure {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
  }

  public static Failure of(FailureReason reason, String message) {
    return new Failure(reason, message, List.of());
  }

  /** A failure from bad input, keeping its suggestions. */
  public static Failure of(FailureReason reason, InvalidInputException e) {
    return new Failure(reason, e.getMessage(), e.suggestions());
  }

  @Override
  public String toString() {
    return reason + ": " + message;
  }
}
