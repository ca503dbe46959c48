package dev.scimgateway.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a PATCH /Groups/{id} body. Its {@code schemas} must hold the standard {@code PatchOp} URN or the
 * {@code PutOp} URN of Postman's collection (digest §8.5, Q14). Postman documents exactly four operations:
 * <ul>
 *   <li>rename: {@code {"op":"replace","value":{"id":"<groupId>","displayName":"<new>"}}} ({@code id} optional)</li>
 *   <li>{@code {"op":"add","path":"members","value":[{"value":"<userId>","display":"…"}]}}</li>
 *   <li>{@code {"op":"remove","path":"members[value eq \"<userId>\"]"}}</li>
 *   <li>{@code {"op":"replace","path":"members","value":[…the whole list…]}}</li>
 * </ul>
 * Anything else, including Entra's {@code "Add"}/{@code "Remove"}, {@code path:"displayName"} and removal by a
 * {@code value} array, is an unsupported operation (the strict reading, as for users). A supported form with a
 * malformed member list, a blank name or a non-string id is an invalid body.
 */
final class GroupPatchParser {

  static final String PUT_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PutOp";

  /** One supported operation. */
  sealed interface Operation {
    /** {@code groupId} is null when the operation named none. */
    record Rename(String groupId, String displayName) implements Operation {
    }

    record AddMembers(List<GroupValidator.MemberRef> members) implements Operation {
    }

    record RemoveMember(String value) implements Operation {
    }

    record ReplaceMembers(List<GroupValidator.MemberRef> members) implements Operation {
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

  private static final Set<String> VALUE_KEYS = Set.of("op", "value");
  private static final Set<String> PATH_KEYS = Set.of("op", "path");
  private static final Set<String> PATH_VALUE_KEYS = Set.of("op", "path", "value");
  private static final Set<String> RENAME_KEYS = Set.of("displayName");
  private static final Set<String> RENAME_WITH_ID_KEYS = Set.of("id", "displayName");
  private static final Pattern REMOVE_PATH = Pattern.compile("members\\[value eq \"([^\"]+)\"]");

  private GroupPatchParser() {
  }

  static Result parse(JsonObject body) {
    if (!(body.getValue("schemas") instanceof JsonArray schemas)
        || !(schemas.contains(PatchParser.PATCH_OP_SCHEMA) || schemas.contains(PUT_OP_SCHEMA))
        || !(body.getValue("Operations") instanceof JsonArray operations) || operations.isEmpty()) {
      return Result.failed(PostmanError.INVALID_BODY);
    }
    List<Operation> parsed = new ArrayList<>();
    for (Object element : operations) {
      if (!(element instanceof JsonObject json) || !isSupported(json)) {
        return Result.failed(PostmanError.UNSUPPORTED_OPERATION);
      }
      Optional<Operation> op = operation(json);
      if (op.isEmpty()) {
        return Result.failed(PostmanError.INVALID_BODY);
      }
      parsed.add(op.get());
    }
    return new Result(List.copyOf(parsed), null);
  }

  /** How many member entries the operations name: each listed member, and one per removal. */
  static int memberCount(List<Operation> operations) {
    int count = 0;
    for (Operation op : operations) {
      if (op instanceof Operation.AddMembers add) {
        count += add.members().size();
      } else if (op instanceof Operation.ReplaceMembers replace) {
        count += replace.members().size();
      } else if (op instanceof Operation.RemoveMember) {
        count++;
      }
    }
    return count;
  }

  static boolean isRenameOnly(List<Operation> operations) {
    return operations.stream().allMatch(op -> op instanceof Operation.Rename);
  }

  /** Whether the operation has one of the four documented shapes, whatever its values. */
  private static boolean isSupported(JsonObject json) {
    Object op = json.getValue("op");
    Object path = json.getValue("path");
    Set<String> keys = json.fieldNames();
    if ("replace".equals(op) && keys.equals(VALUE_KEYS)) {
      return json.getValue("value") instanceof JsonObject value
          && (value.fieldNames().equals(RENAME_KEYS) || value.fieldNames().equals(RENAME_WITH_ID_KEYS));
    }
    if (("add".equals(op) || "replace".equals(op)) && keys.equals(PATH_VALUE_KEYS)) {
      return "members".equals(path);
    }
    return "remove".equals(op) && keys.equals(PATH_KEYS) && path instanceof String p
        && REMOVE_PATH.matcher(p).matches();
  }

  /** The operation of a supported shape, or empty when its values are invalid. */
  private static Optional<Operation> operation(JsonObject json) {
    String op = json.getString("op");
    if (op.equals("remove")) {
      Matcher matcher = REMOVE_PATH.matcher(json.getString("path"));
      return matcher.matches() ? Optional.of(new Operation.RemoveMember(matcher.group(1))) : Optional.empty();
    }
    if (!json.containsKey("path")) {
      JsonObject value = json.getJsonObject("value");
      Object id = value.getValue("id");
      Object displayName = value.getValue("displayName");
      if ((value.containsKey("id") && !(id instanceof String)) || !GroupValidator.isDisplayName(displayName)) {
        return Optional.empty();
      }
      return Optional.of(new Operation.Rename((String) id, (String) displayName));
    }
    return GroupValidator.members(json.getValue("value")).map(members -> op.equals("add")
        ? new Operation.AddMembers(members)
        : new Operation.ReplaceMembers(members));
  }
}
