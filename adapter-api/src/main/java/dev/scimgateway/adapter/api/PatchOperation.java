package dev.scimgateway.adapter.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One RFC 7644 §3.5.2 PATCH operation as the gateway normalized it: the op in lower case, the path
 * without a core schema's URN, booleans as booleans, and every IdP quirk rewritten.
 *
 * @param op the operation
 * @param path the attribute path, e.g. {@code members[value eq "2819c223"]}, or empty for an
 *     operation whose value names the attributes
 * @param value the value, or {@code null} for a {@code remove}
 */
public record PatchOperation(Op op, Optional<String> path, JsonNode value) {

  /** The three operations of RFC 7644 §3.5.2. */
  public enum Op { ADD, REPLACE, REMOVE }

  public PatchOperation {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(path, "path");
  }

  @Override
  public String toString() {
    return op.name().toLowerCase(java.util.Locale.ROOT) + path.map(p -> " " + p).orElse("");
  }
}
