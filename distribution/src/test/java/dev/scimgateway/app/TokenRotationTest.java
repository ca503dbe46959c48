package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scimgateway.core.server.ScimGateway;
import dev.scimgateway.simulator.PostmanSimulator;
import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tenant with several tokens during a rotation, one read from a secret file and one given only as its
 * SHA-256: each is accepted, and a missing token, a wrong one and an unknown tenant are answered alike.
 */
class TokenRotationTest {

  private static final String OLD = "rotation-old-token-0123456789";
  private static final String FROM_FILE = "rotation-file-token-0123456789";
  private static final String BY_DIGEST = "rotation-digest-token-0123456789";

  @TempDir
  static Path dir;

  @ParameterizedTest
  @ValueSource(strings = {OLD, FROM_FILE, BY_DIGEST})
  void everyTokenOfTheRotationIsAccepted(String token) throws Exception {
    try (GatewayRig rig = new GatewayRig()) {
      ScimGateway gateway = gateway(rig);

      assertEquals(200, status(rig, gateway, "/scim/v2/acme/Users", token));
    }
  }

  @Test
  void aMissingAWrongTokenAndAnUnknownTenantGetTheSameAnswer() throws Exception {
    try (GatewayRig rig = new GatewayRig()) {
      ScimGateway gateway = gateway(rig);

      String missing = body(rig, gateway, "/scim/v2/acme/Users", null);
      String wrong = body(rig, gateway, "/scim/v2/acme/Users", "wrong");
      String digestAsToken = body(rig, gateway, "/scim/v2/acme/Users", sha256(BY_DIGEST));
      String unknown = body(rig, gateway, "/scim/v2/nobody/Users", "wrong");

      assertEquals(401, status(rig, gateway, "/scim/v2/acme/Users", "wrong"));
      assertEquals(missing, wrong);
      assertEquals(missing, digestAsToken, "the digest itself is no token");
      assertEquals(missing, unknown);
    }
  }

  private static ScimGateway gateway(GatewayRig rig) throws Exception {
    Path secret = Files.writeString(dir.resolve("acme-token"), FROM_FILE + "\n");
    PostmanSimulator simulator = rig.simulator(SimulatorOptions.defaults());
    return rig.gateway("""
          acme:
            tokens: ["%s", "${file:%s}"]
            tokenSha256: %s
            adapter: postman
            postman:
              baseUrl: "%s"
              apiKey: "%s"
        """.formatted(OLD, secret, sha256(BY_DIGEST), simulator.baseUrl(), GatewayRig.API_KEY));
  }

  private static HttpRequest<Buffer> request(GatewayRig rig, ScimGateway gateway, String path, String token) {
    HttpRequest<Buffer> request = rig.idp.get(gateway.port(), "127.0.0.1", path);
    return token == null ? request : request.putHeader("Authorization", "Bearer " + token);
  }

  private static int status(GatewayRig rig, ScimGateway gateway, String path, String token) {
    return GatewayHarness.await(request(rig, gateway, path, token).send()).statusCode();
  }

  private static String body(GatewayRig rig, ScimGateway gateway, String path, String token) {
    return GatewayHarness.await(request(rig, gateway, path, token).send()).bodyAsString();
  }

  private static String sha256(String token) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
  }
}
