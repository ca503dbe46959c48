package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scimgateway.adapter.api.ClusterSettings;
import dev.scimgateway.core.config.ConfigLoader;
import dev.scimgateway.core.config.GatewayConfig;
import dev.scimgateway.core.observability.Observability;
import dev.scimgateway.core.tenant.AdapterRegistry;
import dev.scimgateway.core.tenant.TenantDirectory;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configurations of {@code deploy/} are valid for this version's keys and adapters. */
class DeployExamplesTest {

  private static final Map<String, String> ENV = Map.of("ACME_SCIM_TOKEN", "t", "POSTMAN_SCIM_API_KEY", "k",
      "REDIS_URL", "redis://:p@redis:6379/0");

  private static void assertValidForTwoReplicas(GatewayConfig config) {
    assertEquals(2, config.cluster().map(ClusterSettings::replicas).orElseThrow());
    assertEquals(9090, config.operations().managementPort().getAsInt());
    Vertx vertx = Vertx.vertx();
    try {
      TenantDirectory tenants = TenantDirectory.create(vertx, config.tenants(), AdapterRegistry.fromClasspath(),
          Observability.standard());
      assertEquals(List.of("acme"), tenants.all().stream().map(tenant -> tenant.name()).toList());
    } finally {
      GatewayHarness.await(vertx.close());
    }
  }

  @Test
  void theComposeConfigurationIsValid() throws Exception {
    assertValidForTwoReplicas(ConfigLoader.withEnvironment(ENV).load(Path.of("..", "deploy", "compose", "gateway.yaml")));
  }

  @Test
  void theKubernetesConfigMapIsValidAndItsReplicasMatchTheDeployment() throws Exception {
    String manifests = Files.readString(Path.of("..", "deploy", "kubernetes", "scim-gateway.yaml"));
    List<JsonNode> documents = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class)
        .<JsonNode>readValues(manifests).readAll();
    JsonNode configMap = documents.stream().filter(d -> d.path("kind").asText().equals("ConfigMap")).findFirst().orElseThrow();
    JsonNode deployment = documents.stream().filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();

    GatewayConfig config = ConfigLoader.withEnvironment(ENV).parse(configMap.path("data").path("gateway.yaml").asText(),
        "the ConfigMap");
    assertValidForTwoReplicas(config);
    assertEquals(config.cluster().orElseThrow().replicas(), deployment.path("spec").path("replicas").asInt());
  }
}
