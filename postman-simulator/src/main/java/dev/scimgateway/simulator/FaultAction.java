package dev.scimgateway.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * What an injected {@link Fault} does with a request it matches.
 *
 * <p>{@link Respond}, {@link RespondRaw} and {@link DropConnection} answer in place of the simulator: nothing is
 * applied and the request does not count toward the rate-limit budget. {@link Delay} and
 * {@link DropResponseAfterApplying} hand the request to normal handling (authentication, budget, the API itself),
 * so it counts like any other request.
 */
public sealed interface FaultAction {

  /** Answer with one of Postman's documented error bodies; no state change. */
  record Respond(PostmanError error) implements FaultAction {
    public Respond {
      Objects.requireNonNull(error, "error");
    }
  }

  /**
   * Answer anything: an HTML error page, a generic {@code {"error":…}} body, an empty body.
   *
   * @param contentType the {@code Content-Type} header, or {@code null} to send none
   * @param body        the body, or {@code null} for an empty one
   */
  record RespondRaw(int status, String contentType, String body) implements FaultAction {
    public RespondRaw {
      if (status < 100 || status > 999) {
        throw new IllegalArgumentException("status must be 100..999, was " + status);
      }
    }
  }

  /** Wait, then handle the request normally. */
  record Delay(Duration delay) implements FaultAction {
    public Delay {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative");
      }
    }
  }

  /**
   * Handle the request normally, send the answer's status, headers and first byte, and the rest of its body
   * only after {@code stall}.
   */
  record StallBody(Duration stall) implements FaultAction {
    public StallBody {
      Objects.requireNonNull(stall, "stall");
      if (stall.isNegative()) {
        throw new IllegalArgumentException("stall must not be negative");
      }
    }
  }

  /** Handle the request normally (a create does happen), then close the connection without any response. */
  record DropResponseAfterApplying() implements FaultAction {
  }

  /** Close the connection without a response and without performing anything. */
  record DropConnection() implements FaultAction {
  }
}
