package dev.scimgateway.core.server;

import static dev.scimgateway.core.server.GatewayWithTestAdapterTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.core.config.ConfigLoader;
import dev.scimgateway.core.memory.MemoryAdapterFactory;
import dev.scimgateway.core.memory.MemoryResources;
import dev.scimgateway.core.observability.Observability;
import dev.scimgateway.core.tenant.AdapterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The gateway on four event loops, many connections at once: every loop serves requests, and each
 * tenant's adapter is still only ever called on one thread, its own, unless it runs on any loop.
 */
class EventLoopsTest {

  private static final int EVENT_LOOPS = 4;
  private static final int CONNECTIONS = 32;
  private static final int USERS = 96;
  private static final String TENANT = "loops";
  private static final String OTHER = "loops-other";
  private static final String ANY_LOOP = "loops-any";
  private static final String TOKEN = "loops-token-0123456789";
  private static final Pattern LOOP_REQUESTS =
      Pattern.compile("(?m)^scim_gateway_event_loop_requests_total\\{thread=\"([^\"]+)\"} ([0-9.E]+)$");

  private static Vertx vertx;
  private static ScimGateway gateway;
  private static WebClient client;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2 * EVENT_LOOPS));
    var config = ConfigLoader.withEnvironment(Map.of()).parse("""
        server:
          host: 127.0.0.1
          port: 0
          eventLoops: %d
        tenants:
          %s:
            token: "%s"
            adapter: memory
          %s:
            token: "%s"
            adapter: memory
          %s:
            token: "%s"
            adapter: memory
            memory:
              anyLoop: true
        """.formatted(EVENT_LOOPS, TENANT, TOKEN, OTHER, TOKEN, ANY_LOOP, TOKEN), "test configuration");
    gateway = await(ScimGateway.start(vertx, config, AdapterRegistry.fromClasspath(), Observability.standard()));
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(gateway.port()),
        new PoolOptions().setHttp1MaxSize(CONNECTIONS));
  }

  @AfterAll
  static void stop() {
    client.close();
    await(gateway.close());
    await(vertx.close());
  }

  @Test
  void manyConnectionsAreServedBySeveralLoopsWhileTheAdapterStaysOnOneThread() {
    MemoryResources users = MemoryAdapterFactory.users(TENANT);
    List<String> names = IntStream.range(0, USERS).mapToObj(i -> "user" + i + "@example.com").toList();

    List<JsonObject> created = all(names.stream().map(name -> send(HttpMethod.POST, TENANT, "/Users", user(name))
        .map(response -> body(response, 201))));
    List<String> ids = created.stream().map(user -> user.getString("id")).toList();
    assertEquals(USERS, Set.copyOf(ids).size(), "each create made its own user");
    for (int i = 0; i < USERS; i++) {
      assertEquals(names.get(i), created.get(i).getString("userName"));
    }

    List<Future<JsonObject>> reads = ids.stream()
        .map(id -> send(HttpMethod.GET, TENANT, "/Users/" + id, null).map(response -> body(response, 200))).toList();
    List<Future<JsonObject>> patches = IntStream.range(0, USERS).mapToObj(i -> send(HttpMethod.PATCH, TENANT,
            "/Users/" + ids.get(i), rename("Given" + i)).map(response -> body(response, 200))).toList();
    List<JsonObject> read = all(reads.stream());
    List<JsonObject> patched = all(patches.stream());
    for (int i = 0; i < USERS; i++) {
      assertEquals(names.get(i), read.get(i).getString("userName"));
      assertEquals(ids.get(i), patched.get(i).getString("id"));
      assertEquals("Given" + i, patched.get(i).getJsonObject("name").getString("givenName"));
    }

    List<JsonObject> reread = all(ids.stream()
        .map(id -> send(HttpMethod.GET, TENANT, "/Users/" + id, null).map(response -> body(response, 200))));
    for (int i = 0; i < USERS; i++) {
      assertEquals("Given" + i, reread.get(i).getJsonObject("name").getString("givenName"));
      assertEquals(names.get(i), users.stored(ids.get(i)).get("userName").asText());
    }
    assertEquals(USERS, users.calls().stream().filter(call -> call.equals("create")).count());
    assertEquals(USERS, users.calls().stream().filter(call -> call.startsWith("modify ")).count());

    Map<String, Double> perLoop = requestsPerLoop();
    assertTrue(perLoop.values().stream().filter(count -> count > 0).count() > 1, "requests by loop: " + perLoop);
    assertEquals(EVENT_LOOPS, perLoop.size(), "one server per loop: " + perLoop);
    Set<String> adapterThreads = users.threads();
    assertEquals(1, adapterThreads.size(), "the adapter was called on " + adapterThreads);
    String home = adapterThreads.iterator().next();
    assertTrue(home.startsWith("vert.x-eventloop-thread-"), home);
    assertTrue(perLoop.containsKey(home), "the adapter's home is one of the serving loops: " + home + ", " + perLoop);
  }

  @Test
  void anAdapterThatRunsOnAnyLoopIsCalledOnTheLoopsThatServeItsRequests() {
    MemoryResources users = MemoryAdapterFactory.users(ANY_LOOP);
    List<String> names = IntStream.range(0, USERS).mapToObj(i -> "any" + i + "@example.com").toList();

    List<String> ids = all(names.stream().map(name -> send(HttpMethod.POST, ANY_LOOP, "/Users", user(name))
        .map(response -> body(response, 201).getString("id"))));
    List<JsonObject> patched = all(IntStream.range(0, USERS).mapToObj(i -> send(HttpMethod.PATCH, ANY_LOOP,
        "/Users/" + ids.get(i), rename("Any" + i)).map(response -> body(response, 200))));
    List<JsonObject> read = all(ids.stream()
        .map(id -> send(HttpMethod.GET, ANY_LOOP, "/Users/" + id, null).map(response -> body(response, 200))));

    assertEquals(USERS, Set.copyOf(ids).size(), "each create made its own user");
    for (int i = 0; i < USERS; i++) {
      assertEquals("Any" + i, patched.get(i).getJsonObject("name").getString("givenName"));
      assertEquals(names.get(i), read.get(i).getString("userName"));
      assertEquals("Any" + i, read.get(i).getJsonObject("name").getString("givenName"));
    }
    Set<String> adapterThreads = users.threads();
    Map<String, Double> perLoop = requestsPerLoop();
    assertTrue(adapterThreads.size() > 1, "the adapter was called on " + adapterThreads + " only");
    assertTrue(perLoop.keySet().containsAll(adapterThreads),
        "the adapter was called on the serving loops only: " + adapterThreads + ", " + perLoop);
  }

  @Test
  void tenantsTakeTheLoopsInTurn() {
    MemoryResources mine = MemoryAdapterFactory.users(TENANT);
    MemoryResources other = MemoryAdapterFactory.users(OTHER);
    all(IntStream.range(0, 16).mapToObj(i -> send(HttpMethod.GET, i % 2 == 0 ? TENANT : OTHER, "/Users", null)
        .map(response -> body(response, 200))));

    assertEquals(1, mine.threads().size(), mine.threads().toString());
    assertEquals(1, other.threads().size(), other.threads().toString());
    assertNotEquals(mine.threads(), other.threads(), "two tenants, two home loops");
  }

  @ParameterizedTest
  @EnumSource(value = MemoryResources.Failure.class, names = {"FAILED_FUTURE", "THROWN", "POISONED_RESULT", "THROWN_LATER"})
  void anAdapterFailingOnItsHomeLoopIsAnsweredOnTheRequestsLoop(MemoryResources.Failure failure) {
    MemoryResources users = MemoryAdapterFactory.users(TENANT);
    String id = users.seed("failing@example.com", true);
    // A connection each, so that the requests land on every loop: most are served off the adapter's home.
    for (int i = 0; i < 2 * EVENT_LOOPS; i++) {
      users.failNext(failure);
      HttpResponse<Buffer> response = await(client.get("/scim/v2/" + TENANT + "/Users/" + id)
          .putHeader("Authorization", "Bearer " + TOKEN)
          .putHeader("Connection", "close")
          .send());
      assertEquals(500, response.statusCode(), failure + ": " + response.bodyAsString());
      assertFalse(response.bodyAsString().contains(MemoryResources.INTERNAL_SECRET), response.bodyAsString());
    }
  }

  private static Map<String, Double> requestsPerLoop() {
    String scrape = await(client.get("/metrics").send()).bodyAsString();
    Matcher matcher = LOOP_REQUESTS.matcher(scrape);
    Map<String, Double> perLoop = new java.util.TreeMap<>();
    while (matcher.find()) {
      perLoop.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
    }
    return perLoop;
  }

  private static Future<HttpResponse<Buffer>> send(HttpMethod method, String tenant, String path, JsonObject body) {
    var request = client.request(method, "/scim/v2/" + tenant + path)
        .putHeader("Authorization", "Bearer " + TOKEN)
        .putHeader("Content-Type", "application/scim+json");
    return body == null ? request.send() : request.sendBuffer(body.toBuffer());
  }

  private static JsonObject body(HttpResponse<Buffer> response, int expectedStatus) {
    assertEquals(expectedStatus, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private static <T> List<T> all(java.util.stream.Stream<Future<T>> futures) {
    List<Future<T>> list = futures.toList();
    await(Future.all(list));
    return list.stream().map(Future::result).collect(Collectors.toList());
  }

  private static JsonObject user(String userName) {
    return new JsonObject()
        .put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"))
        .put("userName", userName)
        .put("name", new JsonObject().put("givenName", "Jane").put("familyName", "Doe"));
  }

  private static JsonObject rename(String givenName) {
    return new JsonObject()
        .put("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"))
        .put("Operations", List.of(new JsonObject().put("op", "replace").put("path", "name.givenName").put("value", givenName)));
  }
}
