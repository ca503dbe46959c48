package dev.scimgateway.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.scimgateway.adapter.api.AttributePaths;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Looks up attributes by name the SCIM way: case-insensitively (RFC 7643 §2.1). */
public final class JsonPaths {

  private JsonPaths() {}

  /**
   * The value at an attribute path such as {@code name.givenName} or an extension's
   * {@code urn:…:User:department} ({@link AttributePaths}), or a missing node.
   */
  public static JsonNode find(JsonNode node, String path) {
    return find(node, AttributePaths.segments(path));
  }

  /** The value at the attribute path of these {@link AttributePaths#segments segments}, or a missing node. */
  public static JsonNode find(JsonNode node, List<String> segments) {
    JsonNode current = node;
    for (String segment : segments) {
      current = fieldIgnoringCase(current, segment);
      if (current.isMissingNode()) {
        break;
      }
    }
    return current;
  }

  /**
   * Adds to {@code paths} the path of every value in {@code object} that is not null, going into objects
   * (an array is one value): {@code userName}, {@code name.givenName}, {@code urn:…:User:department}.
   */
  public static void collectLeafPaths(JsonNode object, String prefix, Collection<String> paths) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        collectLeafPaths(value, AttributePaths.prefixWithin(prefix, field.getKey()), paths);
      } else if (!value.isNull()) {
        paths.add(prefix + field.getKey());
      }
    }
  }

  /** The field called {@code name} in any case, or a missing node. */
  public static JsonNode fieldIgnoringCase(JsonNode node, String name) {
    if (node != null && node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().equalsIgnoreCase(name)) {
          return field.getValue();
        }
      }
    }
    return MissingNode.getInstance();
  }
}
