package dev.scimgateway.adapter.tck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.AdapterThreading;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ScimAdapter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

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

  /**
   * How the gateway would call the provider: the Vert.x instance it runs on and its adapter's
   * {@link ScimAdapter#threading()}. For {@link AdapterThreading#ANY_LOOP} the kit also calls it from
   * several event loops at once. Empty (the default): the kit calls it from one thread only.
   */
  default Optional<Threading> threading() {
    return Optional.empty();
  }

  /** This fixture, whose provider runs on {@code vertx} as an adapter of {@code threading} (see {@link #threading()}). */
  default ProviderFixture runningOn(Vertx vertx, AdapterThreading threading) {
    return new Parts(provider(), this::newResource, this::assignment, multiValued(), this::close,
        Optional.of(new Threading(vertx, threading)));
  }

  /** Stops the provider and its upstream. */
  @Override
  void close();

  /**
   * A fixture made of its parts, e.g. {@code ProviderFixture.of(groups, Samples::group, Samples::groupRename,
   * Optional.of(Samples.members(users)), rig::close)}.
   */
  static ProviderFixture of(ResourceProvider provider, Function<String, ObjectNode> newResource,
      Supplier<Assignment> assignment, Optional<MultiValued> multiValued, Runnable close) {
    return new Parts(provider, newResource, assignment, multiValued, close, Optional.empty());
  }

  /** A fixture of given parts; see {@link #of} and {@link #runningOn}. */
  record Parts(ResourceProvider provider, Function<String, ObjectNode> newResources, Supplier<Assignment> assignments,
      Optional<MultiValued> multiValued, Runnable closing, Optional<Threading> threading) implements ProviderFixture {

    @Override
    public ObjectNode newResource(String unique) {
      return newResources.apply(unique);
    }

    @Override
    public Assignment assignment() {
      return assignments.get();
    }

    @Override
    public void close() {
      closing.run();
    }
  }

  /**
   * @param path an attribute path, e.g. {@code name.givenName} or an extension's {@code urn:…:User:department}
   * @param value the value to set
   */
  record Assignment(String path, JsonNode value) {}

  /**
   * @param attribute the attribute, e.g. {@code members}
   * @param newValue makes a value to add, e.g. {@code {"value":"<user id>"}}
   */
  record MultiValued(String attribute, Supplier<Future<JsonNode>> newValue) {}

  /**
   * @param vertx the Vert.x instance the provider's adapter was created with
   * @param threading what the adapter's {@link ScimAdapter#threading()} answers
   */
  record Threading(Vertx vertx, AdapterThreading threading) {}
}
