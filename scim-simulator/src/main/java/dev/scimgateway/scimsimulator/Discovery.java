package dev.scimgateway.scimsimulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The simulator's RFC 7643 §5–7 discovery documents. */
final class Discovery {

  static final int MAX_RESULTS = 100;
  private static final String SPC_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
  private static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
  private static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

  private Discovery() {}

  static ObjectNode serviceProviderConfig(boolean patch) {
    ObjectNode config = ScimJson.object();
    config.putArray("schemas").add(SPC_SCHEMA);
    config.putObject("patch").put("supported", patch);
    config.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
    config.putObject("filter").put("supported", true).put("maxResults", MAX_RESULTS);
    config.putObject("changePassword").put("supported", false);
    config.putObject("sort").put("supported", false);
    config.putObject("etag").put("supported", false);
    config.putArray("authenticationSchemes").addObject().put("type", "oauthbearertoken").put("name", "OAuth Bearer Token")
        .put("description", "A bearer token in Authorization");
    return config;
  }

  static ObjectNode resourceType(ResourceKind kind) {
    ObjectNode type = ScimJson.object();
    type.putArray("schemas").add(RESOURCE_TYPE_SCHEMA);
    type.put("id", kind.name()).put("name", kind.name()).put("endpoint", "/" + kind.endpoint()).put("schema", kind.schema());
    ArrayNode extensions = type.putArray("schemaExtensions");
    kind.extensions().forEach(urn -> extensions.addObject().put("schema", urn).put("required", false));
    return type;
  }

  /** The schemas of {@code kind}: its own, then its extensions'. */
  static List<ObjectNode> schemas(ResourceKind kind) {
    List<ObjectNode> schemas = new java.util.ArrayList<>();
    schemas.add(schema(kind));
    kind.extensions().stream().map(Discovery::extensionSchema).forEach(schemas::add);
    return schemas;
  }

  /** RFC 7643 §4.3's enterprise User extension, the one extension the simulator knows. */
  private static ObjectNode extensionSchema(String urn) {
    ObjectNode schema = ScimJson.object();
    schema.putArray("schemas").add(SCHEMA_SCHEMA);
    schema.put("id", urn).put("name", "EnterpriseUser");
    ArrayNode attributes = schema.putArray("attributes");
    for (String name : List.of("employeeNumber", "costCenter", "organization", "division", "department")) {
      attributes.add(attribute(name, "string", false, false, false));
    }
    ObjectNode manager = attribute("manager", "complex", false, false, false);
    manager.putArray("subAttributes").add(attribute("value", "string", false, false, false))
        .add(attribute("$ref", "reference", false, false, false))
        .add(attribute("displayName", "string", false, false, false).put("mutability", "readOnly"));
    attributes.add(manager);
    return schema;
  }

  private static ObjectNode schema(ResourceKind kind) {
    ObjectNode schema = ScimJson.object();
    schema.putArray("schemas").add(SCHEMA_SCHEMA);
    schema.put("id", kind.schema()).put("name", kind.name());
    ArrayNode attributes = schema.putArray("attributes");
    if (kind.equals(ResourceKind.USER)) {
      attributes.add(attribute("userName", "string", false, true, true));
      ObjectNode name = attribute("name", "complex", false, false, false);
      name.putArray("subAttributes").add(attribute("givenName", "string", false, false, false))
          .add(attribute("familyName", "string", false, false, false))
          .add(attribute("formatted", "string", false, false, false));
      attributes.add(name);
      attributes.add(attribute("displayName", "string", false, false, false));
      ObjectNode emails = attribute("emails", "complex", true, false, false);
      emails.putArray("subAttributes").add(attribute("value", "string", false, false, false))
          .add(attribute("type", "string", false, false, false))
          .add(attribute("primary", "boolean", false, false, false));
      attributes.add(emails);
      attributes.add(attribute("active", "boolean", false, false, false));
    } else {
      attributes.add(attribute("displayName", "string", false, true, true));
      ObjectNode members = attribute("members", "complex", true, false, false);
      members.putArray("subAttributes").add(attribute("value", "string", false, false, false))
          .add(attribute("display", "string", false, false, false))
          .add(attribute("type", "string", false, false, false));
      attributes.add(members);
    }
    return schema;
  }

  static ObjectNode list(List<ObjectNode> resources) {
    ObjectNode list = ScimJson.object();
    list.putArray("schemas").add(ScimJson.LIST_SCHEMA);
    list.put("totalResults", resources.size()).put("startIndex", 1).put("itemsPerPage", resources.size());
    list.putArray("Resources").addAll(resources);
    return list;
  }

  private static ObjectNode attribute(String name, String type, boolean multiValued, boolean required, boolean unique) {
    return ScimJson.object().put("name", name).put("type", type).put("multiValued", multiValued)
        .put("required", required).put("caseExact", false).put("mutability", "readWrite").put("returned", "default")
        .put("uniqueness", unique ? "server" : "none");
  }
}
