package dev.scimgateway.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.AttributePaths;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps of a resource only the attributes a provider stores, under the provider's spelling of their
 * names (attribute names are case-insensitive, RFC 7643 §2.1). Everything else the IdP sent is
 * accepted and not forwarded.
 */
public final class SupportedAttributes {

  private SupportedAttributes() {}

  public static ObjectNode retain(ObjectNode resource, ResourceCapabilities capabilities) {
    ObjectNode result = ScimJson.newObject();
    for (String path : capabilities.attributes()) {
      List<String> segments = AttributePaths.segments(path);
      JsonNode value = JsonPaths.find(resource, segments);
      if (!value.isMissingNode()) {
        put(result, segments, value.deepCopy());
      }
    }
    return result;
  }

  /**
   * The supported attribute paths that {@code targetedPaths} touch: the same path, one below it
   * ({@code name} targets {@code name.givenName}) or one above it.
   */
  public static Set<String> targeted(Set<String> targetedPaths, ResourceCapabilities capabilities) {
    Set<String> supported = new TreeSet<>();
    for (String attribute : capabilities.attributes()) {
      if (targetedPaths.stream().anyMatch(target -> AttributePaths.overlap(attribute, target))) {
        supported.add(attribute);
      }
    }
    return supported;
  }

  private static void put(ObjectNode target, List<String> segments, JsonNode value) {
    ObjectNode parent = target;
    for (String segment : segments.subList(0, segments.size() - 1)) {
      parent = parent.has(segment) ? (ObjectNode) parent.get(segment) : parent.putObject(segment);
    }
    parent.set(segments.get(segments.size() - 1), value);
  }
}
