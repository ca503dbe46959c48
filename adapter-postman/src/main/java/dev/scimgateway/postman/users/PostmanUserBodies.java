package dev.scimgateway.postman.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import java.util.Set;

/** The request bodies Postman's SCIM Users API takes, and what the gateway keeps of its answers. */
final class PostmanUserBodies {

  static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  /** The attributes Postman stores; everything else is accepted from the IdP and not forwarded. */
  static final Set<String> STORED_ATTRIBUTES = Set.of("userName", "name.givenName", "name.familyName", "externalId", "active");

  /** Returned on every user, derived from what Postman stores: Postman's userName is the user's email. */
  static final Set<String> DERIVED_ATTRIBUTES = Set.of("emails");

  private static final Set<String> RETURNED_ATTRIBUTES = Set.of("schemas", "id", "userName", "name", "externalId", "active", "meta");
  private static final ObjectMapper JSON = new ObjectMapper();

  private PostmanUserBodies() {}

  /**
   * A POST or PUT body from a user the gateway reduced to {@link #STORED_ATTRIBUTES}. Postman rejects
   * a user without both names, so that is refused here with a detail the IdP's admin can act on.
   */
  static ObjectNode user(ObjectNode user) {
    for (String name : new String[] {"givenName", "familyName"}) {
      JsonNode value = user.path("name").path(name);
      if (!value.isTextual() || value.asText().isBlank()) {
        throw ScimFailure.badRequest(ScimErrorType.INVALID_VALUE,
            "Postman requires name." + name + "; map a non-empty value to it in the IdP.");
      }
    }
    ObjectNode body = JSON.createObjectNode();
    body.putArray("schemas").add(USER_SCHEMA);
    body.setAll(user);
    return body;
  }

  /** Postman's PATCH form for activating or deactivating a user. */
  static ObjectNode setActive(boolean active) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("schemas").add(PATCH_OP_SCHEMA);
    ObjectNode operation = body.putArray("Operations").addObject();
    operation.put("op", "replace");
    operation.putObject("value").put("active", active);
    return body;
  }

  /**
   * The user as Postman returned it, limited (in place) to the attributes of a User resource, with its
   * userName as its one, primary, work email (Okta's integration checks read {@code emails[0].value}).
   */
  static ObjectNode fromPostman(JsonNode answer) {
    if (!(answer instanceof ObjectNode user) || !answer.path("id").isTextual()) {
      throw ScimFailure.badGateway("Postman answered with something that is not a User resource.");
    }
    user.retain(RETURNED_ATTRIBUTES);
    if (user.path("userName").isTextual()) {
      user.putArray("emails").addObject()
          .put("value", user.get("userName").asText()).put("type", "work").put("primary", true);
    }
    return user;
  }
}
