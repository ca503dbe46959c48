package dev.scimgateway.adapter.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A change to one resource: its state before and the state the IdP asked for. Both contain only
 * attributes the provider supports.
 *
 * @param before the resource as the provider returned it
 * @param after the resource with the IdP's changes applied
 */
public record ChangeSet(ObjectNode before, ObjectNode after) {

  private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

  public ChangeSet {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  /**
   * Whether the value at a dotted attribute path differs, e.g. {@code changed("name.givenName")}.
   * An attribute that is absent on one side and null on the other has not changed.
   */
  public boolean changed(String path) {
    return !valueEquals(at(before, path), at(after, path));
  }

  /** Whether nothing differs. */
  public boolean isEmpty() {
    return changedPaths().isEmpty();
  }

  /** The dotted paths of the leaf values that differ, e.g. {@code [active, name.givenName]}. */
  public Set<String> changedPaths() {
    Set<String> paths = new TreeSet<>();
    collectDifferences(before, after, "", paths);
    return paths;
  }

  /**
   * The values of a multi-valued attribute that {@link #after()} has and {@link #before()} has not.
   * Values are matched by their {@code value} sub-attribute when they have one (group members), else
   * whole.
   */
  public List<JsonNode> added(String attribute) {
    return missingFrom(at(after, attribute), at(before, attribute));
  }

  /** The values of a multi-valued attribute that {@link #before()} has and {@link #after()} has not. */
  public List<JsonNode> removed(String attribute) {
    return missingFrom(at(before, attribute), at(after, attribute));
  }

  private static List<JsonNode> missingFrom(JsonNode values, JsonNode other) {
    Set<JsonNode> keys = new HashSet<>();
    other.forEach(value -> keys.add(identity(value)));
    List<JsonNode> missing = new ArrayList<>();
    values.forEach(value -> {
      if (!keys.contains(identity(value))) {
        missing.add(value);
      }
    });
    return missing;
  }

  private static JsonNode identity(JsonNode value) {
    return value.has("value") ? value.get("value") : value;
  }

  /** The value at a dotted path of {@link #after()}, or a missing node. */
  public JsonNode newValue(String path) {
    return at(after, path);
  }

  private static void collectDifferences(JsonNode before, JsonNode after, String prefix, Set<String> paths) {
    Set<String> names = new TreeSet<>();
    before.fieldNames().forEachRemaining(names::add);
    after.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode old = before.path(name);
      JsonNode now = after.path(name);
      if (old.isObject() && (now.isObject() || isAbsent(now)) || now.isObject() && isAbsent(old)) {
        collectDifferences(old.isObject() ? old : EMPTY, now.isObject() ? now : EMPTY, prefix + name + ".", paths);
      } else if (!valueEquals(old, now)) {
        paths.add(prefix + name);
      }
    }
  }

  private static JsonNode at(JsonNode node, String path) {
    JsonNode current = node;
    for (String segment : path.split("\\.")) {
      current = current.path(segment);
    }
    return current;
  }

  private static boolean valueEquals(JsonNode a, JsonNode b) {
    return isAbsent(a) && isAbsent(b) || (!isAbsent(a) && a.equals(b));
  }

  private static boolean isAbsent(JsonNode node) {
    return node.isMissingNode() || node.isNull();
  }
}
