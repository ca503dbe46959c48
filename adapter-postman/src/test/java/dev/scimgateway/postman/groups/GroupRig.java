package dev.scimgateway.postman.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.MultiValuedDelta;
import dev.scimgateway.adapter.api.PatchOperation;
import dev.scimgateway.adapter.api.ResourceChange;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.postman.AdapterRig;
import dev.scimgateway.postman.PostmanTestSupport;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Helpers for group tests: users seeded straight into the simulator, and member PATCHes as the gateway describes them. */
final class GroupRig {

  private GroupRig() {}

  static PostmanGroups groups(ScimAdapter adapter) {
    return (PostmanGroups) adapter.provider(ResourceType.GROUP).orElseThrow();
  }

  /** Creates {@code count} users in the simulator directly (not through the adapter or its budget); their ids. */
  static List<String> seedUsers(AdapterRig rig, String prefix, int count) {
    WebClient client = WebClient.create(rig.vertx);
    List<String> ids = new ArrayList<>();
    int inFlight = 50;
    for (int from = 0; from < count; from += inFlight) {
      List<Future<String>> batch = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + inFlight); i++) {
        JsonObject user = new JsonObject().put("userName", prefix + i + "@example.com")
            .put("name", new JsonObject().put("givenName", "Member").put("familyName", String.valueOf(i)));
        batch.add(client.postAbs(rig.simulator.baseUrl() + "/Users").putHeader("Authorization", AdapterRig.API_KEY)
            .sendJsonObject(user).map(response -> {
              if (response.statusCode() != 201) {
                throw new AssertionError("seeding a user: " + response.statusCode() + " " + response.bodyAsString());
              }
              return response.bodyAsJsonObject().getString("id");
            }));
      }
      batch.forEach(future -> ids.add(PostmanTestSupport.await(future)));
    }
    client.close();
    return ids;
  }

  /** Renames a group in the simulator directly, as someone in Postman's admin console would. */
  static void renameInPostman(AdapterRig rig, String id, String displayName) {
    WebClient client = WebClient.create(rig.vertx);
    JsonObject body = new JsonObject("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
        + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"displayName\":\"" + displayName + "\"}}]}");
    int status = PostmanTestSupport.await(client.patchAbs(rig.simulator.baseUrl() + "/Groups/" + id)
        .putHeader("Authorization", AdapterRig.API_KEY).sendJsonObject(body)).statusCode();
    client.close();
    if (status != 200) {
      throw new AssertionError("renaming in Postman: " + status);
    }
  }

  /** A group body as the gateway hands it to {@code create}. */
  static ObjectNode group(String displayName, List<String> members) {
    ObjectNode group = JsonNodeFactory.instance.objectNode().put("displayName", displayName);
    ArrayNode array = group.putArray("members");
    members.forEach(value -> array.addObject().put("value", value));
    return group;
  }

  /** {@code add members [...]} and {@code remove members[value eq ...]}, as the gateway describes them (no resolve). */
  static ResourceChange members(List<String> added, List<String> removed) {
    List<JsonNode> adds = added.stream().map(value -> (JsonNode) JsonNodeFactory.instance.objectNode().put("value", value)).toList();
    List<JsonNode> removes = removed.stream().map(value -> (JsonNode) JsonNodeFactory.instance.objectNode().put("value", value)).toList();
    return new ResourceChange(List.of(new PatchOperation(PatchOperation.Op.ADD, Optional.of("members"),
        JsonNodeFactory.instance.arrayNode())), Set.of("members"), Map.of(),
        Map.of("members", new MultiValuedDelta("members", adds, removes)),
        () -> Future.failedFuture(new AssertionError("a member delta needs no read")));
  }

  static List<String> memberValues(JsonNode group) {
    List<String> values = new ArrayList<>();
    group.path("members").forEach(member -> values.add(member.path("value").asText()));
    return values;
  }

  static List<String> memberValues(JsonObject group) {
    return group.getJsonArray("members").stream().map(member -> ((JsonObject) member).getString("value")).toList();
  }
}
