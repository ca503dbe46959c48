package dev.scimgateway.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ResourceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
    JsonNode attributes = SCHEMAS.containsKey(type) ? SCHEMAS.get(type).path("attributes") : MissingNode.getInstance();
    JsonNode found = null;
    for (String segment : path.split("\\.")) {
      found = null;
      for (JsonNode attribute : attributes) {
        if (attribute.path("name").asText().equalsIgnoreCase(segment)) {
          found = attribute;
        }
      }
      if (found == null) {
        return Optional.empty();
      }
      attributes = found.path("subAttributes");
    }
    return Optional.ofNullable(found).map(attribute -> attribute.path("type").asText());
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
