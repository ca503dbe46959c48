package dev.scimgateway.postman.users;

import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.tck.ProviderFixture;
import dev.scimgateway.adapter.tck.ResourceProviderContract;
import dev.scimgateway.adapter.tck.Samples;
import dev.scimgateway.postman.AdapterRig;
import dev.scimgateway.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.Optional;

/** Postman's users, over the simulator, keep the adapter contract. */
class PostmanUsersContractTest extends ResourceProviderContract {

  @Override
  protected ProviderFixture fixture() {
    AdapterRig rig = AdapterRig.start(SimulatorOptions.defaults().withBudget(100_000, 100_000, Duration.ofSeconds(60)));
    ScimAdapter adapter = rig.adapter("tck", settings -> settings.putObject("rateLimit")
        .put("reads", 100_000).put("writes", 100_000));
    return ProviderFixture.of(AdapterRig.users(adapter), Samples::user, Samples::deactivation, Optional.empty(), rig::close)
        .runningOn(rig.vertx, adapter.threading());
  }
}
