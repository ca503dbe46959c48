package dev.scimgateway.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ScimFailure;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PatchApplierTest {

  private static final String SCHEMA = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private static final String JANE = """
      {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
       "id":"u1","userName":"jane@example.com",
       "name":{"givenName":"Jane","familyName":"Doe"},
       "title":"Engineer",
       "emails":[{"type":"work","value":"jane@work.example","primary":true},
                 {"type":"home","value":"jane@home.example"}],
       "active":true}""";

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) ScimJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(text, e);
    }
  }

  private static ObjectNode patch(String operations) {
    return json("{" + SCHEMA + ",\"Operations\":[" + operations + "]}");
  }

  private static ObjectNode apply(String operations) {
    return PatchApplier.of(patch(operations)).applyTo(json(JANE));
  }

  private static java.util.List<String> fieldNames(ObjectNode node) {
    java.util.List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode email(ObjectNode user, String type) {
    for (JsonNode email : user.path("emails")) {
      if (email.path("type").asText().equals(type)) {
        return email;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  @Test
  void anAddThroughAValueFilterOfASubAttributeThatHasAValueReplacesIt() {
    ObjectNode result = apply("{\"op\":\"add\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"janet@work.example\"}");

    assertEquals("janet@work.example", email(result, "work").get("value").asText(), "RFC 7644 §3.5.2.1: add replaces a single value");
    assertEquals(2, result.get("emails").size());
  }

  @Test
  void replaceWithAPath() {
    ObjectNode result = apply("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Manager\"}");

    assertEquals("Manager", result.get("title").asText());
    assertEquals("jane@example.com", result.get("userName").asText());
  }

  @Test
  void replaceASubAttribute() {
    ObjectNode result = apply("{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Janet\"}");

    assertEquals("Janet", result.at("/name/givenName").asText());
    assertEquals("Doe", result.at("/name/familyName").asText(), "the sibling sub-attribute is kept");
  }

  @Test
  void addASubAttributeToAnAbsentComplexAttribute() {
    ObjectNode result = PatchApplier.of(patch("{\"op\":\"add\",\"path\":\"name.middleName\",\"value\":\"Q\"}"))
        .applyTo(json("{\"userName\":\"x@example.com\"}"));

    assertEquals("Q", result.at("/name/middleName").asText());
  }

  @Test
  void addOnASingleValuedAttributeReplacesIt() {
    ObjectNode result = apply("{\"op\":\"add\",\"path\":\"title\",\"value\":\"CTO\"}");

    assertEquals("CTO", result.get("title").asText());
  }

  @Test
  void addToAMultiValuedAttributeAppends() {
    ObjectNode result = apply("{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"type\":\"other\",\"value\":\"j@other.example\"}]}");

    assertEquals(3, result.get("emails").size());
    assertEquals("j@other.example", email(result, "other").path("value").asText());
  }

  @Test
  void removeWithAPath() {
    ObjectNode result = apply("{\"op\":\"remove\",\"path\":\"title\"}");

    assertFalse(result.has("title"));
  }

  @Test
  void replaceThroughAValueFilterPathChangesOnlyTheMatchingValue() {
    ObjectNode result = apply("{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"janet@work.example\"}");

    assertEquals("janet@work.example", email(result, "work").path("value").asText());
    assertTrue(email(result, "work").path("primary").asBoolean(), "other sub-attributes of the match are kept");
    assertEquals("jane@home.example", email(result, "home").path("value").asText());
  }

  @Test
  void removeThroughAValueFilterPathRemovesOnlyTheMatch() {
    ObjectNode result = apply("{\"op\":\"remove\",\"path\":\"emails[type eq \\\"home\\\"]\"}");

    assertEquals(1, result.get("emails").size());
    assertEquals("work", result.get("emails").get(0).path("type").asText());
  }

  @Test
  void oktaDeactivateWithoutPathMergesTheValueObject() {
    ObjectNode result = apply("{\"op\":\"replace\",\"value\":{\"active\":false}}");

    assertFalse(result.get("active").asBoolean(true));
    assertEquals("Jane", result.at("/name/givenName").asText(), "nothing else changes");
    assertEquals(2, result.get("emails").size());
  }

  @Test
  void noPathValueObjectWithSeveralAttributes() {
    ObjectNode result = apply("{\"op\":\"replace\",\"value\":{\"title\":\"CTO\",\"name\":{\"givenName\":\"Janet\"}}}");

    assertEquals("CTO", result.get("title").asText());
    assertEquals("Janet", result.at("/name/givenName").asText());
  }

  @Test
  void enterpriseExtensionUrnPath() {
    ObjectNode result = apply("{\"op\":\"replace\",\"path\":\"" + ENTERPRISE + ":department\",\"value\":\"R&D\"}");

    assertEquals("R&D", result.path(ENTERPRISE).path("department").asText(), result.toString());
    assertEquals("Engineer", result.get("title").asText());
  }

  @Test
  void enterpriseExtensionManagerAddThenRemove() {
    ObjectNode added = apply("{\"op\":\"add\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":{\"value\":\"boss-id\"}}");
    assertEquals("boss-id", added.path(ENTERPRISE).path("manager").path("value").asText(), added.toString());

    ObjectNode removed = PatchApplier.of(patch("{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + ":manager\"}")).applyTo(added);
    assertTrue(removed.path(ENTERPRISE).path("manager").isMissingNode(), removed.toString());
  }

  @Test
  void operationsApplyInOrder() {
    ObjectNode result = apply("""
        {"op":"replace","path":"title","value":"First"},
        {"op":"remove","path":"title"},
        {"op":"add","path":"title","value":"Last"}""");

    assertEquals("Last", result.get("title").asText());
  }

  @Test
  void theOriginalResourceIsLeftUnchanged() {
    ObjectNode original = json(JANE);
    ObjectNode copy = original.deepCopy();

    ObjectNode result = PatchApplier.of(patch("""
        {"op":"replace","path":"name.givenName","value":"Janet"},
        {"op":"remove","path":"emails[type eq \\"home\\"]"},
        {"op":"replace","value":{"active":false}}""")).applyTo(original);

    assertEquals(copy, original);
    assertFalse(result.equals(original));
  }

  @Test
  void onePatchAppliesToSeveralResourcesIndependently() {
    PatchApplier applier = PatchApplier.of(patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"X\"}"));

    ObjectNode a = applier.applyTo(json("{\"userName\":\"a@example.com\"}"));
    ObjectNode b = applier.applyTo(json("{\"userName\":\"b@example.com\",\"title\":\"Y\"}"));

    assertEquals("X", a.get("title").asText());
    assertEquals("X", b.get("title").asText());
    assertEquals("b@example.com", b.get("userName").asText());
  }

  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        Arguments.of("remove without path", "{" + SCHEMA + ",\"Operations\":[{\"op\":\"remove\"}]}", "noTarget", "Operations[0]"),
        Arguments.of("remove with null path", "{" + SCHEMA + ",\"Operations\":[{\"op\":\"remove\",\"path\":null}]}", "noTarget", "Operations[0]"),
        Arguments.of("unknown op", "{" + SCHEMA + ",\"Operations\":[{\"op\":\"move\",\"path\":\"title\"}]}", "invalidSyntax", "'move'"),
        Arguments.of("capitalised op (not normalized)", "{" + SCHEMA + ",\"Operations\":[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"x\"}]}",
            "invalidSyntax", "'Replace'"),
        Arguments.of("missing op", "{" + SCHEMA + ",\"Operations\":[{\"path\":\"title\",\"value\":\"x\"}]}", "invalidSyntax", "Operations[0].op"),
        Arguments.of("index of the bad operation", "{" + SCHEMA + ",\"Operations\":[{\"op\":\"add\",\"path\":\"title\",\"value\":\"x\"},"
            + "{\"op\":\"copy\",\"path\":\"title\"}]}", "invalidSyntax", "Operations[1]"),
        Arguments.of("missing PatchOp schema", "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}", "invalidSyntax",
            "urn:ietf:params:scim:api:messages:2.0:PatchOp"),
        Arguments.of("wrong schema", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
            + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}", "invalidSyntax", "PatchOp"),
        Arguments.of("empty Operations", "{" + SCHEMA + ",\"Operations\":[]}", "invalidSyntax", "Operations"),
        Arguments.of("missing Operations", "{" + SCHEMA + "}", "invalidSyntax", "Operations"),
        Arguments.of("Operations not an array", "{" + SCHEMA + ",\"Operations\":{\"op\":\"replace\"}}", "invalidSyntax", "Operations"),
        Arguments.of("add without value", "{" + SCHEMA + ",\"Operations\":[{\"op\":\"add\",\"path\":\"title\"}]}", "invalidValue", "value"),
        Arguments.of("unparsable path", "{" + SCHEMA + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":\"x\"}]}",
            "invalidPath", "Operations[0]"),
        Arguments.of("unparsable path on remove", "{" + SCHEMA + ",\"Operations\":[{\"op\":\"remove\",\"path\":\"name..givenName\"}]}",
            "invalidPath", "Operations[0] (remove)"),
        Arguments.of("unknown filter operator in path", "{" + SCHEMA + ",\"Operations\":[{\"op\":\"remove\",\"path\":\"emails[type zz \\\"work\\\"]\"}]}",
            "invalidPath", "Operations[0]"),
        Arguments.of("no-path value that is not an object", "{" + SCHEMA + ",\"Operations\":[{\"op\":\"replace\",\"value\":\"x\"}]}",
            "invalidValue", "Operations[0]"),
        Arguments.of("an operation that is not an object", "{" + SCHEMA + ",\"Operations\":[\"replace\"]}", "invalidSyntax", "Operations[0]"));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("invalidBodies")
  void invalidBodiesAreRejectedBeforeAnythingIsRead(String name, String body, String scimType, String detailFragment) {
    ScimFailure error = assertThrows(ScimFailure.class, () -> PatchApplier.of(json(body)));

    assertEquals(400, error.status());
    assertEquals(scimType, error.scimType().orElseThrow().wireName());
    assertTrue(error.detail().contains(detailFragment), error.detail());
  }

  @Test
  void aSchemaUrnInAnotherCaseIsAccepted() {
    PatchApplier.of(json("{\"schemas\":[\"URN:IETF:PARAMS:SCIM:API:MESSAGES:2.0:PATCHOP\"],"
        + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}"));
  }

  @Test
  void removeOfAValueFilterThatMatchesNothingIsANoOp() {
    ObjectNode result = apply("{\"op\":\"remove\",\"path\":\"emails[type eq \\\"other\\\"]\"}");

    assertEquals(json(JANE), result);
  }

  @Test
  void replaceThroughAValueFilterThatMatchesNothingAddsTheValue() {
    // Entra's known quirk (idp-behavior.md): replace on emails[type eq "work"].value where nothing exists yet.
    ObjectNode result = PatchApplier.of(patch("{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"w@example.com\"}"))
        .applyTo(json("{\"userName\":\"x@example.com\"}"));

    assertEquals("w@example.com", email(result, "work").path("value").asText(), result.toString());
  }

  @Test
  void attributeNamesInAnotherCaseTargetTheExistingAttribute() {
    ObjectNode withPath = apply("{\"op\":\"replace\",\"path\":\"NAME.GIVENNAME\",\"value\":\"Janet\"}");
    ObjectNode withoutPath = apply("{\"op\":\"replace\",\"value\":{\"Active\":false,\"Name\":{\"GivenName\":\"Janet\"}}}");

    assertEquals("Janet", withPath.at("/name/givenName").asText(), withPath.toString());
    assertEquals(fieldNames(json(JANE)), fieldNames(withPath), "no second, differently spelt attribute");
    assertFalse(withoutPath.get("active").asBoolean(true), withoutPath.toString());
    assertEquals(fieldNames(json(JANE)), fieldNames(withoutPath), "no second, differently spelt attribute");
    assertEquals(java.util.List.of("givenName", "familyName"), fieldNames((ObjectNode) withoutPath.get("name")));
    assertEquals("Janet", withoutPath.at("/name/givenName").asText(), withoutPath.toString());
  }

  @Test
  void aNullValueWithAPathIsA400() {
    ScimFailure error = assertThrows(ScimFailure.class,
        () -> PatchApplier.of(patch("{\"op\":\"replace\",\"path\":\"externalId\",\"value\":null}")));

    assertEquals(400, error.status());
    assertTrue(error.detail().startsWith("Operations[0]") && error.detail().contains("value"), error.detail());
  }

  @Test
  void aNullValueWithAPathIsInvalidValueNotInvalidPath() {
    ScimFailure error = assertThrows(ScimFailure.class,
        () -> PatchApplier.of(patch("{\"op\":\"replace\",\"path\":\"externalId\",\"value\":null}")));

    assertEquals("invalidValue", error.scimType().orElseThrow().wireName());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("coreUrnPaths")
  void aPathQualifiedWithTheCoreSchemaUrnTargetsTheCoreAttribute(String operation, String pointer, String expected) {
    ObjectNode result = apply(operation);

    assertEquals(expected, result.at(pointer).asText(), result.toString());
    assertFalse(result.has("urn:ietf:params:scim:schemas:core:2.0:User"), result.toString());
  }

  static Stream<Arguments> coreUrnPaths() {
    String core = "urn:ietf:params:scim:schemas:core:2.0:User:";
    return Stream.of(
        Arguments.of("{\"op\":\"replace\",\"path\":\"" + core + "active\",\"value\":false}", "/active", "false"),
        Arguments.of("{\"op\":\"replace\",\"path\":\"" + core + "userName\",\"value\":\"new@example.com\"}", "/userName",
            "new@example.com"),
        Arguments.of("{\"op\":\"replace\",\"path\":\"" + core + "name.givenName\",\"value\":\"Janet\"}", "/name/givenName",
            "Janet"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void removeWithAnEmptyPathIsA400(String path) {
    ScimFailure error = assertThrows(ScimFailure.class, () -> PatchApplier.of(patch("{\"op\":\"remove\",\"path\":\"" + path + "\"}"))
        .applyTo(json(JANE)));

    assertEquals(400, error.status());
  }
}
