package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A user one replica created is found by another with one read, not a search or a scan. */
class ClusterIdIndexTest {

  private ClusterRig rig;

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void aLookUpAtOneReplicaOfAUserCreatedThroughAnotherCostsOneUpstreamCall() {
    rig = new ClusterRig(SimulatorOptions.defaults());
    rig.startReplicas(2, "writes: 180\nperSeconds: 60");
    for (int i = 0; i < 5; i++) { // a team of a few users, so that a scan would cost more than one call
      assertEquals(201, GatewayHarness.await(rig.create(0, "colleague" + i + "@example.com")).status());
    }
    assertEquals(201, GatewayHarness.await(rig.create(0, "Jane.Doe@example.com")).status());
    rig.postman.clearRequests();

    GatewayHarness.Response byExternalId = rig.get(1, "/scim/v2/" + ClusterRig.TENANT + "/Users"
        + GatewayRig.filter("externalId", "ext-Jane.Doe@example.com"));
    assertEquals(200, byExternalId.status(), byExternalId.body());
    assertEquals(1, byExternalId.json().getInteger("totalResults"));
    assertEquals(List.of("GET /Users/{id}"), GatewayRig.calls(rig.postman));

    // In another case than Postman has it: Postman's filter is case-sensitive, the replica would try two spellings.
    rig.postman.clearRequests();
    GatewayHarness.Response byUserName = rig.get(1, "/scim/v2/" + ClusterRig.TENANT + "/Users"
        + GatewayRig.filter("userName", "COLLEAGUE3@example.com"));
    assertEquals(1, byUserName.json().getInteger("totalResults"), byUserName.body());
    assertEquals(List.of("GET /Users/{id}"), GatewayRig.calls(rig.postman));
  }

  @Test
  void aReplicaTellsRedisAUsersIdsOnceNotAtEveryRead() {
    String user = janeCreatedAtReplicaZeroAndReadAtOne(3, "writes: 180\nperSeconds: 60");
    long afterFirstRead = setsAfterWhatReplicaOneSent("first@example.com");

    for (int i = 0; i < 5; i++) {
      assertEquals(200, rig.get(1, user).status());
    }
    assertEquals(afterFirstRead, setsAfterWhatReplicaOneSent("second@example.com"),
        "reads of a user the replica already told Redis about send it nothing again");

    // What was told is there for a replica that never saw the user: its look-up costs one read.
    rig.postman.clearRequests();
    GatewayHarness.Response found = rig.get(2, "/scim/v2/" + ClusterRig.TENANT + "/Users"
        + GatewayRig.filter("userName", "JANE.DOE@example.com"));
    assertEquals(1, found.json().getInteger("totalResults"), found.body());
    assertEquals(List.of("GET /Users/{id}"), GatewayRig.calls(rig.postman));
  }

  /** Starts {@code replicas}, creates Jane through replica 0 and reads her through replica 1; her path. */
  private String janeCreatedAtReplicaZeroAndReadAtOne(int replicas, String rateLimitYaml) {
    rig = new ClusterRig(SimulatorOptions.defaults());
    rig.startReplicas(replicas, rateLimitYaml);
    GatewayHarness.Response created = GatewayHarness.await(rig.create(0, "Jane.Doe@example.com"));
    assertEquals(201, created.status(), created.body());
    String user = "/scim/v2/" + ClusterRig.TENANT + "/Users/" + created.json().getString("id");
    assertEquals(200, rig.get(1, user).status());
    return user;
  }

  /**
   * The SETs Redis has served, once it has served those replica 1 sent so far: the look-up of a userName no
   * one has asks Redis for it on the same connection, after them.
   */
  private long setsAfterWhatReplicaOneSent(String unknownUserName) {
    GatewayHarness.Response nobody = rig.get(1, "/scim/v2/" + ClusterRig.TENANT + "/Users"
        + GatewayRig.filter("userName", unknownUserName));
    assertEquals(0, nobody.json().getInteger("totalResults"), nobody.body());
    String stats = redis(Request.cmd(Command.INFO).arg("commandstats")).toString();
    Matcher sets = Pattern.compile("cmdstat_set:calls=(\\d+)").matcher(stats);
    assertTrue(sets.find(), stats);
    return Long.parseLong(sets.group(1));
  }

  @Test
  void aReplicaTellsRedisAgainWhatItToldOnceRedisCameBackEmpty() throws InterruptedException {
    // A window of a second: a Redis that lost its data is waited out for one window before reads go on.
    String user = janeCreatedAtReplicaZeroAndReadAtOne(2, "writes: 180\nreads: 300\nperSeconds: 1");

    rig.redis.stop();
    rig.redis.restart();
    assertEquals(0, idKeys(), "Redis came back empty");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (idKeys() < 2) { // the userName's and the externalId's
      assertTrue(System.nanoTime() < deadline, "the replica never told Redis the user's ids again");
      GatewayHarness.Response read = rig.get(1, user);
      assertEquals(200, read.status(), read.body());
      Thread.sleep(100);
    }
  }

  private int idKeys() {
    return redis(Request.cmd(Command.KEYS).arg("scim-gateway:ids:*")).size();
  }

  private Response redis(Request command) {
    Redis redis = Redis.createClient(rig.vertx, rig.redis.url());
    try {
      return GatewayHarness.await(redis.send(command));
    } finally {
      redis.close();
    }
  }
}
