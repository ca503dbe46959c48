package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scimgateway.core.observability.GatewayMetrics;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

class GatewayVertxTest {

  @Test
  void linuxGetsNettysNativeTransport() {
    assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "epoll is Linux's");
    assumeTrue(System.getProperty("os.arch").matches("amd64|x86_64|aarch64"), "the jar carries epoll for x86_64 and aarch64");
    Vertx vertx = GatewayVertx.create(GatewayMetrics.create(), 2, false);
    try {
      assertTrue(vertx.isNativeTransportEnabled(), "epoll from netty-transport-native-epoll: " + vertx.unavailableNativeTransportCause());
    } finally {
      vertx.close();
    }
  }
}
