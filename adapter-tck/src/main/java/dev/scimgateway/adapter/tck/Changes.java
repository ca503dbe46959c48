package dev.scimgateway.adapter.tck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.AttributePaths;
import dev.scimgateway.adapter.api.ChangeSet;
import dev.scimgateway.adapter.api.MultiValuedDelta;
import dev.scimgateway.adapter.api.PatchOperation;
import dev.scimgateway.adapter.api.ResourceChange;
import dev.scimgateway.adapter.api.ResourceProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** {@link ResourceChange}s as the gateway builds them for PATCHes, for the kit's modify contracts and adapters' own tests. */
public final class Changes {

  private Changes() {}

  /** {@code replace path value}: the operations decide the new value. */
  public static ResourceChange assign(ResourceProvider provider, String id, String path, JsonNode value) {
    return new ResourceChange(
        List.of(new PatchOperation(PatchOperation.Op.REPLACE, Optional.of(path), value)),
        Set.of(path), Map.of(path, value), Map.of(),
        resolver(provider, id, resource -> set(resource, path, value)));
  }

  /** {@code add attribute [value]} or {@code remove attribute[value eq "…"]}. */
  public static ResourceChange addOrRemove(ResourceProvider provider, String id, String attribute, JsonNode value, boolean add) {
    JsonNode identity = value.path("value");
    PatchOperation operation = add
        ? new PatchOperation(PatchOperation.Op.ADD, Optional.of(attribute), JsonNodeFactory.instance.arrayNode().add(value))
        : new PatchOperation(PatchOperation.Op.REMOVE, Optional.of(attribute + "[value eq " + identity + "]"), null);
    MultiValuedDelta delta = new MultiValuedDelta(attribute, add ? List.of(value) : List.of(), add ? List.of() : List.of(value));
    return new ResourceChange(List.of(operation), Set.of(attribute), Map.of(), Map.of(attribute, delta),
        resolver(provider, id, resource -> {
          List<JsonNode> values = new ArrayList<>();
          resource.path(attribute).forEach(existing -> {
            if (!existing.path("value").equals(identity)) {
              values.add(existing);
            }
          });
          if (add) {
            values.add(value);
          }
          ArrayNode array = resource.putArray(attribute);
          values.forEach(array::add);
          return resource;
        }));
  }

  private static java.util.function.Supplier<io.vertx.core.Future<ChangeSet>> resolver(ResourceProvider provider, String id,
      UnaryOperator<ObjectNode> apply) {
    return () -> provider.get(id).map(current -> new ChangeSet(withoutServerAttributes(current),
        apply.apply(withoutServerAttributes(current)), current));
  }

  private static ObjectNode withoutServerAttributes(ObjectNode resource) {
    ObjectNode copy = resource.deepCopy();
    copy.remove(List.of("id", "meta", "schemas"));
    return copy;
  }

  /** Sets the value at an attribute path ({@link AttributePaths}), making the objects on the way. */
  static ObjectNode set(ObjectNode resource, String path, JsonNode value) {
    List<String> segments = AttributePaths.segments(path);
    ObjectNode parent = resource;
    for (String segment : segments.subList(0, segments.size() - 1)) {
      parent = parent.get(segment) instanceof ObjectNode existing ? existing : parent.putObject(segment);
    }
    parent.set(segments.get(segments.size() - 1), value);
    return resource;
  }
}
