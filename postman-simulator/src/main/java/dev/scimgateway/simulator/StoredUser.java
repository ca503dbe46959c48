package dev.scimgateway.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A team member as Postman stores it: nothing beyond what its User responses show. */
record StoredUser(String id, String userName, String givenName, String familyName, String externalId,
                  boolean active, Instant created, Instant lastModified) {

  static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

  /** Postman's timestamp form, e.g. {@code 2021-02-22T04:24:13.000Z}: always three fraction digits. */
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  StoredUser withName(String newGivenName, String newFamilyName, Instant now) {
    return new StoredUser(id, userName, newGivenName, newFamilyName, externalId, active, created, now);
  }

  StoredUser withActive(boolean newActive, Instant now) {
    return new StoredUser(id, userName, givenName, familyName, externalId, newActive, created, now);
  }

  /** The exact body of {@code GET /Users/{id}}. */
  JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("schemas", new JsonArray().add(USER_SCHEMA))
        .put("id", id)
        .put("userName", userName)
        .put("name", new JsonObject().put("givenName", givenName).put("familyName", familyName));
    if (externalId != null) {
      json.put("externalId", externalId);
    }
    return json
        .put("active", active)
        .put("meta", new JsonObject()
            .put("resourceType", "User")
            .put("created", TIMESTAMP.format(created))
            .put("lastModified", TIMESTAMP.format(lastModified)));
  }
}
