package dev.scimgateway.simulator;

import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes an authenticated, budgeted SCIM request to its endpoint. Paths are matched exactly and case-sensitively;
 * any other path or method (DELETE /Users/{id}, PUT /Users, PUT /Groups/{id}, …) gets Postman's generic 404.
 */
final class ScimApi {

  private static final Pattern USER_PATH = Pattern.compile("/Users/([^/]+)");
  private static final Pattern GROUP_PATH = Pattern.compile("/Groups/([^/]+)");

  private final UserEndpoints users;
  private final GroupEndpoints groups;
  private final Supplier<String> baseUrl;

  ScimApi(UserStore userStore, GroupStore groupStore, int maxMembersPerRequest, Supplier<String> baseUrl) {
    this.users = new UserEndpoints(userStore);
    this.groups = new GroupEndpoints(groupStore, userStore, maxMembersPerRequest);
    this.baseUrl = baseUrl;
  }

  ScimResponse handle(ScimRequest request) {
    String method = request.method();
    String path = request.path();
    if (path.equals("/Users")) {
      if (method.equals("GET")) {
        return users.list(request.params());
      }
      if (method.equals("POST")) {
        return users.create(request);
      }
      return ScimResponse.notFound();
    }
    Matcher user = USER_PATH.matcher(path);
    if (user.matches()) {
      String id = user.group(1);
      return switch (method) {
        case "GET" -> users.get(id);
        case "PUT" -> users.replace(id, request);
        case "PATCH" -> users.patch(id, request);
        default -> ScimResponse.notFound();
      };
    }
    if (path.equals("/Groups")) {
      return switch (method) {
        case "GET" -> groups.list(request.params());
        case "POST" -> groups.create(request);
        default -> ScimResponse.notFound();
      };
    }
    Matcher group = GROUP_PATH.matcher(path);
    if (group.matches()) {
      String id = group.group(1);
      return switch (method) {
        case "GET" -> groups.get(id);
        case "PATCH" -> groups.patch(id, request);
        case "DELETE" -> groups.delete(id);
        default -> ScimResponse.notFound();
      };
    }
    if (method.equals("GET") && path.equals("/ServiceProviderConfig")) {
      return ScimResponse.json(200, Discovery.serviceProviderConfig(baseUrl.get()));
    }
    if (method.equals("GET") && path.equals("/ResourceTypes")) {
      return ScimResponse.json(200, Discovery.resourceTypes());
    }
    return ScimResponse.notFound();
  }

  /** The 401 for a missing or wrong key: Postman's generic shape on /ResourceTypes, the SCIM one elsewhere. */
  static ScimResponse unauthorized(String path) {
    return path.equals("/ResourceTypes")
        ? ScimResponse.genericUnauthorized()
        : ScimResponse.error(PostmanError.BAD_KEY);
  }
}
