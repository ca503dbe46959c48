package dev.scimgateway.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.PatchOperation;
import dev.scimgateway.adapter.api.PatchOperation.Op;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoredOperationsTest {

  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private static ObjectNode sent(Set<String> stored, PatchOperation... operations) {
    return StoredOperations.body(List.of(operations), stored).orElseThrow();
  }

  @Test
  void anAttributeStoredWholeGetsTheWholeValue() {
    ObjectNode body = sent(Set.of("userName", ENTERPRISE + ":manager"),
        new PatchOperation(Op.REPLACE, Optional.of(ENTERPRISE + ":manager"), ScimRig.json("{\"value\":\"m-2\",\"displayName\":\"Boss\"}")));

    assertEquals(ScimRig.json("{\"value\":\"m-2\",\"displayName\":\"Boss\"}"), body.at("/Operations/0/value"));
  }

  @Test
  void ofAComplexValueOnlyTheStoredSubAttributesAreSent() {
    ObjectNode body = sent(Set.of("userName", ENTERPRISE + ":manager.value"),
        new PatchOperation(Op.REPLACE, Optional.of(ENTERPRISE + ":manager"), ScimRig.json("{\"value\":\"m-2\",\"displayName\":\"Boss\"}")));

    assertEquals(ScimRig.json("{\"value\":\"m-2\"}"), body.at("/Operations/0/value"));
  }

  @Test
  void aNoPathValueKeepsTheStoredAttributesOfAnExtensionsObject() {
    ObjectNode body = sent(Set.of("displayName", ENTERPRISE + ":department"),
        new PatchOperation(Op.REPLACE, Optional.empty(), ScimRig.json("""
            {"displayName":"J","nickName":"j","%s":{"department":"Sales","costCenter":"1"}}""".formatted(ENTERPRISE.toLowerCase()))));

    assertEquals(ScimRig.json("{\"displayName\":\"J\",\"%s\":{\"department\":\"Sales\"}}".formatted(ENTERPRISE.toLowerCase())),
        body.at("/Operations/0/value"));
  }

  @Test
  void anOperationOnNothingStoredIsNotSent() {
    assertTrue(StoredOperations.body(List.of(new PatchOperation(Op.REMOVE, Optional.of(ENTERPRISE + ":costCenter"), null)),
        Set.of("userName", ENTERPRISE + ":department")).isEmpty());
  }
}
