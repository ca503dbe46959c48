package dev.scimgateway.adapter.tck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ResourceProvider;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * What {@link ResourceProviderContract} needs from the adapter under test: the provider of one resource
 * type, running against its upstream (a simulator or a stub server the fixture started), and sample
 * data of that type.
 */
public interface ProviderFixture extends AutoCloseable {

  /** The provider under test, started. */
  ResourceProvider provider();

  /**
   * A valid new resource as the gateway would hand it to {@code create}: only attributes the provider
   * stores, every required one set, unique by {@code unique} (put it in the userName or displayName).
   */
  ObjectNode newResource(String unique);

  /**
   * A stored single-valued attribute that a PATCH may set, and a value it does not have on a resource
   * made by {@link #newResource}; the kit checks that {@code modify} stores it.
   */
  Assignment assignment();

  /**
   * A stored multi-valued attribute, and a way to make a value that may be added to it (for group
   * members, a user created upstream); empty when the type has none.
   */
  default Optional<MultiValued> multiValued() {
    return Optional.empty();
  }

  /** Stops the provider and its upstream. */
  @Override
  void close();

  /**
   * @param path a dotted attribute path, e.g. {@code name.givenName}
   * @param value the value to set
   */
  record Assignment(String path, JsonNode value) {}

  /**
   * @param attribute the attribute, e.g. {@code members}
   * @param newValue makes a value to add, e.g. {@code {"value":"<user id>"}}
   */
  record MultiValued(String attribute, java.util.function.Supplier<Future<JsonNode>> newValue) {}
}
