package dev.scimgateway.core.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.core.protocol.ListRequest;
import dev.scimgateway.core.protocol.SchemaDefinitions;
import dev.scimgateway.core.protocol.ScimJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The RFC 7643 §5–7 discovery documents of one tenant, built from what its adapter declares: the
 * resource types it serves, and of their schemas only the attributes it stores.
 */
public final class DiscoveryDocuments {

  public static final String SERVICE_PROVIDER_CONFIG_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
  public static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
  public static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

  private static final List<ResourceType> KNOWN_TYPES = List.of(ResourceType.USER, ResourceType.GROUP);

  private final ScimAdapter adapter;

  public DiscoveryDocuments(ScimAdapter adapter) {
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
    List<ObjectNode> types = new ArrayList<>();
    for (ResourceType type : KNOWN_TYPES) {
      adapter.provider(type).ifPresent(provider -> types.add(resourceType(type, baseUrl)));
    }
    return types;
  }

  public Optional<ObjectNode> resourceType(String name, String baseUrl) {
    return servedType(type -> type.name().equalsIgnoreCase(name)).map(type -> resourceType(type, baseUrl));
  }

  /** RFC 7643 §7: the schemas of the served types, with only the attributes the upstream stores. */
  public List<ObjectNode> schemas(String baseUrl) {
    List<ObjectNode> schemas = new ArrayList<>();
    for (ResourceType type : KNOWN_TYPES) {
      adapter.provider(type).ifPresent(provider -> schemas.add(schema(type, provider, baseUrl)));
    }
    return schemas;
  }

  public Optional<ObjectNode> schema(String urn, String baseUrl) {
    return servedType(type -> type.schema().equalsIgnoreCase(urn))
        .map(type -> schema(type, adapter.provider(type).orElseThrow(), baseUrl));
  }

  private Optional<ResourceType> servedType(Predicate<ResourceType> matching) {
    return KNOWN_TYPES.stream().filter(matching).filter(type -> adapter.provider(type).isPresent()).findFirst();
  }

  private static ObjectNode resourceType(ResourceType type, String baseUrl) {
    ObjectNode node = ScimJson.newObject();
    node.putArray("schemas").add(RESOURCE_TYPE_SCHEMA);
    node.put("id", type.name()).put("name", type.name()).put("endpoint", "/" + type.endpoint())
        .put("description", type.name()).put("schema", type.schema());
    node.putArray("schemaExtensions");
    meta(node, "ResourceType", baseUrl + "/ResourceTypes/" + type.name());
    return node;
  }

  private static ObjectNode schema(ResourceType type, ResourceProvider provider, String baseUrl) {
    ObjectNode full = SchemaDefinitions.schema(type).orElseThrow();
    ArrayNode kept = supportedAttributes((ArrayNode) full.get("attributes"), "", provider.capabilities());
    full.set("attributes", kept);
    full.putArray("schemas").add(SCHEMA_SCHEMA);
    meta(full, "Schema", baseUrl + "/Schemas/" + type.schema());
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
