package dev.scimgateway.core.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.core.protocol.ListRequest;
import dev.scimgateway.core.protocol.ScimJson;
import dev.scimgateway.core.resource.ResourceDefinition;
import dev.scimgateway.core.resource.ResourceTypeRegistry;
import dev.scimgateway.core.resource.SchemaDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The RFC 7643 §5–7 discovery documents of one tenant, built from what its adapter declares: the
 * resource types it serves, and of their schemas only the attributes it stores.
 */
public final class DiscoveryDocuments {

  public static final String SERVICE_PROVIDER_CONFIG_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
  public static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
  public static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

  private final ResourceTypeRegistry registry;
  private final ScimAdapter adapter;

  public DiscoveryDocuments(ResourceTypeRegistry registry, ScimAdapter adapter) {
    this.registry = registry;
    this.adapter = adapter;
  }

  /** RFC 7643 §5. The gateway applies PATCH and filters itself, whatever the upstream offers. */
  public ObjectNode serviceProviderConfig(String baseUrl) {
    ObjectNode config = ScimJson.newObject();
    config.putArray("schemas").add(SERVICE_PROVIDER_CONFIG_SCHEMA);
    config.put("documentationUri", "https://github.com/scim-gateway/scim-gateway#readme");
    config.putObject("patch").put("supported", true);
    config.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
    config.putObject("filter").put("supported", true).put("maxResults", ListRequest.MAX_COUNT);
    config.putObject("changePassword").put("supported", false);
    config.putObject("sort").put("supported", false);
    config.putObject("etag").put("supported", false);
    config.putArray("authenticationSchemes").addObject()
        .put("type", "oauthbearertoken")
        .put("name", "OAuth Bearer Token")
        .put("description", "The tenant's token, sent as 'Authorization: Bearer <token>'.")
        .put("specUri", "https://www.rfc-editor.org/info/rfc6750")
        .put("primary", true);
    meta(config, "ServiceProviderConfig", baseUrl + "/ServiceProviderConfig");
    return config;
  }

  /** RFC 7643 §6: the resource types this tenant serves. */
  public List<ObjectNode> resourceTypes(String baseUrl) {
    return served().map(served -> resourceType(served, baseUrl)).toList();
  }

  public Optional<ObjectNode> resourceType(String name, String baseUrl) {
    return served().filter(served -> served.definition().name().equalsIgnoreCase(name)).findFirst()
        .map(served -> resourceType(served, baseUrl));
  }

  /**
   * RFC 7643 §7: the schemas of the served types, with only the attributes the upstream stores; an
   * extension of which it stores nothing is left out.
   */
  public List<ObjectNode> schemas(String baseUrl) {
    return served().flatMap(served -> schemasOf(served, baseUrl)).toList();
  }

  public Optional<ObjectNode> schema(String urn, String baseUrl) {
    return served().flatMap(served -> schemasOf(served, baseUrl))
        .filter(schema -> schema.path("id").asText().equalsIgnoreCase(urn))
        .findFirst();
  }

  /** A resource type the registry defines and the tenant's adapter serves. */
  private record Served(ResourceDefinition definition, ResourceCapabilities capabilities) {}

  private Stream<Served> served() {
    return registry.all().stream()
        .flatMap(definition -> adapter.provider(definition.type()).stream()
            .map(provider -> new Served(definition, provider.capabilities())));
  }

  private static ObjectNode resourceType(Served served, String baseUrl) {
    ResourceType type = served.definition().type();
    ObjectNode node = ScimJson.newObject();
    node.putArray("schemas").add(RESOURCE_TYPE_SCHEMA);
    node.put("id", type.name()).put("name", type.name()).put("endpoint", "/" + type.endpoint())
        .put("description", served.definition().description()).put("schema", type.schema());
    ArrayNode extensions = node.putArray("schemaExtensions");
    for (SchemaDefinition extension : served.definition().extensions()) {
      if (storesAny(extension, served.capabilities())) {
        extensions.addObject().put("schema", extension.id()).put("required", false);
      }
    }
    meta(node, "ResourceType", baseUrl + "/ResourceTypes/" + type.name());
    return node;
  }

  private static Stream<ObjectNode> schemasOf(Served served, String baseUrl) {
    List<ObjectNode> schemas = new ArrayList<>();
    schemas.add(schema(served.definition().schema(), "", served.capabilities(), baseUrl));
    for (SchemaDefinition extension : served.definition().extensions()) {
      if (storesAny(extension, served.capabilities())) {
        schemas.add(schema(extension, extension.id() + ":", served.capabilities(), baseUrl));
      }
    }
    return schemas.stream();
  }

  private static boolean storesAny(SchemaDefinition extension, ResourceCapabilities capabilities) {
    return capabilities.attributes().stream().anyMatch(path -> path.regionMatches(true, 0, extension.id() + ":", 0, extension.id().length() + 1));
  }

  private static ObjectNode schema(SchemaDefinition definition, String prefix, ResourceCapabilities capabilities,
      String baseUrl) {
    ObjectNode full = definition.document();
    full.set("attributes", supportedAttributes((ArrayNode) full.get("attributes"), prefix, capabilities));
    full.putArray("schemas").add(SCHEMA_SCHEMA);
    meta(full, "Schema", baseUrl + "/Schemas/" + definition.id());
    return full;
  }

  private static ArrayNode supportedAttributes(ArrayNode attributes, String prefix, ResourceCapabilities capabilities) {
    ArrayNode kept = ScimJson.mapper().createArrayNode();
    for (JsonNode attribute : attributes) {
      String path = prefix + attribute.get("name").asText();
      if (attribute.has("subAttributes")) {
        ArrayNode subAttributes = supportedAttributes((ArrayNode) attribute.get("subAttributes"), path + ".", capabilities);
        if (!subAttributes.isEmpty() || capabilities.supportsAttribute(path)) {
          ObjectNode copy = attribute.deepCopy();
          copy.set("subAttributes", subAttributes.isEmpty() ? attribute.get("subAttributes") : subAttributes);
          kept.add(copy);
        }
      } else if (capabilities.supportsAttribute(path)) {
        kept.add(attribute.deepCopy());
      }
    }
    return kept;
  }

  private static void meta(ObjectNode node, String resourceType, String location) {
    node.putObject("meta").put("resourceType", resourceType).put("location", location);
  }
}
