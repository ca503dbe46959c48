package dev.scimgateway.postman.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The request bodies Postman's SCIM Groups API takes, and what the gateway keeps of its answers. */
final class PostmanGroupBodies {

  static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
  static final String PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  /**
   * The attributes Postman stores. Not {@code externalId}: Postman documents no externalId in a group
   * request, and its examples answer one the request never sent.
   */
  static final Set<String> STORED_ATTRIBUTES = Set.of("displayName", "members");

  private static final Set<String> RETURNED_ATTRIBUTES = Set.of("schemas", "id", "displayName", "members", "meta");
  private static final ObjectMapper JSON = new ObjectMapper();

  private PostmanGroupBodies() {}

  /** A POST body: the name and the members' user ids (Postman fills in {@code display} itself). */
  static ObjectNode create(String displayName, List<String> members) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("schemas").add(GROUP_SCHEMA);
    body.put("displayName", displayName);
    memberArray(body.putArray("members"), members);
    return body;
  }

  /** A PATCH body of Postman's documented operations: rename (if any), member removals, then adds. */
  static ObjectNode patch(String groupId, GroupEdit edit) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("schemas").add(PATCH_OP_SCHEMA);
    ArrayNode operations = body.putArray("Operations");
    edit.rename().ifPresent(name -> {
      ObjectNode rename = operations.addObject().put("op", "replace");
      rename.putObject("value").put("id", groupId).put("displayName", name);
    });
    for (String value : edit.removed()) {
      operations.addObject().put("op", "remove").put("path", "members[value eq \"" + value + "\"]");
    }
    if (!edit.added().isEmpty()) {
      ObjectNode add = operations.addObject().put("op", "add").put("path", "members");
      memberArray(add.putArray("value"), edit.added());
    }
    return body;
  }

  private static void memberArray(ArrayNode array, List<String> members) {
    members.forEach(value -> array.addObject().put("value", value));
  }

  /**
   * The group as Postman returned it, limited to the attributes of a Group resource. A {@code members}
   * that is not an array (Postman answers a rename with {@code "members": null}) is left out: it means
   * "not said", never "no members".
   */
  static ObjectNode fromPostman(JsonNode answer) {
    if (!answer.isObject() || !answer.path("id").isTextual()) {
      throw ScimFailure.badGateway("Postman answered with something that is not a Group resource.");
    }
    ObjectNode group = JSON.createObjectNode();
    answer.fields().forEachRemaining(field -> {
      if (RETURNED_ATTRIBUTES.contains(field.getKey()) && !(field.getKey().equals("members") && !field.getValue().isArray())) {
        group.set(field.getKey(), field.getValue());
      }
    });
    return group;
  }

  /**
   * The member values ({@code value} sub-attributes: user ids) of a list of members, in order, without
   * repeats; 400 for a member without one, which Postman could not add.
   */
  static List<String> values(Iterable<JsonNode> members) {
    LinkedHashSet<String> values = new LinkedHashSet<>();
    for (JsonNode member : members) {
      JsonNode value = member.path("value");
      if (!value.isTextual() || value.asText().isBlank()) {
        throw ScimFailure.badRequest(ScimErrorType.INVALID_VALUE,
            "Every member needs a value (the id of a user provisioned to Postman), got " + member + ".");
      }
      values.add(value.asText());
    }
    return List.copyOf(values);
  }
}
