package dev.scimgateway.adapter.support.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.adapter.api.ClusterSettings;
import dev.scimgateway.adapter.support.cluster.ClusterRedis;
import dev.scimgateway.adapter.support.cluster.RedisServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two replicas' lanes of one team against a real Redis. */
class SharedRequestBudgetTest {

  private static final TeamKey TEAM = TeamKey.of("https://p/scim/v2", "PMAK-shared-budget-test");
  private static final Duration WINDOW = Duration.ofSeconds(1);

  private RedisServer server;
  private Vertx vertx;
  private final List<ClusterRedis> replicas = new ArrayList<>();
  private long tickets;

  @BeforeEach
  void start() {
    server = RedisServer.start();
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    replicas.forEach(ClusterRedis::close);
    vertx.close().await();
    server.stop();
  }

  private SharedRequestBudget lane(int limit) {
    ClusterRedis redis = new ClusterRedis(vertx, new ClusterSettings(2, server.url()));
    replicas.add(redis);
    return new SharedRequestBudget("write", TEAM, limit, WINDOW, 10_000, RequestBudget.vertxScheduler(vertx), redis);
  }

  private Future<? extends BudgetLane.Permit> ask(BudgetLane lane, Duration maxWait) {
    return lane.acquire(++tickets, "a", 1000, System.nanoTime() + maxWait.toNanos(), Runnable::run);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(10);
    }
  }

  @Test
  void twoReplicasTogetherTakeNoMoreThanTheLimitAndTheRestGoOneWindowAfterTheRelease() throws Exception {
    SharedRequestBudget a = lane(4);
    SharedRequestBudget b = lane(4);
    ConcurrentLinkedQueue<BudgetLane.Permit> granted = new ConcurrentLinkedQueue<>();
    List<Future<? extends BudgetLane.Permit>> asked = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      asked.add(ask(a, Duration.ofSeconds(10)).onSuccess(granted::add));
      asked.add(ask(b, Duration.ofSeconds(10)).onSuccess(granted::add));
    }
    await("four are granted", () -> granted.size() == 4);
    Thread.sleep(300); // the others must still wait: every slot is in flight
    assertEquals(4, granted.size());
    assertEquals(6, a.queued() + b.queued());

    List<BudgetLane.Permit> first = new ArrayList<>(granted);
    first.forEach(BudgetLane.Permit::release);
    await("four more are granted a window later", () -> granted.size() == 8);
    new ArrayList<>(granted).forEach(BudgetLane.Permit::release);
    await("all are granted", () -> asked.stream().allMatch(Future::succeeded));
    assertTrue(a.isShared() && b.isShared());
  }

  @Test
  void aPauseAfterA429OnOneReplicaHoldsTheOther() throws Exception {
    SharedRequestBudget a = lane(4);
    SharedRequestBudget b = lane(4);
    ask(b, Duration.ofSeconds(1)).await().release(); // b has seen Redis once: no pause yet
    a.pauseUntil(System.nanoTime() + Duration.ofSeconds(3).toNanos(), "Postman answered 429");
    Thread.sleep(100); // the pause is written without waiting for it

    Future<? extends BudgetLane.Permit> refused = ask(b, Duration.ofMillis(300));
    await("b is refused", refused::isComplete);
    var refusal = assertInstanceOf(RequestBudget.BudgetExceededException.class, refused.cause());
    assertTrue(refusal.paused(), refusal.getMessage());
    assertTrue(refusal.retryAfterSeconds() >= 2, "Retry-After " + refusal.retryAfterSeconds());
  }

  @Test
  void withoutRedisEachReplicaKeepsToItsShareAndSharesAgainWhenRedisIsBack() throws Exception {
    SharedRequestBudget a = lane(4);
    ask(a, Duration.ofSeconds(1)).await().release();
    server.stop();

    ConcurrentLinkedQueue<BudgetLane.Permit> granted = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < 3; i++) {
      ask(a, Duration.ofSeconds(10)).onSuccess(granted::add);
    }
    await("the share of 2 is granted, after one window", () -> granted.size() == 2);
    assertFalse(a.isShared());
    Thread.sleep(300);
    assertEquals(2, granted.size(), "half of the limit of 4 for each of 2 replicas");

    server.restart();
    await("the lane shares again", a::isShared);
    new ArrayList<>(granted).forEach(BudgetLane.Permit::release);
    await("the third is granted", () -> granted.size() == 3);
    Future<? extends BudgetLane.Permit> shared = ask(a, Duration.ofSeconds(5));
    await("a shared slot is granted", shared::succeeded);
  }

  @Test
  void aRedisThatRestartedEmptyBetweenTwoRequestsIsWaitedOutAsIfItHadBeenAway() throws Exception {
    SharedRequestBudget a = lane(4);
    SharedRequestBudget b = lane(4);
    ask(a, Duration.ofSeconds(1)).await().release(); // a last heard of one slot taken
    for (int i = 0; i < 3; i++) {
      ask(b, Duration.ofSeconds(1)).await().release(); // and b fills the window
    }
    server.stop();
    Thread.sleep(100); // the clients see their connections closed, and no command fails
    server.restart(); // empty: the four slots of this window are gone from the shared log

    Future<? extends BudgetLane.Permit> next = ask(a, Duration.ofMillis(300));
    await("the request is answered", next::isComplete);
    var refusal = assertInstanceOf(RequestBudget.BudgetExceededException.class, next.cause(),
        "an empty log would have let a fifth request into the window");
    assertTrue(refusal.retryAfterSeconds() >= 1, "Retry-After " + refusal.retryAfterSeconds());
    assertTrue(replicas.get(0).isUp(), "Redis was never away: it restarted between two commands");

    await("the lane shares again", a::isShared);
    Future<? extends BudgetLane.Permit> shared = ask(a, Duration.ofSeconds(5));
    await("a shared slot is granted", shared::succeeded);
  }
}
