package dev.scimgateway.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks Group bodies: {@code displayName} a non-blank string, {@code externalId} a string when present, and
 * {@code members} an array of objects whose {@code value} is a string and whose {@code display}, when present, is
 * one too. Anything else a body or a member carries ({@code schemas}, {@code $ref}, {@code type}, …) is accepted and
 * dropped. Whether each {@code value} is a user of the team is the endpoints' business.
 */
final class GroupValidator {

  /** What POST /Groups keeps of a valid body. */
  record NewGroup(String displayName, String externalId, List<MemberRef> members) {
  }

  /** A member as a request names it; {@code display} is null when the request sent none. */
  record MemberRef(String value, String display) {
  }

  private GroupValidator() {
  }

  /** The group a POST body describes, or empty when the body is invalid. A missing {@code members} means none. */
  static Optional<NewGroup> forCreate(JsonObject body) {
    Object externalId = body.getValue("externalId");
    Object members = body.getValue("members");
    if (!isDisplayName(body.getValue("displayName")) || (externalId != null && !(externalId instanceof String))) {
      return Optional.empty();
    }
    Optional<List<MemberRef>> refs = members == null ? Optional.of(List.of()) : members(members);
    return refs.map(m -> new NewGroup(body.getString("displayName"), (String) externalId, m));
  }

  static boolean isDisplayName(Object value) {
    return value instanceof String name && !name.isBlank();
  }

  /** The members of a {@code members} array, or empty when it is not one of valid members. */
  static Optional<List<MemberRef>> members(Object members) {
    if (!(members instanceof JsonArray array)) {
      return Optional.empty();
    }
    List<MemberRef> refs = new ArrayList<>(array.size());
    for (Object element : array) {
      if (!(element instanceof JsonObject member) || !(member.getValue("value") instanceof String value)
          || value.isEmpty()) {
        return Optional.empty();
      }
      Object display = member.getValue("display");
      if (display != null && !(display instanceof String)) {
        return Optional.empty();
      }
      refs.add(new MemberRef(value, (String) display));
    }
    return Optional.of(List.copyOf(refs));
  }
}
