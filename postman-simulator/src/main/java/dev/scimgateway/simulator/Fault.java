package dev.scimgateway.simulator;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A queued misbehaviour: the next {@code times} SCIM requests whose method and path match get {@code action}
 * instead of (or in addition to) normal handling. Faults are checked before authentication, so an injected fault
 * answers whatever key the request carries.
 *
 * @param method    {@code GET}, {@code POST}, … (case-insensitive) or {@code *} for any method
 * @param pathRegex a regular expression that must match the whole path after {@code /scim/v2}, e.g.
 *                  {@code /Users}, {@code /Users/.+} or {@code /Groups/.+}
 * @param times     how many matching requests the fault applies to; at least 1
 * @param action    what to do with a matching request
 */
public record Fault(String method, String pathRegex, int times, FaultAction action) {

  public Fault {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathRegex, "pathRegex");
    Objects.requireNonNull(action, "action");
    if (method.isBlank()) {
      throw new IllegalArgumentException("method must not be blank; use \"*\" for any");
    }
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + times);
    }
    Pattern.compile(pathRegex);
  }

  /** A fault that applies to the next single matching request. */
  public static Fault once(String method, String pathRegex, FaultAction action) {
    return new Fault(method, pathRegex, 1, action);
  }

  boolean matchesMethod(String requestMethod) {
    return "*".equals(method) || method.equalsIgnoreCase(requestMethod);
  }
}
