package dev.scimgateway.simulator;

import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes an authenticated, budgeted SCIM request to its endpoint. Paths are matched exactly and case-sensitively;
 * any other path or method (DELETE /Users/{id}, PUT /Users, /Groups, …) gets Postman's generic 404.
 */
final class ScimApi {

  private static final Pattern USER_PATH = Pattern.compile("/Users/([^/]+)");

  private final UserEndpoints users;
  private final Supplier<String> baseUrl;

  ScimApi(UserStore store, Supplier<String> baseUrl) {
    this.users = new UserEndpoints(store);
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
