package dev.scimgateway.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ResourceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resource types the gateway knows, built from data: every {@value #RESOURCE_TYPES} and
 * {@value #SCHEMAS} on the class path, the first a JSON array of RFC 7643 §6 resource type documents,
 * the second of the §7 schemas they name. gateway-core ships User (with the enterprise extension) and
 * Group; a jar that adds both files adds a resource type, with no code.
 */
public final class ResourceTypeRegistry {

  public static final String RESOURCE_TYPES = "META-INF/scim-gateway/resource-types.json";
  public static final String SCHEMAS = "META-INF/scim-gateway/schemas.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> DISCOVERY_ENDPOINTS = Set.of("ServiceProviderConfig", "ResourceTypes", "Schemas");

  private final Map<String, ResourceDefinition> byName;

  /** Every resource type's endpoint, as the answer {@link #canonicalEndpoint} gives for each request. */
  private final List<Optional<String>> endpoints;

  private ResourceTypeRegistry(Map<String, ResourceDefinition> byName) {
    this.endpoints = byName.values().stream().map(definition -> Optional.of(definition.type().endpoint())).toList();
    this.byName = byName;
  }

  /** The resource types on the class path of this class's loader. */
  public static ResourceTypeRegistry fromClasspath() {
    ClassLoader loader = ResourceTypeRegistry.class.getClassLoader();
    Map<String, ObjectNode> schemas = new LinkedHashMap<>();
    for (JsonNode schema : documents(loader, SCHEMAS)) {
      schemas.put(schema.path("id").asText().toLowerCase(java.util.Locale.ROOT), (ObjectNode) schema);
    }
    Map<String, ResourceDefinition> byName = new LinkedHashMap<>();
    for (JsonNode document : documents(loader, RESOURCE_TYPES)) {
      ResourceDefinition definition = definition((ObjectNode) document, schemas);
      if (byName.putIfAbsent(definition.name().toLowerCase(java.util.Locale.ROOT), definition) != null) {
        throw new IllegalStateException("two resource types are called " + definition.name());
      }
    }
    return new ResourceTypeRegistry(Collections.unmodifiableMap(byName));
  }

  /** Every resource type, in the order found. */
  public List<ResourceDefinition> all() {
    return List.copyOf(byName.values());
  }

  /** The resource type called {@code name}, in any case. */
  public Optional<ResourceDefinition> byName(String name) {
    return Optional.ofNullable(byName.get(name.toLowerCase(java.util.Locale.ROOT)));
  }

  /**
   * The endpoint a path segment below a tenant names, spelled as defined: a resource type's, in any
   * case ({@code users} is {@code Users}), or one of the discovery endpoints of RFC 7644 §4.
   */
  public Optional<String> canonicalEndpoint(String segment) {
    if (DISCOVERY_ENDPOINTS.contains(segment)) {
      return Optional.of(segment);
    }
    for (Optional<String> endpoint : endpoints) {
      if (endpoint.get().equalsIgnoreCase(segment)) {
        return endpoint;
      }
    }
    return Optional.empty();
  }

  /** The resource type of an adapter's {@link ResourceType}. */
  public Optional<ResourceDefinition> of(ResourceType type) {
    return byName(type.name());
  }

  private static ResourceDefinition definition(ObjectNode document, Map<String, ObjectNode> schemas) {
    String name = required(document, "name");
    String endpoint = required(document, "endpoint").replaceFirst("^/", "");
    String schemaUrn = required(document, "schema");
    List<SchemaDefinition> extensions = new ArrayList<>();
    document.path("schemaExtensions").forEach(extension -> extensions.add(schema(extension.path("schema").asText(), schemas, name)));
    return new ResourceDefinition(new ResourceType(name, endpoint, schemaUrn), document.path("description").asText(name),
        schema(schemaUrn, schemas, name), extensions, document);
  }

  private static SchemaDefinition schema(String urn, Map<String, ObjectNode> schemas, String type) {
    ObjectNode schema = schemas.get(urn.toLowerCase(java.util.Locale.ROOT));
    if (schema == null) {
      throw new IllegalStateException("resource type " + type + " names schema " + urn + ", which no " + SCHEMAS + " defines");
    }
    return SchemaDefinition.fromJson(schema);
  }

  private static String required(JsonNode document, String key) {
    String value = document.path(key).asText("");
    if (value.isBlank()) {
      throw new IllegalStateException("a resource type in " + RESOURCE_TYPES + " has no " + key + ": " + document);
    }
    return value;
  }

  private static List<JsonNode> documents(ClassLoader loader, String resource) {
    List<JsonNode> documents = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(resource))) {
        try (InputStream in = url.openStream()) {
          JsonNode array = JSON.readTree(in);
          if (!array.isArray()) {
            throw new IllegalStateException(url + " must hold a JSON array");
          }
          array.forEach(documents::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }
}
