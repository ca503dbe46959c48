package dev.scimgateway.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ResourceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The RFC 7643 §8.7.1 schema definitions of the core resource types the gateway knows. */
public final class SchemaDefinitions {

  private static final Map<ResourceType, ObjectNode> SCHEMAS = Map.of(
      ResourceType.USER, load("/dev/scimgateway/core/discovery/user-schema.json"),
      ResourceType.GROUP, load("/dev/scimgateway/core/discovery/group-schema.json"));

  private SchemaDefinitions() {}

  /** A copy of the schema of {@code type}. */
  public static Optional<ObjectNode> schema(ResourceType type) {
    return Optional.ofNullable(SCHEMAS.get(type)).map(ObjectNode::deepCopy);
  }

  /**
   * The declared type ({@code string}, {@code boolean}, {@code complex}…) of a dotted attribute path;
   * {@code externalId} and {@code id} are strings on every resource (RFC 7643 §3.1).
   */
  public static Optional<String> typeOf(ResourceType type, String path) {
    if (path.equalsIgnoreCase("externalId") || path.equalsIgnoreCase("id")) {
      return Optional.of("string");
    }
    Map<String, String> types = TYPES.get(type);
    if (types == null) {
      return Optional.empty();
    }
    StringBuilder key = new StringBuilder(path.length());
    String[] segments = path.split("\\.");
    for (int i = 0; i < segments.length; i++) {
      key.append(i == 0 ? "" : ".").append(segments[i].toLowerCase(Locale.ROOT));
    }
    return Optional.ofNullable(types.get(key.toString()));
  }

  /**
   * Every attribute path of every schema (lower case, dotted) and its declared type, computed once: the
   * schemas are parsed with the SCIM SDK's case-insensitive object nodes, and walking them for every
   * attribute of every request cost a measurable share of a create (docs/BENCHMARKS.md). Where two
   * attributes of one level have the same name ignoring case, the later one counts.
   */
  private static final Map<ResourceType, Map<String, String>> TYPES = types();

  private static Map<ResourceType, Map<String, String>> types() {
    Map<ResourceType, Map<String, String>> types = new HashMap<>();
    SCHEMAS.forEach((type, schema) -> {
      Map<String, String> paths = new HashMap<>();
      index(schema.path("attributes"), "", paths);
      types.put(type, Map.copyOf(paths));
    });
    return Map.copyOf(types);
  }

  private static void index(JsonNode attributes, String prefix, Map<String, String> paths) {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (JsonNode attribute : attributes) {
      byName.put(attribute.path("name").asText().toLowerCase(Locale.ROOT), attribute);
    }
    byName.forEach((name, attribute) -> {
      paths.put(prefix + name, attribute.path("type").asText());
      index(attribute.path("subAttributes"), prefix + name + ".", paths);
    });
  }

  private static ObjectNode load(String resource) {
    try (InputStream in = SchemaDefinitions.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return (ObjectNode) ScimJson.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
