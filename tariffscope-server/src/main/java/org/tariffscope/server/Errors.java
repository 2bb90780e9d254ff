package org.tariffscope.server;

import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tariffscope.basics.Failure;
import org.tariffscope.basics.FailureReason;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.engine.report.DutyReport;

/**
 * The one place where what went wrong becomes an HTTP status: the engine's failure reasons, bad
 * input, unknown routes, oversized bodies, timeouts and unexpected errors. The API answers
 * {@code {"error": {"code", "message", "suggestions"}}}; pages show the same code and message.
 * Unexpected errors are logged with an incident id and answered with a generic message: no stack
 * trace ever reaches a user.
 */
final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger("tariffscope.server");

  private Errors() {
  }

  /** The status of each engine failure reason. */
  static int status(FailureReason reason) {
    return switch (reason) {
      case INVALID_INPUT, UNKNOWN_COUNTRY -> 400;
      case UNKNOWN_HTS -> 404;
      case NOT_A_LINE, DATE_OUT_OF_RANGE, NO_RATE_IN_FORCE -> 422;
    };
  }

  static ApiError of(Failure failure) {
    return new ApiError(status(failure.reason()), failure.reason().name(), failure.message(), failure.suggestions());
  }

  /** Any throwable as an error to answer with; unexpected ones are logged here. */
  static ApiError of(Throwable t, String method, String path) {
    Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    if (e instanceof ApiError api) {
      return api;
    }
    if (e instanceof InvalidInputException bad) {
      return new ApiError(400, "INVALID_INPUT", bad.getMessage(), bad.suggestions());
    }
    if (e instanceof TimeoutException) {
      return timeout();
    }
    if (e instanceof RejectedExecutionException) {
      return new ApiError(503, "BUSY", "The server is busy; try again in a moment");
    }
    if (e instanceof HttpResponseException http) {
      return switch (http.getStatus()) {
        case 404 -> notFound(path);
        case 405 -> new ApiError(405, "METHOD_NOT_ALLOWED", method + " is not allowed on " + path);
        case 413 -> bodyTooLarge();
        default -> http.getStatus() >= 500 ? internal(e, method, path)
            : new ApiError(http.getStatus(), "HTTP_" + http.getStatus(), http.getMessage());
      };
    }
    return internal(e, method, path);
  }

  static ApiError notFound(String path) {
    return new ApiError(404, "NOT_FOUND", "Nothing here: " + path);
  }

  static ApiError timeout() {
    return new ApiError(503, "TIMEOUT", "The request took too long and was stopped; try a smaller request");
  }

  static ApiError bodyTooLarge() {
    return new ApiError(413, "BODY_TOO_LARGE", "The request body is too large for this server (see the limits in the API documentation)");
  }

  private static ApiError internal(Throwable e, String method, String path) {
    String incident = UUID.randomUUID().toString().substring(0, 8);
    LOG.error("Incident {} on {} {}", incident, method, path, e);
    return new ApiError(500, "INTERNAL", "Something went wrong on our side (incident " + incident
        + "); it has been logged");
  }

  /** The JSON body of an error: {@code {"error": {"code", "message", "suggestions"}}}. */
  static Map<String, DutyReport.Error> body(ApiError e) {
    return Map.of("error", new DutyReport.Error(e.code(), e.getMessage(), e.suggestions().isEmpty() ? null
        : List.copyOf(e.suggestions())));
  }

  static Reply json(ApiError e) {
    Reply r = Reply.json(e.status(), body(e));
    if (e.status() == 503) {
      r = r.withHeader("Retry-After", Integer.toString(e.retryAfterSeconds() > 0 ? e.retryAfterSeconds() : 5));
    }
    return r;
  }
}
