package dev.scimgateway.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Field names of the gateway's JSON objects match ignoring case, small objects and large ones alike. */
class CaseInsensitiveObjectNodeTest {

  /** An object with {@code userName} and {@code extra - 1} other fields (the scan stops at 16, the index takes over). */
  private static ObjectNode user(int extra) {
    StringBuilder json = new StringBuilder("{\"userName\":\"jane\"");
    for (int i = 1; i < extra; i++) {
      json.append(",\"field").append(i).append("\":").append(i);
    }
    return ScimJson.parseObject(json.append('}').toString().getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 16, 17, 40})
  void aFieldIsFoundReplacedAndRemovedUnderAnySpellingAndKeepsItsFirst(int fields) {
    ObjectNode user = user(fields);
    assertEquals("jane", user.path("USERNAME").asText());
    assertTrue(user.has("username"));

    user.put("UserName", "joan");
    assertEquals(fields, user.size());
    assertEquals("userName", user.fieldNames().next());
    assertEquals("joan", user.get("userName").asText());

    assertEquals("joan", user.remove("USERname").asText());
    assertFalse(user.has("userName"));
    assertEquals(fields - 1, user.size());

    user.put("USERNAME", "again");
    assertEquals("again", user.path("userName").asText());
    assertTrue(user.toString().contains("\"USERNAME\":\"again\""), user.toString());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 16, 17, 40})
  void aFieldRemovedThroughTheNamesIsGoneUnderEverySpelling(int fields) {
    ObjectNode user = user(fields);
    user.remove(List.of("userName"));
    assertFalse(user.has("USERNAME"));
    user.put("username", "new");
    assertEquals("new", user.path("UserName").asText());
    assertEquals(fields, user.size());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 40})
  void objectsDifferingOnlyInTheCaseOfTheirNamesAreEqualAndHashAlike(int fields) {
    ObjectNode user = user(fields);
    ObjectNode shouted = ScimJson.newObject();
    List<String> names = new ArrayList<>();
    user.fieldNames().forEachRemaining(names::add);
    names.forEach(name -> shouted.set(name.toUpperCase(), user.get(name).deepCopy()));

    assertEquals(user, shouted);
    assertEquals(user.hashCode(), shouted.hashCode());
    Set<JsonNode> seen = new HashSet<>(Set.of(user));
    assertTrue(seen.contains(shouted));

    shouted.put("USERNAME", "someone else");
    assertNotEquals(user, shouted);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 40})
  void copiesAndNestedObjectsMatchIgnoringCaseToo(int fields) {
    ObjectNode user = user(fields);
    user.putObject("name").put("givenName", "Jane");
    ObjectNode copy = user.deepCopy();
    assertEquals("Jane", copy.path("NAME").path("givenname").asText());
    assertEquals("jane", copy.path("username").asText());
  }

  @Test
  void theScimSdksOwnObjectsAreOfTheSameKind() {
    ScimJson.newObject();
    ObjectNode made = JsonUtils.getJsonNodeFactory().objectNode();
    made.put("displayName", "Admins");
    assertEquals("Admins", made.path("DISPLAYNAME").asText());
    assertEquals(ScimJson.newObject().getClass(), made.getClass());
  }
}
