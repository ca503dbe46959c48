package dev.scimgateway.postman.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.tck.ProviderFixture;
import dev.scimgateway.adapter.tck.ResourceProviderContract;
import dev.scimgateway.postman.AdapterRig;
import dev.scimgateway.postman.users.PostmanUsers;
import dev.scimgateway.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Postman's groups, over the simulator, keep the adapter contract; members are users created through the adapter. */
class PostmanGroupsContractTest extends ResourceProviderContract {

  @Override
  protected ProviderFixture fixture() {
    AdapterRig rig = AdapterRig.start(SimulatorOptions.defaults().withBudget(100_000, 100_000, Duration.ofSeconds(60)));
    ScimAdapter adapter = rig.adapter("tck", settings -> settings.putObject("rateLimit")
        .put("reads", 100_000).put("writes", 100_000));
    PostmanGroups groups = GroupRig.groups(adapter);
    PostmanUsers users = AdapterRig.users(adapter);
    return new ProviderFixture() {
      @Override
      public ResourceProvider provider() {
        return groups;
      }

      @Override
      public ObjectNode newResource(String unique) {
        ObjectNode group = JsonNodeFactory.instance.objectNode().put("displayName", "Group " + unique);
        group.putArray("members");
        return group;
      }

      /** A new name each time: Postman's group names are unique. */
      @Override
      public Assignment assignment() {
        return new Assignment("displayName", TextNode.valueOf("Renamed " + UUID.randomUUID()));
      }

      @Override
      public Optional<MultiValued> multiValued() {
        return Optional.of(new MultiValued("members", () -> {
          String unique = UUID.randomUUID().toString().substring(0, 8);
          ObjectNode user = JsonNodeFactory.instance.objectNode().put("userName", "member-" + unique + "@example.com");
          user.putObject("name").put("givenName", "Member").put("familyName", unique);
          return users.create(user).map(created -> (JsonNode) JsonNodeFactory.instance.objectNode()
              .put("value", created.path("id").asText()));
        }));
      }

      @Override
      public void close() {
        rig.close();
      }
    };
  }
}
