package dev.scimgateway.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.AttributePaths;
import dev.scimgateway.adapter.api.PatchOperation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A PATCH's operations as the upstream should get them: only those that target attributes it stores, and
 * of a value object only the stored attributes, so that nothing it does not store is sent.
 */
final class StoredOperations {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private StoredOperations() {}

  /** The PatchOp body, or empty when no operation targets a stored attribute. */
  static Optional<ObjectNode> body(List<PatchOperation> operations, Set<String> stored) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("schemas").add(PATCH_OP_SCHEMA);
    ArrayNode sent = body.putArray("Operations");
    for (PatchOperation operation : operations) {
      restricted(operation, stored).ifPresent(sent::add);
    }
    return sent.isEmpty() ? Optional.empty() : Optional.of(body);
  }

  private static Optional<ObjectNode> restricted(PatchOperation operation, Set<String> stored) {
    ObjectNode sent = JSON.createObjectNode().put("op", operation.op().name().toLowerCase(Locale.ROOT));
    if (operation.path().isEmpty()) {
      if (!(operation.value() instanceof ObjectNode value)) {
        return Optional.empty();
      }
      ObjectNode kept = retain(value, stored, "");
      return kept.isEmpty() ? Optional.empty() : Optional.of(sent.set("value", kept));
    }
    String path = operation.path().get();
    String target = path.replaceAll("\\[[^\\]]*\\]", "");
    if (stored.stream().noneMatch(attribute -> AttributePaths.overlap(attribute, target))) {
      return Optional.empty();
    }
    sent.put("path", path);
    JsonNode value = operation.value();
    boolean storedWhole = stored.stream().anyMatch(target::equalsIgnoreCase);
    if (value instanceof ObjectNode object && !path.contains("[") && !storedWhole) {
      value = retain(object, stored, target + "."); // a path names an attribute, never an extension's URN alone
    }
    return Optional.of(value == null ? sent : sent.set("value", value));
  }

  /** The attributes of {@code value} (whose fields' paths start with {@code prefix}) that are stored or hold stored ones. */
  static ObjectNode retain(ObjectNode value, Set<String> stored, String prefix) {
    ObjectNode kept = JSON.createObjectNode();
    value.fields().forEachRemaining(field -> {
      String path = prefix + field.getKey();
      if (stored.stream().anyMatch(path::equalsIgnoreCase)) {
        kept.set(field.getKey(), field.getValue());
      } else if (field.getValue() instanceof ObjectNode nested) {
        String within = AttributePaths.prefixWithin(prefix, field.getKey());
        ObjectNode inner = retain(nested, stored, within);
        if (!inner.isEmpty()) {
          kept.set(field.getKey(), inner);
        }
      }
    });
    return kept;
  }
}
