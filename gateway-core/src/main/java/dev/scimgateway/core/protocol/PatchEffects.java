package dev.scimgateway.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import dev.scimgateway.adapter.api.AttributePaths;
import dev.scimgateway.adapter.api.MultiValuedDelta;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.core.resource.AttributeDefinition;
import dev.scimgateway.core.resource.ResourceDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a PATCH decides whatever the resource holds now: the new values of single-valued attributes,
 * and the values added to and removed from multi-valued ones (adds, and removes by {@code value eq}).
 * A multi-valued attribute replaced or cleared as a whole, or targeted through another filter, is left
 * to the resource's state. Only attributes the provider stores are reported, in its spelling.
 */
public final class PatchEffects {

  private final Map<String, JsonNode> assigned = new LinkedHashMap<>();
  private final Map<String, DeltaBuilder> deltas = new LinkedHashMap<>();
  private final Set<String> undecided = new HashSet<>();
  private final ResourceDefinition type;

  private PatchEffects(ResourceDefinition type) {
    this.type = type;
  }

  /** Works out the effects of {@code patch}; fails with 400 when it removes or blanks a required attribute. */
  public static PatchEffects of(PatchApplier patch, ResourceDefinition type) {
    PatchEffects effects = new PatchEffects(type);
    patch.parsedOperations().forEach(effects::add);
    effects.checkRequired();
    return effects;
  }

  /** The new values of stored single-valued attributes, by the provider's spelling of their path. */
  public Map<String, JsonNode> assignedValues(ResourceCapabilities capabilities) {
    Map<String, JsonNode> stored = new LinkedHashMap<>();
    for (String attribute : capabilities.attributes()) {
      JsonNode value = assigned.get(lower(attribute));
      if (value != null) {
        stored.put(attribute, value);
      }
    }
    return stored;
  }

  /** The deltas of stored multi-valued attributes that the operations alone decide. */
  public Map<String, MultiValuedDelta> deltas(ResourceCapabilities capabilities) {
    Map<String, MultiValuedDelta> stored = new LinkedHashMap<>();
    for (String attribute : capabilities.attributes()) {
      DeltaBuilder delta = deltas.get(lower(attribute));
      if (delta != null && !undecided.contains(lower(attribute))) {
        stored.put(attribute, delta.build(attribute));
      }
    }
    return stored;
  }

  private void add(PatchOperation operation) {
    Path path = operation.getPath();
    if (path == null || path.isRoot()) {
      operation.getJsonNode().fields().forEachRemaining(field -> topLevelValueFor(operation.getOpType(), field.getKey(),
          field.getValue()));
      return;
    }
    String attribute = dotted(path);
    Optional<AttributeDefinition> definition = type.attribute(topLevel(path));
    if (definition.isPresent() && definition.get().multiValued()) {
      multiValued(operation, path, topLevel(path));
    } else if (hasFilter(path)) {
      undecided.add(lower(topLevel(path)));
    } else if (operation.getOpType() == PatchOpType.REMOVE) {
      assign(attribute, NullNode.getInstance());
    } else {
      valueFor(operation.getOpType(), attribute, operation.getJsonNode());
    }
  }

  private void multiValued(PatchOperation operation, Path path, String attribute) {
    DeltaBuilder delta = deltas.computeIfAbsent(lower(attribute), name -> new DeltaBuilder());
    if (path.size() == 1 && !hasFilter(path) && operation.getOpType() == PatchOpType.ADD) {
      values(operation.getJsonNode()).forEach(delta::add);
    } else if (path.size() == 1 && operation.getOpType() == PatchOpType.REMOVE && valueEquality(path).isPresent()) {
      delta.remove(JsonNodeFactory.instance.objectNode().set("value", valueEquality(path).get()));
    } else {
      undecided.add(lower(attribute));
    }
  }

  /** As {@link #valueFor}, for a field of a no-path value: an extension's object holds its attributes. */
  private void topLevelValueFor(PatchOpType op, String name, JsonNode value) {
    if (AttributePaths.isSchemaUrn(name) && value.isObject()) {
      value.fields().forEachRemaining(field -> valueFor(op, AttributePaths.prefixWithin("", name) + field.getKey(),
          field.getValue()));
    } else {
      valueFor(op, name, value);
    }
  }

  /** An add or replace of {@code value} at {@code attribute}, or of each attribute it holds when it is complex. */
  private void valueFor(PatchOpType op, String attribute, JsonNode value) {
    Optional<AttributeDefinition> definition = type.attribute(attribute);
    if (definition.isPresent() && definition.get().multiValued()) {
      DeltaBuilder delta = deltas.computeIfAbsent(lower(attribute), name -> new DeltaBuilder());
      if (op == PatchOpType.ADD) {
        values(value).forEach(delta::add);
      } else {
        undecided.add(lower(attribute));
      }
    } else if (value.isObject() && (definition.isEmpty() || definition.get().isComplex())) {
      value.fields().forEachRemaining(field -> valueFor(op, attribute + "." + field.getKey(), field.getValue()));
    } else {
      assign(attribute, value);
    }
  }

  private void assign(String attribute, JsonNode value) {
    String key = lower(attribute);
    assigned.keySet().removeIf(path -> path.startsWith(key + "."));
    assigned.put(key, value);
  }

  private void checkRequired() {
    for (AttributeDefinition required : type.requiredAttributes()) {
      JsonNode value = assigned.get(lower(required.name()));
      if (value != null && (value.isNull() || value.isTextual() && value.asText().isBlank())) {
        throw ScimFailure.badRequest(ScimErrorType.INVALID_VALUE, "The attribute '" + required.name()
            + "' is required and cannot be removed or emptied.");
      }
    }
  }

  /** {@code x} of a path {@code attribute[value eq "x"]}. */
  private static Optional<JsonNode> valueEquality(Path path) {
    Filter filter = path.getElement(0).getValueFilter();
    if (filter == null || filter.getFilterType() != FilterType.EQUAL || filter.getComparisonValue() == null) {
      return Optional.empty();
    }
    Path compared = filter.getAttributePath();
    boolean onValue = compared != null && compared.size() == 1 && compared.getElement(0).getAttribute().equalsIgnoreCase("value");
    return onValue ? Optional.of(filter.getComparisonValue()) : Optional.empty();
  }

  private static List<JsonNode> values(JsonNode value) {
    List<JsonNode> values = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(values::add);
    } else if (!value.isNull()) {
      values.add(value);
    }
    return values;
  }

  private static String topLevel(Path path) {
    String name = path.getElement(0).getAttribute();
    return path.getSchemaUrn() == null ? name : path.getSchemaUrn() + ":" + name;
  }

  private static String dotted(Path path) {
    StringBuilder dotted = new StringBuilder();
    for (Path.Element element : path) {
      dotted.append(dotted.length() == 0 ? "" : ".").append(element.getAttribute());
    }
    return path.getSchemaUrn() == null ? dotted.toString() : path.getSchemaUrn() + ":" + dotted;
  }

  private static boolean hasFilter(Path path) {
    for (Path.Element element : path) {
      if (element.getValueFilter() != null) {
        return true;
      }
    }
    return false;
  }

  private static String lower(String path) {
    return path.toLowerCase(Locale.ROOT);
  }

  /** Added and removed values, net of each other, keyed by their {@code value} (or themselves). */
  private static final class DeltaBuilder {
    private final Map<JsonNode, JsonNode> added = new LinkedHashMap<>();
    private final Map<JsonNode, JsonNode> removed = new LinkedHashMap<>();

    void add(JsonNode value) {
      JsonNode key = identity(value);
      removed.remove(key);
      added.put(key, value);
    }

    void remove(JsonNode value) {
      JsonNode key = identity(value);
      added.remove(key);
      removed.put(key, value);
    }

    MultiValuedDelta build(String attribute) {
      return new MultiValuedDelta(attribute, new ArrayList<>(added.values()), new ArrayList<>(removed.values()));
    }

    private static JsonNode identity(JsonNode value) {
      return value.has("value") ? value.get("value") : value;
    }
  }
}
