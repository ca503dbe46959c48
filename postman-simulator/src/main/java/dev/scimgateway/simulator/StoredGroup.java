package dev.scimgateway.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user group as Postman stores it: nothing beyond what its Group responses show.
 *
 * @param members the members in the order they were added, keyed by their {@code value} (a user id); never
 *                modified: a change makes a new group
 */
record StoredGroup(String id, String displayName, String externalId, Map<String, Member> members, Instant created,
                   Instant lastModified) {

  static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

  /** One member: the user's SCIM id and the display text the group answers with. */
  record Member(String value, String display) {
  }

  StoredGroup {
    members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  StoredGroup with(String newDisplayName, Map<String, Member> newMembers, Instant now) {
    return new StoredGroup(id, newDisplayName, externalId, newMembers, created, now);
  }

  /** The exact body of {@code GET /Groups/{id}}. */
  JsonObject toJson() {
    JsonArray memberArray = new JsonArray();
    for (Member member : members.values()) {
      memberArray.add(new JsonObject().put("value", member.value()).put("display", member.display()));
    }
    return toJson(memberArray);
  }

  /** The body of a rename-only PATCH: Postman answers {@code "members": null} then. */
  JsonObject toJsonWithoutMembers() {
    return toJson(null);
  }

  private JsonObject toJson(JsonArray memberArray) {
    JsonObject json = new JsonObject()
        .put("schemas", new JsonArray().add(GROUP_SCHEMA))
        .put("id", id)
        .put("displayName", displayName)
        .put("members", memberArray);
    if (externalId != null) {
      json.put("externalId", externalId);
    }
    return json.put("meta", new JsonObject()
        .put("resourceType", "Group")
        .put("created", StoredUser.TIMESTAMP.format(created))
        .put("lastModified", StoredUser.TIMESTAMP.format(lastModified)));
  }
}
