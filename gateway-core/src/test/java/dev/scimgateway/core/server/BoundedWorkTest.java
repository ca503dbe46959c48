package dev.scimgateway.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.core.config.ConfigLoader;
import dev.scimgateway.core.memory.MemoryAdapterFactory;
import dev.scimgateway.core.memory.MemoryResources;
import dev.scimgateway.core.tenant.AdapterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The protocol work one request may cause is bounded, and work whose cost grows with the input runs off
 * the event loop: a hostile PATCH or filter gets an RFC 7644 error at once, never a 500, a hang or a
 * stalled gateway.
 */
class BoundedWorkTest {

  private static final String TOKEN = "bounded-token-0123456789";
  private static final String OTHER_TOKEN = "bounded-other-token-0123456789";
  private static final String USERS = "/scim/v2/bounded/Users";
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  private static final int MAX_OPERATIONS = 150;

  private static Vertx vertx;
  private static ScimGateway gateway;
  private static WebClient client;
  private static MemoryResources users;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    String yaml = """
        server: {host: 127.0.0.1, port: 0, maxBodyBytes: 4000000}
        limits: {maxPatchOperations: %d, maxFilterLength: 300, maxFilterDepth: 4}
        tenants:
          bounded:
            token: "%s"
            adapter: memory
            memory:
              resourceTypes:
                User: {attributes: "userName,active,emails", filters: "userName"}
          other:
            token: "%s"
            adapter: memory
        """.formatted(MAX_OPERATIONS, TOKEN, OTHER_TOKEN);
    var config = ConfigLoader.withEnvironment(Map.of()).parse(yaml, "test configuration");
    gateway = await(ScimGateway.start(vertx, config, AdapterRegistry.fromClasspath()));
    client = WebClient.create(vertx);
    users = MemoryAdapterFactory.users("bounded");
  }

  @AfterAll
  static void stop() {
    client.close();
    await(gateway.close());
    await(vertx.close());
  }

  @BeforeEach
  void clean() {
    users.reset();
  }

  @Test
  void aPatchThatWouldExamineTooManyValuesIs413TooManyAfterOneRead() {
    var user = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("userName", "many@example.com");
    var emails = user.putArray("emails");
    IntStream.range(0, 2000).forEach(i -> emails.addObject().put("value", "e" + i + "@x.io"));
    String id = users.seed(user);

    var response = patch(TOKEN, id, emailOperations(MAX_OPERATIONS));

    assertError(response, 413, "tooMany");
    assertEquals(List.of("modify " + id, "get " + id), users.calls());
    assertEquals(0, users.writes());
  }

  @Test
  void morePatchOperationsThanAllowedIs413TooManyWithoutAnyCall() {
    String id = users.seed("jane@example.com", true);

    var response = patch(TOKEN, id, emailOperations(MAX_OPERATIONS + 1));

    assertError(response, 413, "tooMany");
    assertTrue(response.bodyAsJsonObject().getString("detail").contains(String.valueOf(MAX_OPERATIONS)), response.bodyAsString());
    assertEquals(List.of(), users.calls());
  }

  @Test
  void theHeaviestAllowedPatchRunsOffTheEventLoopWhileHealthAndOtherTenantsAnswer() {
    String id = users.seed("jane@example.com", true);
    String otherId = MemoryAdapterFactory.users("other").seed("kim@example.com", true);
    List<String> finished = new java.util.concurrent.CopyOnWriteArrayList<>();

    Future<HttpResponse<Buffer>> heavy = send(TOKEN, HttpMethod.PATCH, USERS + "/" + id,
        "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + emailOperations(MAX_OPERATIONS) + "]}")
        .andThen(done -> finished.add("patch"));
    await(vertx.timer(50));
    var health = await(client.get(gateway.port(), "127.0.0.1", "/health").send().andThen(done -> finished.add("health")));
    var other = await(send(OTHER_TOKEN, HttpMethod.GET, "/scim/v2/other/Users/" + otherId, null).andThen(done -> finished.add("other")));
    var patched = await(heavy);

    assertEquals(200, health.statusCode());
    assertEquals(200, other.statusCode(), other.bodyAsString());
    assertEquals(200, patched.statusCode(), patched.bodyAsString());
    assertEquals(MAX_OPERATIONS, patched.bodyAsJsonObject().getJsonArray("emails").size());
    assertEquals(List.of("health", "other", "patch"), finished, "the gateway answered while the PATCH was applied");
  }

  static Stream<Arguments> filtersBeyondTheLimits() {
    return Stream.of(
        Arguments.of("too long", "userName eq \"" + "a".repeat(400) + "\""),
        Arguments.of("nested too deep", "((((((userName eq \"a\"))))))"),
        Arguments.of("value filters nested too deep", "emails[type eq \"a\" and (value eq \"b\" or (value eq \"c\" or (value eq \"d\" or (value eq \"e\"))))]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filtersBeyondTheLimits")
  void aFilterBeyondTheLimitsIs400InvalidFilterWithoutAnyCall(String name, String filter) {
    var response = send(TOKEN, HttpMethod.GET, USERS + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8), null);

    assertError(await(response), 400, "invalidFilter");
    assertEquals(List.of(), users.calls());
  }

  @Test
  void aPatchPathBeyondTheLimitsIs400InvalidPath() {
    String id = users.seed("jane@example.com", true);

    var response = patch(TOKEN, id, "{\"op\":\"remove\",\"path\":\"emails[value eq \\\"" + "x".repeat(400) + "\\\"]\"}");

    assertError(response, 400, "invalidPath");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0000", "]", "a..b", "emails[value eq \"\u0000\"].\u0000"})
  void anUnparsablePatchPathIs400NotA500(String path) {
    String id = users.seed("jane@example.com", true);

    var response = patch(TOKEN, id, new JsonObject().put("op", "remove").put("path", path).encode());

    assertEquals(400, response.statusCode(), response.bodyAsString());
    assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", response.bodyAsJsonObject().getJsonArray("schemas").getString(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", ".", ""})
  void anIdThatWouldFormADotOrEmptySegmentFindsNothingWithoutAnyCall(String id) {
    var list = await(send(TOKEN, HttpMethod.GET, USERS + "?filter="
        + URLEncoder.encode("id eq \"" + id + "\"", StandardCharsets.UTF_8), null));

    assertEquals(200, list.statusCode(), list.bodyAsString());
    assertEquals(0, list.bodyAsJsonObject().getInteger("totalResults"));
    assertEquals(List.of(), users.calls());
  }

  /** A lone {@code %2e} is removed as a dot segment by the HTTP layer (RFC 3986 §5.2.4): it is the collection. */
  @ParameterizedTest
  @ValueSource(strings = {"%2E%2E", ".%2E", "%2E."})
  void anEncodedDotSegmentAsAnIdIs404WithoutAnyCall(String encoded) {
    var get = await(send(TOKEN, HttpMethod.GET, USERS + "/" + encoded, null));
    var delete = await(send(TOKEN, HttpMethod.DELETE, USERS + "/" + encoded, null));

    assertError(get, 404, null);
    assertError(delete, 404, null);
    assertEquals(List.of(), users.calls());
  }

  static Stream<Arguments> malformedInput() {
    return Stream.of(
        Arguments.of("a body that is not UTF-8", HttpMethod.POST, USERS, new byte[] {'{', '"', 'u', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, 400),
        Arguments.of("a lone surrogate escape", HttpMethod.POST, USERS, "{\"userName\":\"\\uD800\"}".getBytes(StandardCharsets.UTF_8), 201),
        Arguments.of("a body nested a thousand deep", HttpMethod.POST, USERS,
            ("{\"userName\":\"deep@x.io\",\"x\":" + "[".repeat(1000) + "]".repeat(1000) + "}").getBytes(StandardCharsets.UTF_8), 400),
        Arguments.of("a count that is not a number", HttpMethod.GET, USERS + "?count=ten", null, 400),
        Arguments.of("a startIndex beyond int", HttpMethod.GET, USERS + "?startIndex=99999999999", null, 400),
        Arguments.of("a negative count", HttpMethod.GET, USERS + "?count=-5", null, 200),
        Arguments.of("a method SCIM does not use", HttpMethod.OPTIONS, USERS, null, 405),
        Arguments.of("a PUT of the collection", HttpMethod.PUT, USERS, "{}".getBytes(StandardCharsets.UTF_8), 405));
  }

  @ParameterizedTest(name = "{0} -> {4}")
  @MethodSource("malformedInput")
  void malformedInputGetsAScimAnswerNeverA5xx(String name, HttpMethod method, String path, byte[] body, int status) {
    var request = client.request(method, gateway.port(), "127.0.0.1", path)
        .putHeader("Authorization", "Bearer " + TOKEN).putHeader("Content-Type", "application/scim+json");
    var response = await(body == null ? request.send() : request.sendBuffer(Buffer.buffer(body)));

    assertEquals(status, response.statusCode(), response.bodyAsString());
    if (status >= 400) {
      assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", response.bodyAsJsonObject().getJsonArray("schemas").getString(0));
      assertEquals(String.valueOf(status), response.bodyAsJsonObject().getString("status"));
    }
  }

  private static String emailOperations(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> "{\"op\":\"replace\",\"path\":\"emails[value eq \\\"f" + i + "@x.io\\\"].type\",\"value\":\"work\"}")
        .collect(Collectors.joining(","));
  }

  private static HttpResponse<Buffer> patch(String token, String id, String operations) {
    return await(send(token, HttpMethod.PATCH, USERS + "/" + id,
        "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + operations + "]}"));
  }

  private static Future<HttpResponse<Buffer>> send(String token, HttpMethod method, String path, String body) {
    var request = client.request(method, gateway.port(), "127.0.0.1", path)
        .putHeader("Authorization", "Bearer " + token)
        .putHeader("Content-Type", "application/scim+json");
    return body == null ? request.send() : request.sendBuffer(Buffer.buffer(body));
  }

  private static void assertError(HttpResponse<Buffer> response, int status, String scimType) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
    JsonObject error = response.bodyAsJsonObject();
    assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", error.getJsonArray("schemas").getString(0));
    assertEquals(String.valueOf(status), error.getString("status"));
    assertEquals(scimType, error.getString("scimType"));
    assertFalse(error.getString("detail").isBlank());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
