package dev.scimgateway.adapter.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResourceChangeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void lookUpsIgnoreTheCaseOfAttributeNames() {
    JsonNode member = JSON.createObjectNode().put("value", "u1");
    ResourceChange change = new ResourceChange(List.of(), Set.of("active", "members"), Map.of("active", BooleanNode.FALSE),
        Map.of("members", new MultiValuedDelta("members", List.of(member), List.of())), Future::succeededFuture);

    assertEquals(Optional.of(BooleanNode.FALSE), change.assignedValue("ACTIVE"));
    assertEquals(List.of(member), change.delta("Members").orElseThrow().added());
    assertTrue(change.targetsOnly(Set.of("Active", "MEMBERS")));
    assertFalse(change.targetsOnly(Set.of("active")));
    assertEquals(Optional.empty(), change.delta("emails"));
  }

  @Test
  void theStateIsResolvedOnceHoweverOftenItIsAskedFor() {
    AtomicInteger reads = new AtomicInteger();
    ObjectNode before = JSON.createObjectNode().put("active", true);
    ResourceChange change = new ResourceChange(List.of(), Set.of("active"), Map.of(), Map.of(), () -> {
      reads.incrementAndGet();
      return Future.succeededFuture(new ChangeSet(before, before.deepCopy().put("active", false)));
    });

    Future<ChangeSet> first = change.resolve();
    Future<ChangeSet> second = change.resolve();

    assertSame(first, second);
    assertEquals(1, reads.get());
    assertTrue(first.result().changed("active"));
  }

  @Test
  void aSelectionOfAttributesIncludesOnlyThoseAndAnExclusionAllButThose() {
    assertTrue(AttributeSelection.DEFAULT.includes("members"));
    assertFalse(new AttributeSelection(Set.of(), Set.of("members")).includes("Members"));
    assertTrue(new AttributeSelection(Set.of(), Set.of("members")).includes("displayName"));
    assertTrue(new AttributeSelection(Set.of("displayname", "id"), Set.of()).includes("displayName"));
    assertFalse(new AttributeSelection(Set.of("displayname", "id"), Set.of()).includes("members"));
  }
}
