package dev.scimgateway.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.core.config.ConfigLoader;
import dev.scimgateway.core.memory.MemoryAdapterFactory;
import dev.scimgateway.core.memory.MemoryResources;
import dev.scimgateway.core.observability.GatewayMetrics;
import dev.scimgateway.core.observability.LogFormat;
import dev.scimgateway.core.observability.Observability;
import dev.scimgateway.core.observability.StructuredLog;
import dev.scimgateway.core.tenant.AdapterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A resource type the core has never heard of, {@code Device}, added by its definition and schema alone
 * (src/test/resources/META-INF/scim-gateway/), served by the memory adapter: it is routed, discovered,
 * validated, normalized, projected and audited like User and Group.
 */
class CustomResourceTypeTest {

  private static final String TOKEN = "device-token-0123456789";
  private static final String BASE = "/scim/v2/fleet";
  private static final String DEVICES = BASE + "/Devices";
  private static final String DEVICE_SCHEMA = "urn:example:params:scim:schemas:test:2.0:Device";

  private static Vertx vertx;
  private static ScimGateway gateway;
  private static WebClient client;
  private static MemoryResources devices;
  private static final List<String> LOG = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    String yaml = """
        server: {host: 127.0.0.1, port: 0}
        tenants:
          fleet:
            token: "%s"
            adapter: memory
            memory:
              resourceTypes:
                Device: {attributes: "serialNumber,model,managed,unlockCode,owner.value", filters: "serialNumber"}
        """.formatted(TOKEN);
    var config = ConfigLoader.withEnvironment(Map.of()).parse(yaml, "test configuration");
    Observability observability = new Observability(GatewayMetrics.create(), new StructuredLog(LogFormat.TEXT, LOG::add));
    gateway = await(ScimGateway.start(vertx, config, AdapterRegistry.fromClasspath(), observability));
    client = WebClient.create(vertx);
    devices = MemoryAdapterFactory.resources("fleet", "Device");
  }

  @AfterAll
  static void stop() {
    client.close();
    await(gateway.close());
    await(vertx.close());
  }

  @BeforeEach
  void clean() {
    devices.reset();
    LOG.clear();
  }

  @Test
  void itIsRoutedAndServed() {
    var created = send(HttpMethod.POST, DEVICES, "{\"serialNumber\":\"SN-1\",\"model\":\"X1\",\"owner\":{\"value\":\"u7\"}}");
    String id = created.bodyAsJsonObject().getString("id");

    var read = send(HttpMethod.GET, DEVICES + "/" + id, null);
    var found = send(HttpMethod.GET, DEVICES + "?filter=" + encode("serialNumber eq \"SN-1\""), null);

    assertEquals(201, created.statusCode(), created.bodyAsString());
    assertTrue(created.getHeader("Location").endsWith(DEVICES + "/" + id), created.getHeader("Location"));
    assertEquals("Device", read.bodyAsJsonObject().getJsonObject("meta").getString("resourceType"));
    assertEquals(new JsonArray().add(DEVICE_SCHEMA), read.bodyAsJsonObject().getJsonArray("schemas"));
    assertEquals(1, found.bodyAsJsonObject().getInteger("totalResults"), found.bodyAsString());
  }

  @Test
  void itIsDiscovered() {
    JsonObject types = send(HttpMethod.GET, BASE + "/ResourceTypes", null).bodyAsJsonObject();
    JsonObject schema = send(HttpMethod.GET, BASE + "/Schemas/" + DEVICE_SCHEMA, null).bodyAsJsonObject();

    assertEquals(1, types.getInteger("totalResults"), types.encode());
    JsonObject device = types.getJsonArray("Resources").getJsonObject(0);
    assertEquals("/Devices", device.getString("endpoint"));
    assertEquals(DEVICE_SCHEMA, device.getString("schema"));
    List<String> names = schema.getJsonArray("attributes").stream().map(a -> ((JsonObject) a).getString("name")).toList();
    assertEquals(List.of("serialNumber", "model", "managed", "unlockCode", "owner"), names);
  }

  @Test
  void itsRequiredAttributeAndValueTypesAreValidated() {
    var missing = send(HttpMethod.POST, DEVICES, "{\"model\":\"X1\"}");
    var wrongType = send(HttpMethod.POST, DEVICES, "{\"serialNumber\":\"SN-2\",\"managed\":\"yes\"}");

    assertEquals(400, missing.statusCode());
    assertEquals("invalidValue", missing.bodyAsJsonObject().getString("scimType"));
    assertTrue(missing.bodyAsJsonObject().getString("detail").contains("serialNumber"), missing.bodyAsString());
    assertEquals(400, wrongType.statusCode());
    assertTrue(wrongType.bodyAsJsonObject().getString("detail").contains("managed"), wrongType.bodyAsString());
    assertEquals(List.of(), devices.calls());
  }

  @Test
  void itsBooleansAreNormalizedFromEntrasStrings() {
    var created = send(HttpMethod.POST, DEVICES, "{\"serialNumber\":\"SN-3\",\"managed\":\"True\"}");

    assertEquals(201, created.statusCode(), created.bodyAsString());
    assertTrue(devices.lastCreated().get("managed").isBoolean(), devices.lastCreated().toString());
  }

  @Test
  void anAttributeReturnedNeverIsStoredButNeverShownAndProjectionApplies() {
    var created = send(HttpMethod.POST, DEVICES, "{\"serialNumber\":\"SN-4\",\"model\":\"X1\",\"unlockCode\":\"0000\"}");
    String id = created.bodyAsJsonObject().getString("id");

    var projected = send(HttpMethod.GET, DEVICES + "/" + id + "?attributes=model", null);

    assertEquals("0000", devices.stored(id).get("unlockCode").asText(), "the adapter got it");
    assertFalse(created.bodyAsJsonObject().containsKey("unlockCode"), created.bodyAsString());
    assertEquals(java.util.Set.of("id", "schemas", "model"), projected.bodyAsJsonObject().fieldNames(), projected.bodyAsString());
  }

  @Test
  void itsChangesAreAuditedWithItsDisplayAttribute() {
    String id = send(HttpMethod.POST, DEVICES, "{\"serialNumber\":\"SN-5\"}").bodyAsJsonObject().getString("id");
    var patched = send(HttpMethod.PATCH, DEVICES + "/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
        + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"model\",\"value\":\"X2\"}]}");

    assertEquals(200, patched.statusCode(), patched.bodyAsString());
    assertEquals("X2", patched.bodyAsJsonObject().getString("model"));
    List<String> audit = LOG.stream().filter(line -> line.contains(" audit ")).toList();
    assertEquals(2, audit.size(), audit.toString());
    assertTrue(audit.get(0).contains("action=create resourceType=Device id=" + id + " display=SN-5"), audit.get(0));
    assertTrue(audit.get(1).contains("action=modify resourceType=Device id=" + id + " display=SN-5 attributes=[model]"),
        audit.get(1));
  }

  private static HttpResponse<Buffer> send(HttpMethod method, String path, String body) {
    var request = client.request(method, gateway.port(), "127.0.0.1", path)
        .putHeader("Authorization", "Bearer " + TOKEN)
        .putHeader("Content-Type", "application/scim+json");
    return await(body == null ? request.send() : request.sendBuffer(Buffer.buffer(body)));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
