package dev.scimgateway.core.protocol;

import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.core.config.RequestLimits;

/** Checks a request's filters, PATCH paths and operation counts against the {@link RequestLimits}. */
public final class InputBounds {

  private final RequestLimits limits;

  public InputBounds(RequestLimits limits) {
    this.limits = limits;
  }

  public static InputBounds defaults() {
    return new InputBounds(RequestLimits.defaults());
  }

  public RequestLimits limits() {
    return limits;
  }

  /** Fails with 400 {@code invalidFilter} when a filter is longer or nested deeper than allowed. */
  public void checkFilter(String filter) {
    String problem = problem(filter);
    if (problem != null) {
      throw ScimFailure.badRequest(ScimErrorType.INVALID_FILTER, "The filter " + problem + ".");
    }
  }

  /** Fails with 400 {@code invalidPath} when a PATCH path is longer or nested deeper than allowed. */
  public void checkPath(int index, String path) {
    String problem = problem(path);
    if (problem != null) {
      throw ScimFailure.badRequest(ScimErrorType.INVALID_PATH, "Operations[" + index + "].path " + problem + ".");
    }
  }

  /** Fails with 413 {@code tooMany} when a PATCH holds more operations than allowed. */
  public void checkOperations(int count) {
    if (count > limits.maxPatchOperations()) {
      throw ScimFailure.payloadTooLarge(ScimErrorType.TOO_MANY, "A PATCH may hold at most " + limits.maxPatchOperations()
          + " operations; this one has " + count + ". Send the changes in several requests.");
    }
  }

  /** Fails with 413 {@code tooMany} when applying a PATCH would examine more values than allowed. */
  public void checkValuesExamined(long values) {
    if (values > limits.maxValuesExamined()) {
      throw ScimFailure.payloadTooLarge(ScimErrorType.TOO_MANY, "This PATCH would examine " + values
          + " values (its operations times the values of the resource's multi-valued attributes); at most "
          + limits.maxValuesExamined() + " are allowed. Send fewer operations per request.");
    }
  }

  private String problem(String text) {
    if (text.length() > limits.maxFilterLength()) {
      return "is " + text.length() + " characters long; at most " + limits.maxFilterLength() + " are allowed";
    }
    int depth = 0;
    int deepest = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && (c == '(' || c == '[')) {
        deepest = Math.max(deepest, ++depth);
      } else if (!quoted && (c == ')' || c == ']')) {
        depth--;
      }
    }
    return deepest > limits.maxFilterDepth()
        ? "nests " + deepest + " levels deep; at most " + limits.maxFilterDepth() + " are allowed"
        : null;
  }
}
