package dev.scimgateway.adapter.support.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scimgateway.adapter.api.ClusterSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two replicas' creates of one name, through a real Redis, with locks short enough to outlast. */
class CreateGuardTest {

  private static final long LOCK_MILLIS = 300;

  private RedisServer server;
  private Vertx vertx;
  private ClusterRedis redis;
  private final AtomicInteger creates = new AtomicInteger();

  @BeforeEach
  void start() {
    server = RedisServer.start();
    vertx = Vertx.vertx();
    redis = new ClusterRedis(vertx, new ClusterSettings(2, server.url()));
    redis.send(Request.cmd(Command.PING)).await();
  }

  @AfterEach
  void stop() {
    redis.close().await();
    vertx.close().await();
    server.stop();
  }

  @Test
  void aCreateThatOutlastsItsLockStillKeepsTheOtherReplicaWaitingAndItAnswersWithTheSameResource() {
    CreateGuard first = CreateGuard.shared(vertx, redis, "team", LOCK_MILLIS);
    CreateGuard second = CreateGuard.shared(vertx, redis, "team", LOCK_MILLIS);

    // The first create takes five lifetimes of its lock (an upstream retrying); the second starts meanwhile.
    Future<String> slow = first.once("jane@example.com", () -> vertx.timer(5 * LOCK_MILLIS).map(done -> create("id-1")),
        this::existing, id -> id);
    Future<String> retry = vertx.timer(LOCK_MILLIS / 3).compose(started -> second.once("jane@example.com",
        () -> Future.succeededFuture(create("id-2")), this::existing, id -> id));

    assertEquals("id-1", slow.await());
    assertEquals("existing id-1", retry.await());
    assertEquals(1, creates.get(), "one create upstream");
  }

  @Test
  void aLockWhoseReplicaStoppedMidCreateExpiresAndTheCreateThatWaitedGoesAhead() throws Exception {
    // A lock no one renews: its replica stopped before it released it.
    redis.send(Request.cmd(Command.SET).arg(lockKey("team", "john@example.com")).arg("stopped-replica")
        .arg("PX").arg(LOCK_MILLIS)).await();
    CreateGuard guard = CreateGuard.shared(vertx, redis, "team", LOCK_MILLIS);

    String made = guard.once("john@example.com", () -> Future.succeededFuture(create("id-3")), this::existing, id -> id)
        .await();

    assertEquals("id-3", made);
    assertEquals(1, creates.get());
  }

  private String create(String id) {
    creates.incrementAndGet();
    return id;
  }

  private Future<Optional<String>> existing(String id) {
    return Future.succeededFuture(Optional.of("existing " + id));
  }

  private static String lockKey(String scope, String name) throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
    return "scim-gateway:create:{" + scope + "}:" + HexFormat.of().formatHex(hash) + ":lock";
  }
}
