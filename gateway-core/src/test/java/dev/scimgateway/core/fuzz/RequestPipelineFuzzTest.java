package dev.scimgateway.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceCapabilities.Operation;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.core.normalize.DialectNormalizer;
import dev.scimgateway.core.protocol.AttributeProjection;
import dev.scimgateway.core.protocol.AttributeValues;
import dev.scimgateway.core.protocol.InputBounds;
import dev.scimgateway.core.protocol.ListPlan;
import dev.scimgateway.core.protocol.ListRequest;
import dev.scimgateway.core.protocol.PatchApplier;
import dev.scimgateway.core.protocol.PatchEffects;
import dev.scimgateway.core.protocol.RequiredAttributes;
import dev.scimgateway.core.protocol.ScimJson;
import dev.scimgateway.core.protocol.SupportedAttributes;
import dev.scimgateway.core.resource.ResourceDefinition;
import dev.scimgateway.core.resource.ResourceTypeRegistry;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whatever an IdP sends, the protocol pipeline (body → normalization → PATCH → filter → projection)
 * answers with a {@link ScimFailure} or a result, never another exception (which the gateway would
 * answer as a 500). {@code mvn verify} runs the inputs in {@code src/test/resources/.../RequestPipelineFuzzTestInputs};
 * {@code JAZZER_FUZZ=1 mvn -pl gateway-core -am test -Dtest=RequestPipelineFuzzTest} fuzzes (README: Security).
 */
class RequestPipelineFuzzTest {

  private static final ResourceTypeRegistry REGISTRY = ResourceTypeRegistry.fromClasspath();
  private static final ResourceDefinition USER = REGISTRY.byName("User").orElseThrow();
  private static final ResourceDefinition GROUP = REGISTRY.byName("Group").orElseThrow();
  private static final ResourceCapabilities STORES = new ResourceCapabilities(
      Set.of("userName", "name.givenName", "name.familyName", "externalId", "active", "emails", "displayName", "members"),
      ResourceCapabilities.equalityOn("userName", "externalId", "displayName"), true, EnumSet.allOf(Operation.class), false);
  private static final DialectNormalizer NORMALIZER = DialectNormalizer.standard();
  private static final InputBounds BOUNDS = InputBounds.defaults();
  private static final ObjectNode JANE = ScimJson.parseObject("""
      {"id":"u1","userName":"jane@example.com","name":{"givenName":"Jane","familyName":"Doe"},"active":true,
       "emails":[{"value":"jane@example.com","type":"work","primary":true}],"members":[{"value":"m1"}],"displayName":"Eng"}"""
      .getBytes(StandardCharsets.UTF_8));

  /**
   * One input is four lines' worth of text: the resource type ({@code User} or anything else for Group),
   * a filter, an {@code attributes} parameter, and the rest a request body, so that the corpus reads
   * as requests.
   */
  @FuzzTest(maxDuration = "10s")
  void aRequestIsAnsweredOrRefusedAsScim(byte[] input) {
    String[] parts = new String(input, StandardCharsets.UTF_8).split("\n", 4);
    ResourceDefinition type = parts[0].equals("User") ? USER : GROUP;
    String filter = parts.length > 1 ? parts[1] : "";
    String attributes = parts.length > 2 ? parts[2] : "";
    byte[] body = (parts.length > 3 ? parts[3] : "").getBytes(StandardCharsets.UTF_8);
    scimOnly(() -> ListPlan.of(ListRequest.fromQuery(MultiMap.caseInsensitiveMultiMap().add("filter", filter), BOUNDS),
        AttributeProjection.fromQuery(MultiMap.caseInsensitiveMultiMap().add("attributes", attributes), Set.of()).selection(),
        STORES, type));
    scimOnly(() -> {
      ObjectNode normalized = NORMALIZER.normalize(type, ScimJson.parseObject(body));
      AttributeValues.checkTypes(type, SupportedAttributes.retain(RequiredAttributes.check(type, normalized.deepCopy()), STORES));
      PatchApplier patch = PatchApplier.of(normalized, BOUNDS);
      PatchEffects.of(patch, type).deltas(STORES);
      ObjectNode patched = patch.applyTo(JANE);
      AttributeProjection.fromQuery(MultiMap.caseInsensitiveMultiMap().add("excludedAttributes", attributes), type.neverReturned())
          .apply(patched);
    });
  }

  private static void scimOnly(Runnable step) {
    try {
      step.run();
    } catch (ScimFailure expected) {
      // a correct SCIM error for bad input
    }
  }
}
