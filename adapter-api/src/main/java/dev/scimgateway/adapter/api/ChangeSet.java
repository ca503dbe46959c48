package dev.scimgateway.adapter.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A change to one resource: its state before and the state the IdP asked for, both reduced to the
 * attributes the provider stores, and the resource as it was read.
 *
 * @param before the stored attributes of the resource as the provider returned it
 * @param after the stored attributes with the IdP's changes applied
 * @param current the resource as the provider returned it, whole (with {@code id} and {@code meta}): the
 *     answer to give when nothing needs writing
 */
public record ChangeSet(ObjectNode before, ObjectNode after, ObjectNode current) {

  private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

  public ChangeSet {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(current, "current");
  }

  /** A change whose resource as read is {@code before} itself. */
  public ChangeSet(ObjectNode before, ObjectNode after) {
    this(before, after, before);
  }

  /**
   * Whether the value at an attribute path ({@link AttributePaths}) differs, e.g. {@code changed("name.givenName")}.
   * An attribute that is absent on one side and null on the other has not changed.
   */
  public boolean changed(String path) {
    return !valueEquals(at(before, path), at(after, path));
  }

  /** Whether nothing differs. */
  public boolean isEmpty() {
    return changedPaths().isEmpty();
  }

  /**
   * The paths of the leaf values that differ, e.g. {@code [active, name.givenName,
   * urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department]}.
   */
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

  /** The value at an attribute path of {@link #after()}, or a missing node. */
  public JsonNode newValue(String path) {
    return at(after, path);
  }

  /** Adds to the sorted {@code paths} the differing leaves of every name of {@code after}, then of {@code before}'s others. */
  private static void collectDifferences(JsonNode before, JsonNode after, String prefix, Set<String> paths) {
    for (Iterator<String> names = after.fieldNames(); names.hasNext(); ) {
      collectDifference(before, after, prefix, names.next(), paths);
    }
    for (Iterator<String> names = before.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!after.has(name)) {
        collectDifference(before, after, prefix, name, paths);
      }
    }
  }

  private static void collectDifference(JsonNode before, JsonNode after, String prefix, String name, Set<String> paths) {
    JsonNode old = before.path(name);
    JsonNode now = after.path(name);
    if (old.isObject() && (now.isObject() || isAbsent(now)) || now.isObject() && isAbsent(old)) {
      collectDifferences(old.isObject() ? old : EMPTY, now.isObject() ? now : EMPTY,
          AttributePaths.prefixWithin(prefix, name), paths);
    } else if (!valueEquals(old, now)) {
      paths.add(prefix + name);
    }
  }

  private static JsonNode at(JsonNode node, String path) {
    JsonNode current = node;
    for (String segment : AttributePaths.segments(path)) {
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
