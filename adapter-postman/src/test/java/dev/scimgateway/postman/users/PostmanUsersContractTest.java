package dev.scimgateway.postman.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.tck.ProviderFixture;
import dev.scimgateway.adapter.tck.ResourceProviderContract;
import dev.scimgateway.adapter.tck.Samples;
import dev.scimgateway.postman.AdapterRig;
import dev.scimgateway.simulator.SimulatorOptions;
import java.time.Duration;

/** Postman's users, over the simulator, keep the adapter contract. */
class PostmanUsersContractTest extends ResourceProviderContract {

  @Override
  protected ProviderFixture fixture() {
    AdapterRig rig = AdapterRig.start(SimulatorOptions.defaults().withBudget(100_000, 100_000, Duration.ofSeconds(60)));
    PostmanUsers users = AdapterRig.users(rig.adapter("tck", settings -> settings.putObject("rateLimit")
        .put("reads", 100_000).put("writes", 100_000)));
    return new ProviderFixture() {
      @Override
      public ResourceProvider provider() {
        return users;
      }

      @Override
      public ObjectNode newResource(String unique) {
        return Samples.user(unique);
      }

      @Override
      public Assignment assignment() {
        return Samples.deactivation();
      }

      @Override
      public void close() {
        rig.close();
      }
    };
  }
}
