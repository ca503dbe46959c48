package dev.scimgateway.adapter.tck;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scimgateway.adapter.api.ResourceProvider;
import java.util.UUID;

/** Sample resources for {@link ProviderFixture}s of the core resource types. */
public final class Samples {

  private Samples() {}

  /** An active RFC 7643 User with both names, {@code <unique>@example.com} and externalId {@code ext-<unique>}. */
  public static ObjectNode user(String unique) {
    ObjectNode user = JsonNodeFactory.instance.objectNode().put("userName", unique + "@example.com")
        .put("externalId", "ext-" + unique).put("active", true);
    user.putObject("name").put("givenName", "Given").put("familyName", "Family");
    return user;
  }

  /** The URN of RFC 7643 §4.3's enterprise User extension. */
  public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  /** A {@link #user} with the enterprise extension's {@code department} and {@code employeeNumber}. */
  public static ObjectNode enterpriseUser(String unique) {
    ObjectNode user = user(unique);
    user.putObject(ENTERPRISE_USER).put("department", "Research").put("employeeNumber", "e-" + unique);
    return user;
  }

  /** Moving a user made by {@link #enterpriseUser} to another department: an extension's attribute. */
  public static ProviderFixture.Assignment departmentChange() {
    return new ProviderFixture.Assignment(ENTERPRISE_USER + ":department", TextNode.valueOf("Sales"));
  }

  /** Deactivating a user made by {@link #user}. */
  public static ProviderFixture.Assignment deactivation() {
    return new ProviderFixture.Assignment("active", BooleanNode.FALSE);
  }

  /** An RFC 7643 Group named {@code Group <unique>}, without members. */
  public static ObjectNode group(String unique) {
    ObjectNode group = JsonNodeFactory.instance.objectNode().put("displayName", "Group " + unique);
    group.putArray("members");
    return group;
  }

  /** Renaming a group, to a new name each time (upstreams keep displayNames unique). */
  public static ProviderFixture.Assignment groupRename() {
    return new ProviderFixture.Assignment("displayName", TextNode.valueOf("Renamed " + UUID.randomUUID()));
  }

  /** A group's {@code members}, each a new {@link #user} created through {@code users}. */
  public static ProviderFixture.MultiValued members(ResourceProvider users) {
    return new ProviderFixture.MultiValued("members", () -> users
        .create(user("member" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)))
        .map(created -> (JsonNode) JsonNodeFactory.instance.objectNode().put("value", created.path("id").asText())));
  }
}
