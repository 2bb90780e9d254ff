package org.tariffscope.basics;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of one computation: a value, or a {@link Failure}. Batch runs keep one per input, so
 * a bad row never stops the others. Immutable when the value is.
 *
 * @param <T> the type of the value
 */
public final class Result<T> {
  private final T value;
  private final Failure failure;

  private Result(T value, Failure failure) {
    this.value = value;
    this.failure = failure;
  }

  public static <T> Result<T> success(T value) {
    return new Result<>(Objects.requireNonNull(value, "value"), null);
  }

  public static <T> Result<T> failure(Failure failure) {
    return new Result<>(null, Objects.requireNonNull(failure, "failure"));
  }

  public static <T> Result<T> failure(FailureReason reason, String message) {
    return failure(Failure.of(reason, message));
  }

  public boolean isSuccess() {
    return failure == null;
  }

  /** @throws NoSuchElementException on a failure, with its message */
  public T value() {
    if (failure != null) {
      throw new NoSuchElementException(failure.message());
    }
    return value;
  }

  /** @throws NoSuchElementException on a success */
  public Failure failure() {
    if (failure == null) {
      throw new NoSuchElementException("not a failure");
    }
    return failure;
  }

  public <R> Result<R> map(Function<? super T, ? extends R> f) {
    return failure == null ? Result.success(f.apply(value)) : Result.failure(failure);
  }

  @Override
  public String toString() {
    return failure == null ? "Success[" + value + "]" : "Failure[" + failure + "]";
  }
}
