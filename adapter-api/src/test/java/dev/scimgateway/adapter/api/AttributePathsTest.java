package dev.scimgateway.adapter.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttributePathsTest {

  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @Test
  void aCoreAttributesSegmentsAreItsDottedNames() {
    assertEquals(List.of("userName"), AttributePaths.segments("userName"));
    assertEquals(List.of("name", "givenName"), AttributePaths.segments("name.givenName"));
  }

  @Test
  void anExtensionsUrnIsOneSegmentDespiteItsDots() {
    assertEquals(List.of(ENTERPRISE, "department"), AttributePaths.segments(ENTERPRISE + ":department"));
    assertEquals(List.of(ENTERPRISE, "manager", "value"), AttributePaths.segments(ENTERPRISE + ":manager.value"));
    assertEquals(ENTERPRISE, AttributePaths.topLevel(ENTERPRISE + ":manager.value"));
    assertEquals("name", AttributePaths.topLevel("name.familyName"));
  }

  @Test
  void fieldsInsideAnExtensionsObjectFollowItsUrnAndAColon() {
    assertEquals(ENTERPRISE + ":", AttributePaths.prefixWithin("", ENTERPRISE));
    assertEquals(ENTERPRISE + ":manager.", AttributePaths.prefixWithin(ENTERPRISE + ":", "manager"));
    assertEquals("name.", AttributePaths.prefixWithin("", "name"));
  }

  @Test
  void pathsOverlapWhenOneIsTheOtherOrHoldsIt() {
    assertTrue(AttributePaths.overlap("name", "NAME.givenName"));
    assertTrue(AttributePaths.overlap("name.givenName", "name"));
    assertTrue(AttributePaths.overlap(ENTERPRISE, ENTERPRISE.toLowerCase() + ":department"));
    assertTrue(AttributePaths.overlap(ENTERPRISE + ":manager", ENTERPRISE + ":manager.value"));
    assertFalse(AttributePaths.overlap("name", "nameSuffix"));
    assertFalse(AttributePaths.overlap(ENTERPRISE + ":manager", ENTERPRISE + ":managerId"));
    assertFalse(AttributePaths.overlap("emails", "emails:value"), "a colon separates only a URN from its attributes");
  }
}
