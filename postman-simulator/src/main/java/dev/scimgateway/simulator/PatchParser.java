package dev.scimgateway.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a PATCH /Users/{id} body. Postman documents exactly two operations:
 * {@code {"op":"replace","value":{"active":<boolean>}}} and {@code {"op":"replace","path":"userName","value":"<email>"}}.
 * Anything else, including Entra's {@code "Replace"}, per-attribute paths and string booleans, is an unsupported
 * operation (digest §8.4, strict reading of Q8).
 */
final class PatchParser {

  static final String PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  /** One supported operation. */
  sealed interface Operation {
    record SetActive(boolean active) implements Operation {
    }

    record SetUserName(String userName) implements Operation {
    }
  }

  /** Either the operations to apply, or the error to answer with. */
  record Result(List<Operation> operations, PostmanError error) {
    static Result failed(PostmanError error) {
      return new Result(List.of(), error);
    }

    boolean ok() {
      return error == null;
    }
  }

  private static final Set<String> ACTIVE_KEYS = Set.of("op", "value");
  private static final Set<String> PATH_KEYS = Set.of("op", "path", "value");

  private PatchParser() {
  }

  static Result parse(JsonObject body) {
    if (!(body.getValue("schemas") instanceof JsonArray schemas) || !schemas.contains(PATCH_OP_SCHEMA)
        || !(body.getValue("Operations") instanceof JsonArray operations) || operations.isEmpty()) {
      return Result.failed(PostmanError.INVALID_BODY);
    }
    List<Operation> parsed = new ArrayList<>();
    for (Object element : operations) {
      Operation op = element instanceof JsonObject json ? operation(json) : null;
      if (op == null) {
        return Result.failed(PostmanError.UNSUPPORTED_OPERATION);
      }
      parsed.add(op);
    }
    return new Result(List.copyOf(parsed), null);
  }

  private static Operation operation(JsonObject json) {
    if (!"replace".equals(json.getValue("op"))) {
      return null;
    }
    Object value = json.getValue("value");
    if (json.fieldNames().equals(ACTIVE_KEYS)) {
      if (value instanceof JsonObject v && v.size() == 1 && v.getValue("active") instanceof Boolean active) {
        return new Operation.SetActive(active);
      }
      return null;
    }
    if (json.fieldNames().equals(PATH_KEYS) && "userName".equals(json.getValue("path"))
        && value instanceof String userName) {
      return new Operation.SetUserName(userName);
    }
    return null;
  }
}
