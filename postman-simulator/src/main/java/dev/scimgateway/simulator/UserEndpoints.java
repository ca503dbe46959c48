package dev.scimgateway.simulator;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** GET, POST, PUT and PATCH on /Users, as Postman documents them (digest §1.1, §4, §7). */
final class UserEndpoints {

  private final UserStore store;

  UserEndpoints(UserStore store) {
    this.store = store;
  }

  /** Paged as {@link ListResponse} describes. */
  ScimResponse list(MultiMap params) {
    UserFilter filter = null;
    String filterText = params.get("filter");
    if (filterText != null) {
      Optional<UserFilter> parsed = FilterParser.parse(filterText);
      if (parsed.isEmpty()) {
        return ScimResponse.error(PostmanError.UNSUPPORTED_FILTER);
      }
      filter = parsed.get();
    }
    List<StoredUser> matches = filter == null ? store.all() : store.all().stream().filter(filter).toList();
    return ListResponse.page(matches, params, StoredUser::toJson);
  }

  ScimResponse get(String id) {
    return store.find(id)
        .map(user -> ScimResponse.json(200, user.toJson()))
        .orElseGet(() -> ScimResponse.error(PostmanError.NOT_MEMBER));
  }

  ScimResponse create(ScimRequest request) {
    Optional<UserValidator.NewUser> user = request.jsonObject().flatMap(UserValidator::forCreate);
    if (user.isEmpty()) {
      return ScimResponse.error(PostmanError.INVALID_BODY);
    }
    return store.create(user.get())
        .map(created -> ScimResponse.json(201, created.toJson()))
        .orElseGet(() -> ScimResponse.error(PostmanError.ALREADY_MEMBER));
  }

  /**
   * Updates the first and last name only (C22/C24). A {@code userName} that differs (ignoring case) from the stored
   * one is refused as in 2022–2024; {@code active} and every other attribute are ignored.
   */
  ScimResponse replace(String id, ScimRequest request) {
    Optional<StoredUser> current = store.find(id);
    if (current.isEmpty()) {
      return ScimResponse.error(PostmanError.NOT_MEMBER);
    }
    Optional<JsonObject> body = request.jsonObject();
    Optional<UserValidator.Name> name = body.flatMap(UserValidator::name);
    Object userName = body.map(b -> b.getValue("userName")).orElse(null);
    if (name.isEmpty() || (userName != null && !(userName instanceof String))) {
      return ScimResponse.error(PostmanError.INVALID_BODY);
    }
    if (userName != null && isChange(current.get(), (String) userName)) {
      return ScimResponse.error(PostmanError.USERNAME_NOT_UPDATABLE);
    }
    return store.update(id, (user, now) -> user.withName(name.get().givenName(), name.get().familyName(), now))
        .map(updated -> ScimResponse.json(200, updated.toJson()))
        .orElseGet(() -> ScimResponse.error(PostmanError.NOT_MEMBER));
  }

  /** Applies {@code active}; every operation is checked before any is applied. */
  ScimResponse patch(String id, ScimRequest request) {
    Optional<StoredUser> current = store.find(id);
    if (current.isEmpty()) {
      return ScimResponse.error(PostmanError.NOT_MEMBER);
    }
    Optional<JsonObject> body = request.jsonObject();
    if (body.isEmpty()) {
      return ScimResponse.error(PostmanError.INVALID_BODY);
    }
    PatchParser.Result patch = PatchParser.parse(body.get());
    if (!patch.ok()) {
      return ScimResponse.error(patch.error());
    }
    for (PatchParser.Operation op : patch.operations()) {
      if (op instanceof PatchParser.Operation.SetUserName set && isChange(current.get(), set.userName())) {
        return ScimResponse.error(PostmanError.USERNAME_NOT_UPDATABLE);
      }
    }
    return store.update(id, (user, now) -> {
          boolean active = user.active();
          for (PatchParser.Operation op : patch.operations()) {
            if (op instanceof PatchParser.Operation.SetActive set) {
              active = set.active();
            }
          }
          return user.withActive(active, now);
        })
        .map(updated -> ScimResponse.json(200, updated.toJson()))
        .orElseGet(() -> ScimResponse.error(PostmanError.NOT_MEMBER));
  }

  private static boolean isChange(StoredUser user, String userName) {
    return !UserStore.lower(user.userName()).equals(UserStore.lower(userName));
  }
}
