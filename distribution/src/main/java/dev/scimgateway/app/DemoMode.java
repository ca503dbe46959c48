package dev.scimgateway.app;

import dev.scimgateway.core.config.ConfigLoader;
import dev.scimgateway.core.config.GatewayConfig;
import dev.scimgateway.simulator.PostmanSimulator;
import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;

/**
 * The configuration a newcomer gets without {@code --config}: one tenant, {@code demo}, whose
 * Postman is the built-in simulator on a loopback port.
 */
final class DemoMode {

  static final String TENANT = "demo";
  static final String TOKEN = "demo-token";
  private static final String SIMULATOR_KEY = "PMAK-demo-simulator-key";

  private DemoMode() {}

  /** Starts the simulator and returns the demo configuration that points at it. */
  static Future<GatewayConfig> start(Vertx vertx, int port) {
    return PostmanSimulator.create(vertx, SimulatorOptions.defaults().withApiKey(SIMULATOR_KEY)).start()
        .map(simulator -> ConfigLoader.withEnvironment(Map.of()).parse("""
            server:
              host: 127.0.0.1
              port: %d
            tenants:
              %s:
                token: "%s"
                adapter: postman
                postman:
                  baseUrl: "%s"
                  apiKey: "%s"
            """.formatted(port, TENANT, TOKEN, simulator.baseUrl(), SIMULATOR_KEY), "demo configuration"));
  }

  /** What to print once the demo gateway listens. */
  static String instructions(int port) {
    String base = "http://127.0.0.1:" + port + "/scim/v2/" + TENANT;
    return """

        scim-gateway demo: tenant '%1$s' over the built-in Postman simulator (data is in memory).
        Create a user, then list users:

          curl -s -X POST %2$s/Users -H 'Authorization: Bearer %3$s' -H 'Content-Type: application/scim+json' \\
            -d '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"jane@example.com","name":{"givenName":"Jane","familyName":"Doe"}}'

          curl -s -H 'Authorization: Bearer %3$s' '%2$s/Users?filter=userName%%20eq%%20%%22jane@example.com%%22'

        Create a group, then look it up by name in any case:

          curl -s -X POST %2$s/Groups -H 'Authorization: Bearer %3$s' -H 'Content-Type: application/scim+json' \\
            -d '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Engineering","members":[]}'

          curl -s -H 'Authorization: Bearer %3$s' '%2$s/Groups?filter=displayName%%20eq%%20%%22engineering%%22'

        Stop with Ctrl+C. Run with --config FILE for real tenants.
        """.formatted(TENANT, base, TOKEN);
  }
}
