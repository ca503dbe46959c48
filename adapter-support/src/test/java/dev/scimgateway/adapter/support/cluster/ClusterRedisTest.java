package dev.scimgateway.adapter.support.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.adapter.api.ClusterSettings;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClusterRedisTest {

  private static final String PASSWORD = "redis-secret-4b1f";

  private RedisServer server;
  private Vertx vertx;

  @BeforeEach
  void start() {
    server = RedisServer.start(PASSWORD);
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
    server.stop();
  }

  @Test
  void thePasswordInTheUrlIsUsedAndNeverShown() {
    ClusterRedis redis = new ClusterRedis(vertx, new ClusterSettings(2, server.url()));
    assertEquals("PONG", redis.send(Request.cmd(Command.PING)).await().toString());
    assertTrue(redis.isUp());
    assertFalse(redis.address().contains(PASSWORD), redis.address());
    redis.close().await();

    ClusterRedis wrong = new ClusterRedis(vertx, new ClusterSettings(2, server.url().replace(PASSWORD, "not-" + PASSWORD)));
    Throwable refused = wrong.send(Request.cmd(Command.PING))
        .<Throwable>transform(done -> io.vertx.core.Future.succeededFuture(done.cause())).await();
    assertFalse(wrong.isUp(), "a refused password counts as Redis away");
    assertFalse(String.valueOf(refused.getMessage()).contains(PASSWORD), refused.getMessage());
    wrong.close().await();
  }

  @Test
  void listenersHearOnceThatRedisWentAwayAndOnceThatItIsBack() throws Exception {
    ClusterRedis redis = new ClusterRedis(vertx, new ClusterSettings(2, server.url()));
    List<Boolean> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    redis.onChange(heard::add);
    redis.send(Request.cmd(Command.PING)).await();

    server.stop();
    for (int i = 0; i < 3; i++) {
      redis.send(Request.cmd(Command.PING)).otherwiseEmpty().await();
    }
    assertEquals(List.of(false), new ArrayList<>(heard));
    server.restart();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (heard.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(List.of(false, true), new ArrayList<>(heard));
    redis.close().await();
  }

  @Test
  void aRedisThatRestartedEmptyBetweenTwoCommandsIsToldAsAwayAndBackAtOnce() throws Exception {
    ClusterRedis redis = new ClusterRedis(vertx, new ClusterSettings(2, server.url()));
    List<Boolean> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    redis.onChange(heard::add);
    redis.send(Request.cmd(Command.PING)).await();

    server.stop();
    Thread.sleep(100); // the client sees its connection closed, and no command fails
    server.restart();
    assertEquals("PONG", redis.send(Request.cmd(Command.PING)).await().toString());
    assertEquals(List.of(false, true), new ArrayList<>(heard));
    assertTrue(redis.isUp());
    assertEquals(1, redis.generationChanges());
    redis.close().await();
  }

  @Test
  void aNewConnectionToARedisThatKeptItsDataChangesNothing() throws Exception {
    ClusterRedis redis = new ClusterRedis(vertx, new ClusterSettings(2, server.url()));
    ClusterRedis other = new ClusterRedis(vertx, new ClusterSettings(2, server.url()));
    List<Boolean> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    redis.onChange(heard::add);
    long before = redis.send(Request.cmd(Command.CLIENT).arg("ID")).await().toLong();

    other.send(Request.cmd(Command.CLIENT).arg("KILL").arg("TYPE").arg("normal").arg("SKIPME").arg("yes")).await();
    Thread.sleep(100); // the client sees its connection closed, and no command fails
    long after = redis.send(Request.cmd(Command.CLIENT).arg("ID")).await().toLong();
    assertTrue(after != before, "the killed connection was made again");
    assertEquals(List.of(), new ArrayList<>(heard), "the same data: nothing to wait out");
    assertEquals(0, redis.generationChanges());
    redis.close().await();
    other.close().await();
  }
}
