package dev.scimgateway.adapter.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A resource as read before a change, and whether it may be older than the upstream's state (served
 * from the adapter's memory of a recent answer rather than read just now).
 *
 * @param resource the resource
 * @param mayBeStale whether the upstream may have changed since; when an attribute the IdP targets
 *     looks unchanged in it, the gateway reads the resource again with {@link ResourceProvider#get}
 *     before deciding what to write
 */
public record Snapshot(ObjectNode resource, boolean mayBeStale) {

  /** Read from the upstream just now. */
  public static Snapshot fresh(ObjectNode resource) {
    return new Snapshot(resource, false);
  }

  /** Remembered from a recent upstream answer. */
  public static Snapshot remembered(ObjectNode resource) {
    return new Snapshot(resource, true);
  }
}
