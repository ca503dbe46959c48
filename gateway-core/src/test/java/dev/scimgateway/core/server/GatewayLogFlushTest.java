package dev.scimgateway.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.core.config.ConfigLoader;
import dev.scimgateway.core.observability.AsyncLogAppender;
import dev.scimgateway.core.observability.GatewayMetrics;
import dev.scimgateway.core.observability.LogFormat;
import dev.scimgateway.core.observability.Observability;
import dev.scimgateway.core.observability.StructuredLog;
import dev.scimgateway.core.tenant.AdapterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The request and audit lines a gateway buffered are written out by the time its close completes. */
class GatewayLogFlushTest {

  private static final String TOKEN = "flush-token-0123456789";

  @Test
  void closingTheGatewayWritesOutItsBufferedLines() {
    Vertx vertx = Vertx.vertx();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GatewayMetrics metrics = GatewayMetrics.create();
    AsyncLogAppender appender = AsyncLogAppender.start(out, 1000, metrics.registry());
    Observability observability = new Observability(metrics, new StructuredLog(LogFormat.TEXT, appender));
    var config = ConfigLoader.withEnvironment(Map.of()).parse("""
        server: {host: 127.0.0.1, port: 0}
        tenants:
          flush:
            token: "%s"
            adapter: memory
        """.formatted(TOKEN), "test configuration");
    ScimGateway gateway = await(ScimGateway.start(vertx, config, AdapterRegistry.fromClasspath(), observability));
    WebClient client = WebClient.create(vertx);
    int requests = 20;
    for (int i = 0; i < requests; i++) {
      HttpResponse<Buffer> created = await(client.request(HttpMethod.POST, gateway.port(), "127.0.0.1", "/scim/v2/flush/Users")
          .putHeader("Authorization", "Bearer " + TOKEN)
          .putHeader("Content-Type", "application/scim+json")
          .sendBuffer(Buffer.buffer("{\"userName\":\"user" + i + "@example.com\"}")));
      assertEquals(201, created.statusCode(), created.bodyAsString());
    }
    client.close();

    await(gateway.close());

    List<String> lines;
    synchronized (out) {
      lines = List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
    }
    assertEquals(requests, lines.stream().filter(line -> line.contains(" request ") && line.contains("status=201")).count(),
        String.join("\n", lines));
    assertEquals(requests, lines.stream().filter(line -> line.contains(" audit ") && line.contains("action=create")).count());
    assertTrue(lines.stream().noneMatch(line -> line.contains(TOKEN)));
    appender.close();
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
