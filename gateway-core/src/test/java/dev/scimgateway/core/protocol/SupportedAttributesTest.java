package dev.scimgateway.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceCapabilities.Operation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SupportedAttributesTest {

  private static final ResourceCapabilities POSTMAN_LIKE = new ResourceCapabilities(
      Set.of("userName", "name.givenName", "name.familyName", "externalId", "active"), 
      ResourceCapabilities.equalityOn("userName"), false, EnumSet.allOf(Operation.class), true);

  private static ObjectNode json(String text) {
    return PatchApplierTest.json(text);
  }

  private static Set<String> fieldNames(ObjectNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void keepsOnlyTheDeclaredPaths() {
    ObjectNode okta = json("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"jane@example.com",
         "name":{"givenName":"Jane","familyName":"Doe","middleName":"Q","formatted":"Jane Q Doe"},
         "emails":[{"primary":true,"value":"jane@example.com","type":"work"}],
         "displayName":"Jane Doe","locale":"en-US","externalId":"00u1abcd","groups":[],"active":true,"password":"s3cr3t",
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D"}}""");

    ObjectNode kept = SupportedAttributes.retain(okta, POSTMAN_LIKE);

    assertEquals(json("""
        {"userName":"jane@example.com","name":{"givenName":"Jane","familyName":"Doe"},"externalId":"00u1abcd","active":true}"""), kept);
    assertEquals(Set.of("userName", "name", "externalId", "active"), fieldNames(kept));
    assertEquals(Set.of("givenName", "familyName"), fieldNames((ObjectNode) kept.get("name")));
  }

  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final ResourceCapabilities WITH_ENTERPRISE = new ResourceCapabilities(
      Set.of("userName", ENTERPRISE + ":department", ENTERPRISE + ":manager.value"),
      ResourceCapabilities.equalityOn("userName"), false, EnumSet.allOf(Operation.class), false);

  @Test
  void keepsAnExtensionsStoredAttributesInItsObject() {
    ObjectNode entra = json("""
        {"userName":"jdoe@contoso.com","%s":{"department":"Sales","costCenter":"4711","manager":{"value":"m-1","displayName":"Boss"}}}"""
        .formatted(ENTERPRISE.toLowerCase()));

    ObjectNode kept = SupportedAttributes.retain(entra, WITH_ENTERPRISE);

    assertEquals(json("""
        {"userName":"jdoe@contoso.com","%s":{"department":"Sales","manager":{"value":"m-1"}}}""".formatted(ENTERPRISE)), kept);
  }

  @Test
  void anExtensionsUrnTargetsEachOfItsStoredAttributes() {
    assertEquals(Set.of(ENTERPRISE + ":department", ENTERPRISE + ":manager.value"),
        SupportedAttributes.targeted(Set.of(ENTERPRISE), WITH_ENTERPRISE));
    assertEquals(Set.of(ENTERPRISE + ":manager.value"), SupportedAttributes.targeted(Set.of(ENTERPRISE + ":manager"), WITH_ENTERPRISE));
    assertEquals(Set.of(), SupportedAttributes.targeted(Set.of(ENTERPRISE + ":costCenter"), WITH_ENTERPRISE));
  }

  @Test
  void usesTheDeclaredSpellingWhenTheIdpUsedAnotherCase() {
    ObjectNode entra = json("""
        {"USERNAME":"jane@example.com","Name":{"GIVENNAME":"Jane","familyname":"Doe"},"ExternalID":"jdoe","Active":false}""");

    ObjectNode kept = SupportedAttributes.retain(entra, POSTMAN_LIKE);

    assertEquals(Set.of("userName", "name", "externalId", "active"), fieldNames(kept));
    assertEquals(Set.of("givenName", "familyName"), fieldNames((ObjectNode) kept.get("name")));
    assertEquals("jane@example.com", kept.get("userName").asText());
    assertEquals("Jane", kept.get("name").get("givenName").asText());
    assertEquals("Doe", kept.get("name").get("familyName").asText());
    assertEquals("jdoe", kept.get("externalId").asText());
    assertEquals(false, kept.get("active").asBoolean(true));
  }

  @Test
  void absentAttributesStayAbsentAndAnExplicitNullIsKept() {
    ObjectNode kept = SupportedAttributes.retain(json("{\"userName\":\"a@example.com\",\"externalId\":null}"), POSTMAN_LIKE);

    assertEquals(Set.of("userName", "externalId"), fieldNames(kept));
    assertTrue(kept.get("externalId").isNull());
  }

  @Test
  void aSubAttributeUnderANonObjectIsAbsent() {
    ObjectNode kept = SupportedAttributes.retain(json("{\"userName\":\"a@example.com\",\"name\":\"Jane Doe\"}"), POSTMAN_LIKE);

    assertEquals(Set.of("userName"), fieldNames(kept));
  }

  @Test
  void theResultIsACopy() {
    ObjectNode source = json("{\"userName\":\"a@example.com\",\"name\":{\"givenName\":\"A\",\"familyName\":\"B\"}}");
    ObjectNode before = source.deepCopy();

    ObjectNode kept = SupportedAttributes.retain(source, POSTMAN_LIKE);
    ((ObjectNode) kept.get("name")).put("givenName", "changed");
    kept.put("userName", "changed");

    assertEquals(before, source);
  }

  @Test
  void aWholeComplexAttributeCanBeDeclared() {
    ResourceCapabilities wholeName = new ResourceCapabilities(Set.of("name"), Set.of(), false, EnumSet.allOf(Operation.class), false);

    ObjectNode kept = SupportedAttributes.retain(json("{\"NAME\":{\"givenName\":\"A\",\"middleName\":\"M\"},\"title\":\"x\"}"), wholeName);

    assertEquals(json("{\"name\":{\"givenName\":\"A\",\"middleName\":\"M\"}}"), kept);
    List<String> names = new ArrayList<>(fieldNames(kept));
    assertEquals(List.of("name"), names);
  }
}
