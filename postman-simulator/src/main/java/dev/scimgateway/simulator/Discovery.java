package dev.scimgateway.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The bodies of GET /ServiceProviderConfig and GET /ResourceTypes (digest §1.3). */
final class Discovery {

  private Discovery() {
  }

  static JsonObject serviceProviderConfig(String baseUrl) {
    return new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"))
        .put("documentationUri", "https://learning.postman.com/docs/administration/managing-your-team/configuring-scim")
        .put("patch", supported(true))
        .put("bulk", supported(false).put("maxOperations", 0).put("maxPayloadSize", 0))
        .put("filter", supported(true).put("maxResults", ListResponse.MAX_RESULTS))
        .put("changePassword", supported(false))
        .put("sort", supported(false))
        .put("etag", supported(false))
        .put("authenticationSchemes", new JsonArray().add(new JsonObject()
            .put("name", "OAuth Bearer Token")
            .put("type", "oauthbearertoken")
            .put("specUri", "http://www.rfc-editor.org/info/rfc6750")))
        .put("meta", new JsonObject().put("location", baseUrl + "/ServiceProviderConfig"));
  }

  /**
   * A bare JSON array, not a ListResponse: the User entry, with the enterprise extension marked required as Postman
   * does, and the Group entry exactly as the 2023–2024 collection shows it (id, endpoint, description).
   */
  static JsonArray resourceTypes() {
    return new JsonArray()
        .add(new JsonObject()
            .put("id", "User")
            .put("endpoint", "/Users")
            .put("schema", StoredUser.USER_SCHEMA)
            .put("schemaExtensions", new JsonArray().add(new JsonObject()
                .put("schema", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
                .put("required", true))))
        .add(new JsonObject()
            .put("id", "Group")
            .put("endpoint", "/Groups")
            .put("description", "Group Account"));
  }

  private static JsonObject supported(boolean supported) {
    return new JsonObject().put("supported", supported);
  }
}
