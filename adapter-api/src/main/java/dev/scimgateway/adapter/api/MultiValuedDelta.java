package dev.scimgateway.adapter.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a PATCH does to one multi-valued attribute, when its operations alone say so: the values it
 * adds and the values it removes, e.g. the members of a group. Values are as the IdP sent them (for
 * {@code members}, objects with a {@code value}); a value both added and removed by one PATCH counts
 * only as its last operation left it.
 *
 * @param attribute the attribute, e.g. {@code members}
 * @param added the values added, in the order sent
 * @param removed the values removed, in the order sent
 */
public record MultiValuedDelta(String attribute, List<JsonNode> added, List<JsonNode> removed) {

  public MultiValuedDelta {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
  }

  /** Whether it adds and removes nothing. */
  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty();
  }
}
