package org.tariffscope.basics;

import java.util.List;

/**
 * Input that cannot be turned into a value: a malformed HTS code, an unknown country, a negative
 * value. The message is written for the person who typed the input and is shown as is by every
 * adapter; {@link #suggestions()} carries the nearest valid inputs, when there are any.
 */
public class InvalidInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> suggestions;

  public InvalidInputException(String message) {
    this(message, List.of());
  }

  public InvalidInputException(String message, List<String> suggestions) {
    super(message);
    this.suggestions = List.copyOf(suggestions);
  }

  /** The nearest valid inputs, best first; empty when there is nothing sensible to suggest. */
  public List<String> suggestions() {
    return suggestions;
  }
}
