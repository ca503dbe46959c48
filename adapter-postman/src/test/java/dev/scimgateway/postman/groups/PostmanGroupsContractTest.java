package dev.scimgateway.postman.groups;

import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.tck.ProviderFixture;
import dev.scimgateway.adapter.tck.ResourceProviderContract;
import dev.scimgateway.adapter.tck.Samples;
import dev.scimgateway.postman.AdapterRig;
import dev.scimgateway.postman.users.PostmanUsers;
import dev.scimgateway.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.Optional;

/** Postman's groups, over the simulator, keep the adapter contract; members are users created through the adapter. */
class PostmanGroupsContractTest extends ResourceProviderContract {

  @Override
  protected ProviderFixture fixture() {
    AdapterRig rig = AdapterRig.start(SimulatorOptions.defaults().withBudget(100_000, 100_000, Duration.ofSeconds(60)));
    ScimAdapter adapter = rig.adapter("tck", settings -> settings.putObject("rateLimit")
        .put("reads", 100_000).put("writes", 100_000));
    PostmanGroups groups = GroupRig.groups(adapter);
    PostmanUsers users = AdapterRig.users(adapter);
    return ProviderFixture.of(groups, Samples::group, Samples::groupRename, Optional.of(Samples.members(users)),
        rig::close).runningOn(rig.vertx, adapter.threading());
  }
}
