package dev.scimgateway.core.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ChangeSet;
import dev.scimgateway.adapter.api.MultiValuedDelta;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceChange;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.core.config.RequestLimits;
import dev.scimgateway.core.protocol.AttributeValues;
import dev.scimgateway.core.protocol.InputBounds;
import dev.scimgateway.core.protocol.PatchApplier;
import dev.scimgateway.core.protocol.PatchEffects;
import dev.scimgateway.core.protocol.RequiredAttributes;
import dev.scimgateway.core.protocol.SupportedAttributes;
import dev.scimgateway.core.resource.ResourceDefinition;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A PATCH, from its normalized body to the provider: parsed and checked before anything is read,
 * described as a {@link ResourceChange} of the attributes the provider stores, and handed to the
 * provider, which reads the resource only if it asks for the whole state.
 */
final class PatchOperations {

  private final ResourceDefinition type;
  private final InputBounds bounds;

  PatchOperations(ResourceDefinition type, InputBounds bounds) {
    this.type = type;
    this.bounds = bounds;
  }

  Future<ObjectNode> apply(ResourceProvider provider, String id, ObjectNode body) {
    PatchApplier patch = PatchApplier.of(body, bounds);
    PatchEffects effects = PatchEffects.of(patch, type);
    ResourceCapabilities capabilities = provider.capabilities();
    Set<String> targeted = SupportedAttributes.targeted(patch.targetedPaths(), capabilities);
    Map<String, JsonNode> assigned = effects.assignedValues(capabilities);
    Map<String, MultiValuedDelta> deltas = effects.deltas(capabilities);
    assigned.forEach((path, value) -> AttributeValues.checkValue(type, path, value));
    deltas.values().forEach(delta -> delta.added().forEach(value -> AttributeValues.checkValue(type, delta.attribute(), value)));
    return provider.modify(id, new ResourceChange(patch.operations(), targeted, assigned, deltas,
        () -> resolve(provider, id, patch)));
  }

  /**
   * Reads the resource and applies the PATCH to it; fails with 400 when the result is invalid, and with
   * 413 when applying it would examine more values than allowed. A PATCH whose cost grows with the
   * resource is applied on a worker thread, so that it never holds up the event loop.
   */
  private Future<ChangeSet> resolve(ResourceProvider provider, String id, PatchApplier patch) {
    ResourceCapabilities capabilities = provider.capabilities();
    return provider.get(id).compose(current -> {
      long values = patch.valuesExamined(current);
      bounds.checkValuesExamined(values);
      Supplier<ChangeSet> apply = () -> {
        ObjectNode patched = RequiredAttributes.check(type, patch.applyTo(current));
        return new ChangeSet(
            SupportedAttributes.retain(current, capabilities),
            AttributeValues.checkTypes(type, SupportedAttributes.retain(patched, capabilities)));
      };
      Context context = Vertx.currentContext();
      return values <= RequestLimits.INLINE_VALUES_EXAMINED || context == null
          ? Future.succeededFuture(apply.get())
          : context.executeBlocking(apply::get, false);
    });
  }
}
