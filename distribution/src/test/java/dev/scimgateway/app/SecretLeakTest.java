package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.adapter.support.cluster.RedisServer;
import dev.scimgateway.simulator.Fault;
import dev.scimgateway.simulator.FaultAction;
import dev.scimgateway.simulator.PostmanError;
import dev.scimgateway.simulator.PostmanSimulator;
import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real gateway program in its own JVM through a full provisioning run with failures of
 * every kind, then scans everything it printed (request, audit and diagnostic lines), every answer
 * and the metrics for the configured secrets.
 */
class SecretLeakTest {

  private static final String IDP_TOKEN = "idp-token-must-not-leak-7f3a9c";
  private static final String API_KEY = "PMAK-upstream-key-must-not-leak-52be";
  private static final String QUERY_SECRET = "query-token-must-not-leak-91c0";
  /** Malformed requests (and one with a malformed forwarding header), some carrying a credential where the gateway does not look for one. */
  private static final List<String> HOSTILE = List.of(
      "GET /scim/v2/acme/Users?access_token=QUERYSECRET&x=%zz HTTP/1.1\r\nHost: localhost\r\n\r\n",
      "GET /scim/v2/acme/Users/%zz?access_token=QUERYSECRET HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer TOKEN\r\n\r\n",
      "GET /scim/v2/acme/Users?filter=%&token=QUERYSECRET HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer TOKEN\r\n\r\n",
      "GET /scim/v2/acme/Users HTTP/1.1\r\nHost: [QUERYSECRET\r\nAuthorization: Bearer TOKEN\r\n\r\n",
      "GET /scim/v2/acme/Users HTTP/1.1\r\nAuthorization: Bearer TOKEN\r\n\r\n",
      "GET /scim/v2/acme/Users HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer TOKEN\r\nX-Forwarded-Host: QUERYSECRET:99999\r\n\r\n",
      "POST /scim/v2/acme/Users HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer TOKEN\r\nTransfer-Encoding: chunked, identity\r\n\r\n",
      "GET /scim/v2/acme/Users HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer QUERYSECRET\r\n\r\n",
      "QUERYSECRET\r\n\r\n");
  private static final String REDIS_PASSWORD = "redis-password-must-not-leak-9d41";

  @TempDir
  Path dir;

  @Test
  void noSecretAppearsInAnythingTheGatewayPrintsOrAnswers() throws Exception {
    Vertx vertx = Vertx.vertx();
    RedisServer redis = RedisServer.start(REDIS_PASSWORD);
    PostmanSimulator simulator = GatewayHarness.await(
        PostmanSimulator.create(vertx, SimulatorOptions.defaults().withApiKey(API_KEY)).start());
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        server:
          host: 127.0.0.1
          port: 0
        logging:
          format: json
        cluster:
          replicas: 2
          redis:
            url: "${LEAK_TEST_REDIS_URL}"
        tenants:
          acme:
            token: "${LEAK_TEST_TOKEN}"
            adapter: postman
            postman:
              baseUrl: "%s"
              apiKey: "${LEAK_TEST_KEY}"
              requestTimeoutMillis: 500
              retry:
                maxAttempts: 2
                initialBackoffMillis: 10
        """.formatted(simulator.baseUrl()));
    GatewayProcess running = GatewayProcess.start(config, dir.resolve("output.txt"),
        Map.of("LEAK_TEST_TOKEN", IDP_TOKEN, "LEAK_TEST_KEY", API_KEY, "LEAK_TEST_REDIS_URL", redis.url()));
    Process gateway = running.process();
    List<String> answers = new ArrayList<>();
    List<String> raw = new ArrayList<>();
    try {
      int port = running.port();
      WebClient client = WebClient.create(vertx);
      String users = "/scim/v2/acme/Users";

      String created = call(client, port, HttpMethod.POST, users, IDP_TOKEN,
          "{\"userName\":\"leak@example.com\",\"name\":{\"givenName\":\"L\",\"familyName\":\"Eak\"},\"externalId\":\"x1\"}", answers);
      String id = new io.vertx.core.json.JsonObject(created).getString("id");
      call(client, port, HttpMethod.GET, users + "?filter=externalId%20eq%20%22x1%22", IDP_TOKEN, null, answers);
      call(client, port, HttpMethod.PUT, users + "/" + id, IDP_TOKEN,
          "{\"userName\":\"leak@example.com\",\"name\":{\"givenName\":\"Le\",\"familyName\":\"Eak\"}}", answers);
      call(client, port, HttpMethod.PATCH, users + "/" + id, IDP_TOKEN,
          "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}", answers);
      call(client, port, HttpMethod.GET, users, "wrong-" + IDP_TOKEN, null, answers);
      call(client, port, HttpMethod.GET, "/scim/v2/other/Users", IDP_TOKEN, null, answers);
      simulator.inject(new Fault("GET", "/Users", 1, new FaultAction.Respond(PostmanError.BAD_KEY)));
      call(client, port, HttpMethod.GET, users, IDP_TOKEN, null, answers);
      simulator.inject(new Fault("GET", "/Users/.+", 2, new FaultAction.Respond(PostmanError.FETCH_MEMBER_FAILED)));
      call(client, port, HttpMethod.GET, users + "/" + id, IDP_TOKEN, null, answers);
      simulator.inject(new Fault("GET", "/Users/.+", 2, new FaultAction.Delay(java.time.Duration.ofSeconds(2))));
      call(client, port, HttpMethod.GET, users + "/" + id, IDP_TOKEN, null, answers);
      simulator.inject(new Fault("POST", "/Users", 1, new FaultAction.RespondRaw(502, "text/html", "<html>bad gateway</html>")));
      call(client, port, HttpMethod.POST, users, IDP_TOKEN,
          "{\"userName\":\"other@example.com\",\"name\":{\"givenName\":\"O\",\"familyName\":\"Ther\"}}", answers);
      redis.stop(); // the replica says so in its logs, on /ready and in a metric
      call(client, port, HttpMethod.GET, users + "/" + id, IDP_TOKEN, null, answers);
      call(client, port, HttpMethod.GET, "/metrics", null, null, answers);
      call(client, port, HttpMethod.GET, "/ready", null, null, answers);
      for (String hostile : HOSTILE) {
        RawHttp.Answer answer = RawHttp.exchange(port, hostile.replace("TOKEN", IDP_TOKEN).replace("QUERYSECRET", QUERY_SECRET));
        assertTrue(answer.status() < 500, answer.status() + " " + answer.body());
        raw.add(answer.headers() + " " + answer.body());
      }
    } finally {
      redis.stop();
      gateway.destroy();
      assertTrue(gateway.waitFor(20, TimeUnit.SECONDS));
      GatewayHarness.await(simulator.close());
      GatewayHarness.await(vertx.close());
    }

    String printed = running.printed();
    assertTrue(printed.contains("\"type\":\"request\""), "the run printed request lines: " + printed);
    assertTrue(printed.contains("\"type\":\"audit\""), "and audit lines");
    assertEquals(13, answers.size());
    assertEquals(HOSTILE.size(), raw.size());
    assertTrue(printed.contains("is unreachable"), "the run lost Redis: " + printed);
    for (String secret : List.of(IDP_TOKEN, API_KEY, QUERY_SECRET, REDIS_PASSWORD)) {
      assertFalse(printed.contains(secret), "a secret in the gateway's output");
      answers.forEach(answer -> assertFalse(answer.contains(secret), "a secret in an answer: " + answer));
      raw.forEach(answer -> assertFalse(answer.contains(secret), "a secret in an answer: " + answer));
    }
    assertFalse(printed.contains("\tat "), "no stack trace for what clients did wrong: " + printed);
    assertFalse(printed.contains("%zz"), "no raw URI in the output");
  }

  private static String call(WebClient client, int port, HttpMethod method, String path, String token, String body,
      List<String> answers) {
    var request = client.request(method, port, "127.0.0.1", path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    HttpResponse<Buffer> response = GatewayHarness.await(body == null
        ? request.send()
        : request.putHeader("Content-Type", "application/scim+json").sendBuffer(Buffer.buffer(body)));
    String answer = response.statusCode() + " " + response.headers() + " " + response.bodyAsString();
    answers.add(answer);
    return response.bodyAsString();
  }
}
