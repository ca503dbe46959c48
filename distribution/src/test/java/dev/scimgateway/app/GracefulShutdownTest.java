package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.simulator.Fault;
import dev.scimgateway.simulator.FaultAction;
import dev.scimgateway.simulator.PostmanSimulator;
import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM during a rolling deploy: the request in flight still completes, then the process ends. */
class GracefulShutdownTest {

  @TempDir
  Path dir;

  @Test
  void aCreateInFlightCompletesBeforeTheProcessEnds() throws Exception {
    Vertx vertx = Vertx.vertx();
    PostmanSimulator simulator = GatewayHarness.await(
        PostmanSimulator.create(vertx, SimulatorOptions.defaults().withApiKey("PMAK-shutdown-test")).start());
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        server:
          host: 127.0.0.1
          port: 0
        tenants:
          acme:
            token: "shutdown-test-token"
            adapter: postman
            postman:
              baseUrl: "%s"
              apiKey: "PMAK-shutdown-test"
        """.formatted(simulator.baseUrl()));
    GatewayProcess running = GatewayProcess.start(config, dir.resolve("output.txt"), Map.of());
    Process gateway = running.process();
    try {
      int port = running.port();
      simulator.inject(new Fault("POST", "/Users", 1, new FaultAction.Delay(Duration.ofMillis(1500))));
      var response = WebClient.create(vertx).post(port, "127.0.0.1", "/scim/v2/acme/Users")
          .putHeader("Authorization", "Bearer shutdown-test-token")
          .putHeader("Content-Type", "application/scim+json")
          .sendBuffer(Buffer.buffer("{\"userName\":\"late@example.com\",\"name\":{\"givenName\":\"La\",\"familyName\":\"Te\"}}"));
      awaitRequestUpstream(simulator);

      gateway.destroy(); // SIGTERM

      assertEquals(201, GatewayHarness.await(response).statusCode(), "the request in flight was answered");
      assertTrue(gateway.waitFor(20, TimeUnit.SECONDS), "then the process ended");
      assertEquals(1, simulator.users().size());
    } finally {
      gateway.destroyForcibly();
      GatewayHarness.await(simulator.close());
      GatewayHarness.await(vertx.close());
    }
  }

  private static void awaitRequestUpstream(PostmanSimulator simulator) throws InterruptedException {
    for (int i = 0; i < 750 && simulator.pendingFaults() > 0; i++) {
      TimeUnit.MILLISECONDS.sleep(20);
    }
    assertEquals(0, simulator.pendingFaults(), "the create reached Postman");
  }
}
