package dev.scimgateway.postman.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ChangeSet;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceCapabilities.Operation;
import dev.scimgateway.adapter.api.ResourcePage;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.postman.client.PostmanClient;
import dev.scimgateway.postman.client.UpstreamCall;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Users on Postman: a name change is a {@code PUT}, an {@code active} change Postman's replace-active
 * {@code PATCH}, and a delete a deactivation, since Postman cannot delete users.
 */
public final class PostmanUsers implements ResourceProvider {

  private static final ResourceCapabilities CAPABILITIES = new ResourceCapabilities(
      PostmanUserBodies.STORED_ATTRIBUTES, Set.of("userName"), EnumSet.allOf(Operation.class), true);

  private final PostmanClient client;

  public PostmanUsers(PostmanClient client) {
    this.client = client;
  }

  @Override
  public ResourceCapabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public Future<ObjectNode> create(ObjectNode resource) {
    return client.call(UpstreamCall.send(HttpMethod.POST, "/Users", PostmanUserBodies.user(resource)))
        .map(PostmanUserBodies::fromPostman);
  }

  @Override
  public Future<ObjectNode> get(String id) {
    return client.call(UpstreamCall.get(userPath(id), Map.of())).map(PostmanUserBodies::fromPostman);
  }

  @Override
  public Future<ResourcePage> list(ListQuery query) {
    Map<String, String> parameters = new LinkedHashMap<>();
    query.filter().ifPresent(filter ->
        parameters.put("filter", filter.attribute() + " eq \"" + filter.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
    parameters.put("startIndex", String.valueOf(query.startIndex()));
    parameters.put("count", String.valueOf(query.count()));
    return client.call(UpstreamCall.get("/Users", parameters)).map(PostmanUsers::page);
  }

  /** A PUT for the names, then a PATCH if Postman's answer does not have the {@code active} asked for. */
  @Override
  public Future<ObjectNode> replace(String id, ObjectNode resource) {
    return put(id, resource).compose(stored -> resource.has("active") && !resource.get("active").equals(stored.get("active"))
        ? setActive(id, resource.get("active").asBoolean())
        : Future.succeededFuture(stored));
  }

  @Override
  public Future<ObjectNode> modify(String id, ChangeSet changes) {
    boolean namesChanged = changes.changed("userName") || changes.changed("name.givenName")
        || changes.changed("name.familyName") || changes.changed("externalId");
    boolean activeChanged = changes.changed("active");
    Future<ObjectNode> afterPut = namesChanged ? put(id, changes.after()) : Future.succeededFuture(changes.before());
    return afterPut.compose(stored -> activeChanged
        ? setActive(id, changes.newValue("active").asBoolean())
        : Future.succeededFuture(stored));
  }

  @Override
  public Future<Void> delete(String id) {
    return setActive(id, false).mapEmpty();
  }

  private Future<ObjectNode> put(String id, ObjectNode user) {
    return client.call(UpstreamCall.send(HttpMethod.PUT, userPath(id), PostmanUserBodies.user(user)))
        .map(PostmanUserBodies::fromPostman);
  }

  private Future<ObjectNode> setActive(String id, boolean active) {
    return client.call(UpstreamCall.send(HttpMethod.PATCH, userPath(id), PostmanUserBodies.setActive(active)))
        .map(PostmanUserBodies::fromPostman);
  }

  private static String userPath(String id) {
    return "/Users/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static ResourcePage page(JsonNode answer) {
    List<ObjectNode> users = new ArrayList<>();
    answer.path("Resources").forEach(user -> users.add(PostmanUserBodies.fromPostman(user)));
    int startIndex = answer.path("startIndex").asInt(1);
    int total = answer.path("totalResults").asInt(users.size());
    return new ResourcePage(users, Math.max(total, users.size()), Math.max(1, startIndex));
  }
}
