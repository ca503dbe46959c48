package dev.scimgateway.simulator;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Reads a fault posted to {@code POST /_simulator/faults}: {@code method} (default {@code *}), {@code path} (the
 * regex), {@code times} (default 1) and exactly one of {@code error} (a {@link PostmanError} name),
 * {@code status} (+ optional {@code contentType}, {@code body}), {@code delayMillis}, {@code stallBodyMillis}, or
 * {@code drop} ({@code afterApplying} | {@code beforeApplying}).
 */
final class FaultJson {

  private FaultJson() {
  }

  /** @throws IllegalArgumentException or ClassCastException when the JSON does not describe a fault */
  static Fault parse(JsonObject json) {
    if (json == null) {
      throw new IllegalArgumentException("a JSON object body is required");
    }
    String path = json.getString("path");
    if (path == null) {
      throw new IllegalArgumentException("\"path\" (a regex over the path after /scim/v2) is required");
    }
    long kinds = Stream.of("error", "status", "delayMillis", "stallBodyMillis", "drop").filter(json::containsKey).count();
    if (kinds != 1) {
      throw new IllegalArgumentException("exactly one of \"error\", \"status\", \"delayMillis\", \"stallBodyMillis\", \"drop\" is required");
    }
    return new Fault(json.getString("method", "*"), path, json.getInteger("times", 1), action(json));
  }

  private static FaultAction action(JsonObject json) {
    if (json.containsKey("error")) {
      return new FaultAction.Respond(PostmanError.valueOf(json.getString("error")));
    }
    if (json.containsKey("status")) {
      return new FaultAction.RespondRaw(json.getInteger("status"), json.getString("contentType"),
          json.getString("body"));
    }
    if (json.containsKey("delayMillis")) {
      return new FaultAction.Delay(Duration.ofMillis(json.getLong("delayMillis")));
    }
    if (json.containsKey("stallBodyMillis")) {
      return new FaultAction.StallBody(Duration.ofMillis(json.getLong("stallBodyMillis")));
    }
    String drop = json.getString("drop");
    if ("afterApplying".equals(drop)) {
      return new FaultAction.DropResponseAfterApplying();
    }
    if ("beforeApplying".equals(drop)) {
      return new FaultAction.DropConnection();
    }
    throw new IllegalArgumentException("\"drop\" must be \"afterApplying\" or \"beforeApplying\"");
  }
}
