package dev.scimgateway.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.adapter.api.ClusterSettings;
import dev.scimgateway.adapter.api.InvalidConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterConfigTest {

  private static final String TENANTS = """
      tenants:
        acme:
          token: t
          adapter: memory
      """;

  private static GatewayConfig parse(String cluster) {
    return ConfigLoader.withEnvironment(Map.of("REDIS_URL", "redis://gw:s3cret-redis@cache:6380/2"))
        .parse(cluster + TENANTS, "gateway.yaml");
  }

  private static String error(String cluster) {
    return assertThrows(InvalidConfigException.class, () -> parse(cluster)).getMessage();
  }

  @Test
  void withoutRedisThereIsNoCluster() {
    assertTrue(parse("").cluster().isEmpty());
    assertTrue(parse("cluster:\n  replicas: 3\n").cluster().isEmpty());
  }

  @Test
  void redisAndReplicasBecomeClusterSettingsWithTheUrlKeptOutOfToString() {
    ClusterSettings cluster = parse("""
        cluster:
          replicas: 3
          redis:
            url: "${REDIS_URL}"
        """).cluster().orElseThrow();

    assertEquals(3, cluster.replicas());
    assertEquals("redis://gw:s3cret-redis@cache:6380/2", cluster.redisUrl());
    assertEquals("redis://cache:6380/2", cluster.redisAddress());
    assertFalse(cluster.toString().contains("s3cret"), cluster.toString());
  }

  @Test
  void replicasDefaultToOne() {
    assertEquals(1, parse("cluster:\n  redis:\n    url: redis://cache:6379\n").cluster().orElseThrow().replicas());
  }

  @Test
  void brokenValuesNameTheKeyAndNeverShowTheUrl() {
    assertEquals("cluster.replicas: must be between 1 and 1000, got 0",
        error("cluster:\n  replicas: 0\n  redis:\n    url: redis://cache:6379\n"));
    String scheme = error("cluster:\n  redis:\n    url: http://u:s3cret-redis@cache:6379\n");
    assertTrue(scheme.startsWith("cluster.redis.url: must be redis://"), scheme);
    assertFalse(scheme.contains("s3cret"), scheme);
    String syntax = error("cluster:\n  redis:\n    url: \"redis://u:s3cret redis@cache:6379\"\n");
    assertTrue(syntax.startsWith("cluster.redis.url: is not a valid URL"), syntax);
    assertFalse(syntax.contains("s3cret"), syntax);
    assertTrue(error("cluster:\n  redis: {}\n").startsWith("cluster.redis.url: is required"));
    assertTrue(error("cluster:\n  redis:\n    host: cache\n").startsWith("cluster.redis"));
    assertTrue(error("cluster:\n  shards: 2\n").startsWith("cluster"));
  }
}
