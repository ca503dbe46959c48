package dev.scimgateway.core.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import dev.scimgateway.adapter.api.AttributePaths;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies an RFC 7644 §3.5.2 PATCH request to a resource with the SCIM SDK's operation semantics:
 * operations in order, all or nothing. The body must already be normalized to plain RFC 7644.
 */
public final class PatchApplier {

  static final String PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private final PatchRequest request;

  private PatchApplier(PatchRequest request) {
    this.request = request;
  }

  /** Validates a PATCH body; fails with 400 and the offending operation's index before anything is read. */
  public static PatchApplier of(ObjectNode patchBody) {
    return of(patchBody, InputBounds.defaults());
  }

  /** Like {@link #of(ObjectNode)}, with the operation count and paths checked against {@code bounds}. */
  public static PatchApplier of(ObjectNode patchBody, InputBounds bounds) {
    return new PatchApplier(parse(patchBody, bounds));
  }

  /**
   * About how many values applying the PATCH to {@code resource} examines: each operation may look at
   * every value of a multi-valued attribute, and each may add one.
   */
  public long valuesExamined(ObjectNode resource) {
    long values = 0;
    for (JsonNode attribute : resource) {
      values += attribute.isArray() ? attribute.size() : 0;
      if (attribute.isObject()) {
        for (JsonNode extensionAttribute : attribute) {
          values += extensionAttribute.isArray() ? extensionAttribute.size() : 0;
        }
      }
    }
    long operations = request.getOperations().size();
    return operations * (values + operations);
  }

  /**
   * The attribute paths the operations name, without value filters, e.g. {@code name.givenName},
   * {@code emails.value}, {@code active}; for an operation without a path, the paths of its value.
   */
  public Set<String> targetedPaths() {
    Set<String> paths = new LinkedHashSet<>();
    for (PatchOperation operation : request.getOperations()) {
      Path path = operation.getPath();
      if (path == null || path.isRoot()) {
        leafPaths(operation.getJsonNode(), "", paths);
      } else {
        StringBuilder dotted = new StringBuilder();
        for (Path.Element element : path.withoutFilters()) {
          dotted.append(dotted.length() == 0 ? "" : ".").append(element.getAttribute());
        }
        paths.add(path.getSchemaUrn() == null ? dotted.toString() : path.getSchemaUrn() + ":" + dotted);
      }
    }
    return paths;
  }

  private static void leafPaths(JsonNode value, String prefix, Set<String> paths) {
    if (value == null || !value.isObject()) {
      return;
    }
    value.fieldNames().forEachRemaining(name -> {
      JsonNode child = value.get(name);
      if (child.isObject()) {
        leafPaths(child, AttributePaths.prefixWithin(prefix, name), paths);
      } else {
        paths.add(prefix + name);
      }
    });
  }

  /** The operations as the SPI describes them, in order. */
  public List<dev.scimgateway.adapter.api.PatchOperation> operations() {
    return request.getOperations().stream()
        .map(operation -> new dev.scimgateway.adapter.api.PatchOperation(
            dev.scimgateway.adapter.api.PatchOperation.Op.valueOf(operation.getOpType().name()),
            Optional.ofNullable(operation.getPath()).filter(path -> !path.isRoot()).map(Path::toString),
            operation.getJsonNode()))
        .toList();
  }

  /** The SCIM SDK's parsed operations, in order. */
  List<PatchOperation> parsedOperations() {
    return request.getOperations();
  }

  /** Returns a patched copy of {@code resource}; {@code resource} itself is left as it was. */
  public ObjectNode applyTo(ObjectNode resource) {
    // Re-read with the SCIM SDK's node factory, whose objects match attribute names case-insensitively.
    ObjectNode target = ScimJson.parseObject(ScimJson.write(resource));
    try {
      for (PatchOperation operation : request.getOperations()) {
        apply(operation, target);
      }
    } catch (com.unboundid.scim2.common.exceptions.ScimException e) {
      throw ScimErrors.from(e);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw ScimFailure.badRequest(ScimErrorType.INVALID_VALUE, "The PATCH cannot be applied to this resource: "
          + "an operation's value does not fit the attribute it targets.");
    }
    return target;
  }

  /**
   * Through a value filter, the SCIM SDK refuses what RFC 7644 and Entra ID mean: a {@code replace} of
   * {@code emails[type eq "work"].value} where nothing matches yet means {@code add} (Entra sends it so),
   * and an {@code add} of such a path that already has a value replaces it (§3.5.2.1: "the existing value
   * is replaced"), where the SDK answers that the value exists.
   */
  private static void apply(PatchOperation operation, ObjectNode target)
      throws com.unboundid.scim2.common.exceptions.ScimException {
    boolean replace = operation.getOpType() == PatchOpType.REPLACE;
    boolean add = operation.getOpType() == PatchOpType.ADD;
    if (!(replace || add) || !hasValueFilter(operation.getPath())) {
      operation.apply(target);
      return;
    }
    ObjectNode attempt = target.deepCopy();
    try {
      operation.apply(attempt);
      target.removeAll().setAll(attempt);
    } catch (BadRequestException refused) {
      (replace ? PatchOperation.add(operation.getPath(), operation.getJsonNode())
          : PatchOperation.replace(operation.getPath(), operation.getJsonNode())).apply(target);
    }
  }

  /**
   * {@code urn:ietf:params:scim:schemas:core:2.0:User:active} names the core attribute {@code active}
   * (RFC 7644 §3.10); the SCIM SDK would otherwise treat the URN as an extension's.
   */
  private static JsonNode withoutCoreSchemaUrn(JsonNode operation) {
    String path = operation.path("path").asText("");
    String unqualified = CoreSchema.unqualified(path);
    if (unqualified.equals(path.trim())) {
      return operation;
    }
    ObjectNode rewritten = operation.deepCopy();
    rewritten.put("path", unqualified);
    return rewritten;
  }

  private static boolean hasValueFilter(Path path) {
    if (path == null) {
      return false;
    }
    for (Path.Element element : path) {
      if (element.getValueFilter() != null) {
        return true;
      }
    }
    return false;
  }

  private static PatchRequest parse(ObjectNode body, InputBounds bounds) {
    JsonNode schemas = body.path("schemas");
    boolean declaresPatchOp = false;
    for (JsonNode schema : schemas) {
      declaresPatchOp |= schema.asText().equalsIgnoreCase(PATCH_OP_SCHEMA);
    }
    if (!declaresPatchOp) {
      throw ScimFailure.badRequest(ScimErrorType.INVALID_SYNTAX,
          "A PATCH body must have \"schemas\":[\"" + PATCH_OP_SCHEMA + "\"].");
    }
    JsonNode operations = body.path("Operations");
    if (!operations.isArray() || operations.isEmpty()) {
      throw ScimFailure.badRequest(ScimErrorType.INVALID_SYNTAX,
          "A PATCH body must have a non-empty \"Operations\" array.");
    }
    bounds.checkOperations(operations.size());
    List<PatchOperation> parsed = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      if (operations.get(i).path("path").isTextual()) {
        bounds.checkPath(i, operations.get(i).get("path").asText());
      }
      parsed.add(operation(operations.get(i), i));
    }
    return new PatchRequest(parsed);
  }

  private static PatchOperation operation(JsonNode node, int index) {
    String op = node.path("op").asText("");
    if (!op.equals("add") && !op.equals("replace") && !op.equals("remove")) {
      throw ScimFailure.badRequest(ScimErrorType.INVALID_SYNTAX,
          "Operations[" + index + "].op must be \"add\", \"replace\" or \"remove\", got '" + op + "'.");
    }
    boolean hasPath = node.path("path").isTextual() && !node.get("path").asText().isBlank();
    if (op.equals("remove") && !hasPath) {
      throw ScimFailure.badRequest(ScimErrorType.NO_TARGET,
          "Operations[" + index + "]: a remove operation needs a \"path\" (RFC 7644 §3.5.2.2).");
    }
    if (!op.equals("remove") && (!node.has("value") || node.get("value").isNull())) {
      throw ScimFailure.badRequest(ScimErrorType.INVALID_VALUE,
          "Operations[" + index + "]: the " + op + " operation needs a non-null \"value\" (to clear an attribute, remove it).");
    }
    try {
      PatchOperation operation = ScimJson.mapper().treeToValue(withoutCoreSchemaUrn(node), PatchOperation.class);
      if (op.equals("remove") && (operation.getPath() == null || operation.getPath().isRoot())) {
        throw ScimFailure.badRequest(ScimErrorType.NO_TARGET,
            "Operations[" + index + "]: the path of a remove operation names no attribute.");
      }
      return operation;
    } catch (IllegalArgumentException e) {
      throw ScimFailure.badRequest(ScimErrorType.INVALID_PATH, "Operations[" + index + "] (" + op
          + ") is invalid: its path cannot be parsed.");
    } catch (JsonProcessingException e) {
      String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
      int problem = reason.indexOf("problem: ");
      ScimErrorType type = node.has("path") ? ScimErrorType.INVALID_PATH : ScimErrorType.INVALID_VALUE;
      throw ScimFailure.badRequest(type, "Operations[" + index + "] (" + op + ") is invalid: "
          + (problem >= 0 ? reason.substring(problem + "problem: ".length()) : "its path or value cannot be read") + ".");
    }
  }
}
