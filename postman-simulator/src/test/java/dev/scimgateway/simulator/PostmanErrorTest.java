package dev.scimgateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostmanErrorTest {

  @Test
  void bodiesMatchTheCollectionExamplesExactly() {
    assertEquals(new JsonObject(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"scimType\":\"uniqueness\","
                + "\"detail\":\"This person is already a member of the team.\",\"status\":\"409\"}"),
        PostmanError.ALREADY_MEMBER.body());
    assertEquals("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
            + "\"detail\":\"Couldn’t update this team member’s username. Try again — it should work next time"
            + " around.\",\"status\":\"400\"}",
        PostmanError.USERNAME_NOT_UPDATABLE.body().encode());
    assertEquals("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
            + "\"detail\":\"That’s 180 attempts in less than a minute. Wait for a minute and then try again.\","
            + "\"status\":429}",
        PostmanError.RATE_LIMITED_WRITES.body().encode());
    assertEquals("That’s 300 attempts in less than a minute. Wait for a minute and then try again.",
        PostmanError.RATE_LIMITED_READS.detail());
  }

  @Test
  void scimTypeOnlyForInvalidSyntaxAndUniqueness() {
    for (PostmanError error : PostmanError.values()) {
      Optional<String> scimType = error.scimType();
      JsonObject body = error.body();
      assertEquals(new JsonArray().add(PostmanError.ERROR_SCHEMA), body.getJsonArray("schemas"));
      assertEquals(error.detail(), body.getString("detail"));
      assertEquals(scimType.isPresent(), body.containsKey("scimType"), error.name());
      scimType.ifPresent(t -> assertTrue(t.equals("invalidSyntax") || t.equals("uniqueness"), error.name()));
      if (error.status() == 429) {
        assertEquals(429, body.getValue("status"));
      } else {
        assertEquals(Integer.toString(error.status()), body.getValue("status"));
      }
    }
    assertEquals(Optional.of("invalidSyntax"), PostmanError.INVALID_BODY.scimType());
    assertEquals(Optional.of("invalidSyntax"), PostmanError.UNSUPPORTED_OPERATION.scimType());
    assertFalse(PostmanError.UNSUPPORTED_FILTER.scimType().isPresent());
  }

  @Test
  void statusesAndCurlyApostrophesAreAsDocumented() {
    assertEquals(404, PostmanError.NOT_MEMBER.status());
    assertEquals(403, PostmanError.NOT_MEMBER_FORBIDDEN.status());
    assertEquals(PostmanError.NOT_MEMBER.detail(), PostmanError.NOT_MEMBER_FORBIDDEN.detail());
    assertEquals("This person isn\u2019t a member of the team.", PostmanError.NOT_MEMBER.detail());
    assertEquals("This Postman team doesn\u2019t exist anymore.", PostmanError.TEAM_GONE.detail());
    assertEquals("Team doesn't exist.", PostmanError.TEAM_DOESNT_EXIST.detail());
    assertEquals("You\u2019ve used filter(s) that Postman doesn\u2019t support.",
        PostmanError.UNSUPPORTED_FILTER.detail());
    assertEquals(401, PostmanError.BAD_KEY.status());
    assertEquals(500, PostmanError.FETCH_MEMBER_FAILED.status());
  }
}
