package dev.scimgateway.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import java.util.Locale;
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
      JsonNode value = JsonPaths.find(resource, path);
      if (!value.isMissingNode()) {
        put(result, path.split("\\."), value.deepCopy());
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
      String lower = attribute.toLowerCase(Locale.ROOT);
      for (String target : targetedPaths) {
        String t = target.toLowerCase(Locale.ROOT);
        if (lower.equals(t) || lower.startsWith(t + ".") || t.startsWith(lower + ".")) {
          supported.add(attribute);
        }
      }
    }
    return supported;
  }

  private static void put(ObjectNode target, String[] segments, JsonNode value) {
    ObjectNode parent = target;
    for (int i = 0; i < segments.length - 1; i++) {
      parent = parent.has(segments[i]) ? (ObjectNode) parent.get(segments[i]) : parent.putObject(segments[i]);
    }
    parent.set(segments[segments.length - 1], value);
  }
}
