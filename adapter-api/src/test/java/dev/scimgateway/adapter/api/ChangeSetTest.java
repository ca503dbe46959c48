package dev.scimgateway.adapter.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeSetTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static ChangeSet changes(String before, String after) {
    return new ChangeSet(json(before), json(after));
  }

  private static final String JANE = """
      {"userName":"jane@example.com","name":{"givenName":"Jane","familyName":"Doe"},"active":true}""";

  @Test
  void changedSeesANestedSubAttributeAndOnlyIt() {
    ChangeSet changes = changes(JANE, JANE.replace("\"Jane\"", "\"Janet\""));

    assertTrue(changes.changed("name.givenName"));
    assertTrue(changes.changed("name"), "the parent object differs as a whole");
    assertFalse(changes.changed("name.familyName"));
    assertFalse(changes.changed("userName"));
    assertFalse(changes.changed("active"));
    assertFalse(changes.isEmpty());
  }

  @ParameterizedTest(name = "{0} -> {1}: changed={2}")
  @CsvSource(delimiter = '|', value = {
      "{}                        | {\"externalId\":null}        | false",
      "{\"externalId\":null}     | {}                           | false",
      "{\"externalId\":null}     | {\"externalId\":null}        | false",
      "{}                        | {\"externalId\":\"e1\"}      | true",
      "{\"externalId\":\"e1\"}   | {}                           | true",
      "{\"externalId\":\"e1\"}   | {\"externalId\":null}        | true",
      "{\"externalId\":\"e1\"}   | {\"externalId\":\"e2\"}      | true",
      "{\"externalId\":\"e1\"}   | {\"externalId\":\"e1\"}      | false",
      "{\"externalId\":\"\"}     | {}                           | true",
  })
  void absentAndNullAreTheSameButAnEmptyStringIsAValue(String before, String after, boolean changed) {
    assertEquals(changed, changes(before, after).changed("externalId"));
  }

  @Test
  void absentAndNullAreTheSameForNestedPathsToo() {
    ChangeSet changes = changes("{\"name\":{\"givenName\":\"A\"}}", "{\"name\":{\"givenName\":\"A\",\"familyName\":null}}");

    assertFalse(changes.changed("name.familyName"));
    assertFalse(changes.changed("name.middleName"));
    assertFalse(changes.changed("nickName.value"), "a path through an absent parent is absent");
  }

  @Test
  void typeMattersBooleanTrueIsNotTheStringTrue() {
    assertTrue(changes("{\"active\":true}", "{\"active\":\"true\"}").changed("active"));
    assertFalse(changes("{\"active\":false}", "{\"active\":false}").changed("active"));
  }

  @Test
  void isEmptyOnlyWhenBothSidesAreEqual() {
    assertTrue(changes(JANE, JANE).isEmpty());
    assertTrue(changes("{}", "{}").isEmpty());
    assertFalse(changes(JANE, JANE.replace("true", "false")).isEmpty());
  }

  @Test
  void isEmptyIgnoresFieldOrder() {
    assertTrue(changes("{\"a\":1,\"b\":{\"x\":1,\"y\":2}}", "{\"b\":{\"y\":2,\"x\":1},\"a\":1}").isEmpty());
  }

  @Test
  void changedPathsListsTheLeavesThatDifferSorted() {
    ChangeSet changes = changes(JANE, """
        {"userName":"jane@example.com","name":{"givenName":"Janet","familyName":"Doe"},"active":false,"externalId":"e1"}""");

    assertEquals(Set.of("active", "externalId", "name.givenName"), changes.changedPaths());
    assertEquals(List.of("active", "externalId", "name.givenName"), List.copyOf(changes.changedPaths()));
  }

  @Test
  void anExtensionsAttributesHaveTheirPathsBehindTheUrn() {
    String urn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    ChangeSet changes = changes("{\"%s\":{\"department\":\"Sales\",\"manager\":{\"value\":\"m-1\"}}}".formatted(urn),
        "{\"%s\":{\"department\":\"Sales\",\"manager\":{\"value\":\"m-2\"}}}".formatted(urn));

    assertEquals(Set.of(urn + ":manager.value"), changes.changedPaths());
    assertTrue(changes.changed(urn + ":manager.value"));
    assertFalse(changes.changed(urn + ":department"));
    assertEquals("m-2", changes.newValue(urn + ":manager.value").asText());
  }

  @Test
  void changedPathsIgnoresAbsentVersusNull() {
    assertEquals(Set.of(), changes("{}", "{\"externalId\":null,\"name\":{\"middleName\":null}}").changedPaths());
    assertEquals(Set.of(), changes(JANE, JANE).changedPaths());
  }

  @Test
  void changedPathsOfAnAddedOrRemovedComplexAttributeAreItsLeaves() {
    assertEquals(Set.of("name.familyName", "name.givenName"),
        changes("{}", "{\"name\":{\"givenName\":\"A\",\"familyName\":\"B\"}}").changedPaths());
    assertEquals(Set.of("name.familyName", "name.givenName"),
        changes("{\"name\":{\"givenName\":\"A\",\"familyName\":\"B\"}}", "{\"name\":null}").changedPaths());
  }

  @Test
  void changedPathsTreatsArraysAsOneValue() {
    assertEquals(Set.of("emails"), changes("{\"emails\":[{\"value\":\"a@example.com\"}]}",
        "{\"emails\":[{\"value\":\"b@example.com\"}]}").changedPaths());
  }

  @Test
  void everyChangedPathIsChanged() {
    ChangeSet changes = changes(JANE, "{\"userName\":\"j@example.com\",\"name\":{\"givenName\":\"Jane\"},\"title\":\"CTO\"}");

    assertEquals(Set.of("active", "name.familyName", "title", "userName"), changes.changedPaths());
    changes.changedPaths().forEach(path -> assertTrue(changes.changed(path), path));
    assertFalse(changes.changed("name.givenName"));
  }

  @Test
  void newValueReadsTheAfterSide() {
    ChangeSet changes = changes(JANE, JANE.replace("true", "false"));

    assertFalse(changes.newValue("active").asBoolean(true));
    assertEquals("Doe", changes.newValue("name.familyName").asText());
    assertTrue(changes.newValue("name.middleName").isMissingNode());
  }

  @Test
  void bothSidesAreRequired() {
    assertThrows(NullPointerException.class, () -> new ChangeSet(null, json("{}")));
    assertThrows(NullPointerException.class, () -> new ChangeSet(json("{}"), null));
  }

  @Test
  void membersAddedAndRemovedAreMatchedByTheirValue() {
    ChangeSet changes = new ChangeSet(
        json("{\"members\":[{\"value\":\"u1\",\"display\":\"One\"},{\"value\":\"u2\"}]}"),
        json("{\"members\":[{\"value\":\"u2\",\"display\":\"Two\"},{\"value\":\"u3\"}]}"));

    assertEquals(List.of("u3"), changes.added("members").stream().map(member -> member.get("value").asText()).toList());
    assertEquals(List.of("u1"), changes.removed("members").stream().map(member -> member.get("value").asText()).toList());
  }

  @Test
  void anAbsentMultiValuedAttributeHasNoValues() {
    ChangeSet changes = new ChangeSet(json("{}"), json("{\"members\":[{\"value\":\"u1\"}]}"));

    assertEquals(1, changes.added("members").size());
    assertEquals(List.of(), changes.removed("members"));
  }
}
