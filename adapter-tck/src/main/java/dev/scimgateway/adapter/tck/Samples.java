package dev.scimgateway.adapter.tck;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

  /** Deactivating a user made by {@link #user}. */
  public static ProviderFixture.Assignment deactivation() {
    return new ProviderFixture.Assignment("active", BooleanNode.FALSE);
  }
}
