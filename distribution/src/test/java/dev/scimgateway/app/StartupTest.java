package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.core.config.ConfigLoader;
import dev.scimgateway.core.config.GatewayConfig;
import dev.scimgateway.core.observability.Observability;
import dev.scimgateway.core.tenant.AdapterRegistry;
import dev.scimgateway.core.tenant.TenantDirectory;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The gateway's main program as an operator runs it, in a separate JVM: a broken configuration ends
 * start-up with exit code 2 and one line naming the problem; a good one serves.
 */
class StartupTest {

  private static final String VALID_TENANT = """
      tenants:
        acme:
          token: "${ACME_SCIM_TOKEN}"
          adapter: postman
          postman:
            baseUrl: "https://api.getpostman.com/scim/v2"
            apiKey: "${POSTMAN_SCIM_API_KEY}"
      """;

  @TempDir
  Path dir;

  static Stream<Arguments> brokenConfigurations() {
    return Stream.of(
        Arguments.of("bad YAML", "tenants: [unclosed\n  acme: {", "invalid YAML at line"),
        Arguments.of("empty file", "", "is empty"),
        Arguments.of("no tenants", "server:\n  port: 8080\n", "tenants: at least one tenant is required"),
        Arguments.of("unknown top-level key", "servr:\n  port: 1\n" + VALID_TENANT, "servr: unknown key"),
        Arguments.of("port out of range", "server:\n  port: 70000\n" + VALID_TENANT, "server.port: must be between 0 and 65535"),
        Arguments.of("unknown adapter", VALID_TENANT.replace("adapter: postman", "adapter: salesforce"),
            "tenants.acme.adapter: unknown adapter 'salesforce' (available: postman, scim)"),
        Arguments.of("missing adapter", VALID_TENANT.replace("adapter: postman", ""), "tenants.acme.adapter: is required"),
        Arguments.of("missing token", VALID_TENANT.replace("token: \"${ACME_SCIM_TOKEN}\"", ""), "tenants.acme.token: is required"),
        Arguments.of("unset environment variable", VALID_TENANT.replace("ACME_SCIM_TOKEN", "NOT_SET_ANYWHERE"),
            "tenants.acme.token: environment variable NOT_SET_ANYWHERE is not set"),
        Arguments.of("missing API key", VALID_TENANT.replace("apiKey: \"${POSTMAN_SCIM_API_KEY}\"", ""),
            "tenants.acme.postman.apiKey: is required"),
        Arguments.of("API key variable set but empty", VALID_TENANT.replace("POSTMAN_SCIM_API_KEY", "EMPTY_VALUE"),
            "tenants.acme.postman.apiKey: must not be empty"),
        Arguments.of("bad baseUrl", VALID_TENANT.replace("https://api.getpostman.com/scim/v2", "api.getpostman.com"),
            "tenants.acme.postman.baseUrl: must be an absolute http:// or https:// URL"),
        Arguments.of("missing postman section", VALID_TENANT.substring(0, VALID_TENANT.indexOf("    postman:")),
            "tenants.acme.postman: is required"),
        Arguments.of("misspelt postman key", VALID_TENANT.replace("baseUrl:", "baseURL:"), "tenants.acme.postman.baseURL: unknown key"),
        Arguments.of("bad rate limit", VALID_TENANT + "      rateLimit:\n        requests: lots\n",
            "tenants.acme.postman.rateLimit.requests: must be a whole number"),
        Arguments.of("bad tenant name", VALID_TENANT.replace("acme:", "ac/me:"), "tenants.ac/me: a tenant name is its URL path segment"),
        Arguments.of("missing secret file", VALID_TENANT.replace("${ACME_SCIM_TOKEN}", "${file:/no/such/secret}"),
            "tenants.acme.token: secret file /no/such/secret does not exist"),
        Arguments.of("missing certificate file", "server:\n  tls:\n    certFile: /no/such/cert.pem\n    keyFile: /no/such/key.pem\n"
            + VALID_TENANT, "server.tls.certFile: /no/such/cert.pem does not exist"),
        Arguments.of("bad idle timeout", "server:\n  idleTimeoutMillis: soon\n" + VALID_TENANT,
            "server.idleTimeoutMillis: must be a whole number"),
        Arguments.of("no event loop", "server:\n  eventLoops: 0\n" + VALID_TENANT,
            "server.eventLoops: must be between 1 and 1024, got 0"),
        Arguments.of("negative event loops", "server:\n  eventLoops: -1\n" + VALID_TENANT,
            "server.eventLoops: must be between 1 and 1024, got -1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenConfigurations")
  void brokenConfigurationStopsStartUpWithOneClearLine(String name, String yaml, String expected) throws Exception {
    Path config = Files.writeString(dir.resolve("gateway.yaml"), yaml);

    Run run = runMain(List.of("--config", config.toString()));

    assertEquals(2, run.exitCode(), run.stderr());
    assertEquals(1, run.stderr().strip().lines().count(), "one line: " + run.stderr());
    assertTrue(run.stderr().startsWith("scim-gateway: configuration error: "), run.stderr());
    assertTrue(run.stderr().contains(expected), run.stderr());
    assertFalse(run.stderr().contains("Exception"), run.stderr());
    assertFalse(run.stderr().contains("s3cr3t"), "no secret in the message");
  }

  @Test
  void theExampleConfigurationIsValid() throws Exception {
    Path example = Path.of("..", "config", "example.yaml");
    GatewayConfig config = ConfigLoader.withEnvironment(Map.of("ACME_SCIM_TOKEN", "t", "POSTMAN_SCIM_API_KEY", "k"))
        .load(example);
    Vertx vertx = Vertx.vertx();
    try {
      TenantDirectory tenants = TenantDirectory.create(vertx, config.tenants(), AdapterRegistry.fromClasspath(),
          Observability.standard());
      assertEquals(List.of("acme"), tenants.all().stream().map(tenant -> tenant.name()).toList());
      assertEquals(9090, config.operations().managementPort().getAsInt());
      GatewayHarness.await(tenants.close());
    } finally {
      GatewayHarness.await(vertx.close());
    }
  }

  @Test
  void missingConfigFileIsNamed() throws Exception {
    Run run = runMain(List.of("--config", dir.resolve("nope.yaml").toString()));

    assertEquals(2, run.exitCode());
    assertTrue(run.stderr().contains("nope.yaml: no such file"), run.stderr());
  }

  @Test
  void unknownArgumentPrintsUsage() throws Exception {
    Run run = runMain(List.of("--konfig", "x"));

    assertEquals(2, run.exitCode());
    assertTrue(run.stderr().contains("unknown argument '--konfig'"), run.stderr());
    assertTrue(run.stderr().contains("Usage:"), run.stderr());
  }

  @Test
  void demoModeServesTheCurlItPrints() throws Exception {
    Process process = start(List.of("--demo-port", "0"));
    try {
      String announced = readUntil(process, Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/scim/v2/demo)/Users"));
      Vertx vertx = Vertx.vertx();
      try {
        var response = GatewayHarness.await(WebClient.create(vertx)
            .getAbs(announced + "/Users?filter=userName%20eq%20%22jane@example.com%22")
            .putHeader("Authorization", "Bearer " + DemoMode.TOKEN).send());
        assertEquals(200, response.statusCode(), response.bodyAsString());
        assertEquals(0, response.bodyAsJsonObject().getInteger("totalResults"));
      } finally {
        GatewayHarness.await(vertx.close());
      }
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private record Run(int exitCode, String stdout, String stderr) {}

  private Run runMain(List<String> args) throws IOException, InterruptedException {
    Process process = start(args);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "start-up must end, not hang");
    return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes()),
        new String(process.getErrorStream().readAllBytes()));
  }

  private static Process start(List<String> args) throws IOException {
    ProcessBuilder builder = GatewayProcess.command(args);
    builder.environment().putAll(Map.of(
        "ACME_SCIM_TOKEN", "s3cr3t-idp-token", "POSTMAN_SCIM_API_KEY", "s3cr3t-api-key", "EMPTY_VALUE", ""));
    return builder.start();
  }

  /** Reads the process's output until a line matches; returns the first group. */
  private static String readUntil(Process process, Pattern pattern) throws IOException {
    var reader = process.inputReader();
    List<String> seen = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null) {
      seen.add(line);
      Matcher matcher = pattern.matcher(line);
      if (matcher.find()) {
        return matcher.group(1);
      }
    }
    throw new AssertionError("the process ended without printing " + pattern + ": " + seen);
  }
}
