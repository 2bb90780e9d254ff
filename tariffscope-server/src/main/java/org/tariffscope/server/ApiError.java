package org.tariffscope.server;

import java.util.List;

/**
 * A request that cannot be answered, with the HTTP status, a stable code and a message for people.
 * Thrown by handlers; {@link Errors} turns it into the JSON error or the HTML error page. The
 * message never holds a stack trace.
 */
final class ApiError extends RuntimeException {
  private final int status;
  private final String code;
  private final List<String> suggestions;
  private final int retryAfterSeconds;

  ApiError(int status, String code, String message, List<String> suggestions, int retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  ApiError(int status, String code, String message, List<String> suggestions) {
    this(status, code, message, suggestions, 0);
  }

  ApiError(int status, String code, String message) {
    this(status, code, message, List.of());
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, "INVALID_INPUT", message);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  List<String> suggestions() {
    return suggestions;
  }

  /** For a 503: when to ask again, in seconds (0: the default). */
  int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
