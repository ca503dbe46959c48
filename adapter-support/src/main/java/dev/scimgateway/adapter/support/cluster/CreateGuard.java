package dev.scimgateway.adapter.support.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps the replicas of a gateway from creating one resource twice when the same create reaches two
 * of them at once (an IdP retry landing on the other replica): creates of one name (e.g. a userName)
 * in one upstream team take turns on a short-lived Redis lock, and a create that went through leaves
 * the new id behind for {@link #DONE_MILLIS}, so that the create that waited answers with that
 * resource instead of sending a second POST (unless it is gone by then: then it creates). The lock
 * lives {@link #LOCK_MILLIS} and is renewed while its create runs, however long its retries take:
 * a create that waits gives up only when the lock's holder is gone, or after {@link #WAIT_MILLIS}.
 *
 * <p>Names are kept in Redis only as SHA-256s. When Redis is away, or for a gateway that runs alone
 * ({@link #inProcess()}), a create simply goes ahead, as it would without replicas.
 */
public final class CreateGuard {

  /** How long a name's lock outlives the last sign of its create (a replica that stopped mid-create). */
  public static final long LOCK_MILLIS = 30_000;
  /** How long a create waits for another create of its name at most (longer than a create takes within its bounds). */
  public static final long WAIT_MILLIS = 120_000;
  /** How long the id of a finished create is kept for a create of the same name that waited. */
  public static final long DONE_MILLIS = 60_000;
  private static final long POLL_MILLIS = 25;

  /** Takes the lock (KEYS[1]) for ARGV[1]; then the id a finished create left (KEYS[2]), or ''. */
  private static final String LOCK = """
      if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end
      return redis.call('GET', KEYS[2]) or ''
      """;

  /** Extends the lock (KEYS[1]) by ARGV[2] ms if it is still ARGV[1]'s. */
  private static final String RENEW = """
      if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
      return 0
      """;

  /** Leaves the new id (ARGV[2], unless empty) behind and releases the lock if it is still ARGV[1]'s. */
  private static final String UNLOCK = """
      if ARGV[2] ~= '' then redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) end
      if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
      return 1
      """;

  private final Vertx vertx;
  private final ClusterRedis redis;
  private final String prefix;
  private final long lockMillis;

  private CreateGuard(Vertx vertx, ClusterRedis redis, String scope, long lockMillis) {
    this.vertx = vertx;
    this.redis = redis;
    this.prefix = "scim-gateway:create:{" + scope + "}:";
    this.lockMillis = lockMillis;
  }

  /**
   * Creates of one team through {@code redis}.
   *
   * @param scope who counts as one upstream, e.g. the team's SHA-256 (never a credential)
   */
  public static CreateGuard shared(Vertx vertx, ClusterRedis redis, String scope) {
    return new CreateGuard(vertx, redis, scope, LOCK_MILLIS);
  }

  /** As {@link #shared}, with locks of {@code lockMillis}, for tests that outlast one. */
  static CreateGuard shared(Vertx vertx, ClusterRedis redis, String scope, long lockMillis) {
    return new CreateGuard(vertx, redis, scope, lockMillis);
  }

  /** A guard that lets every create go ahead: a gateway on its own. */
  public static CreateGuard inProcess() {
    return new CreateGuard(null, null, "", LOCK_MILLIS);
  }

  /**
   * Runs {@code create} for {@code name} unless another replica created it just now; then answers
   * with {@code existing} of the id it left behind, or creates after all when that is empty (the
   * resource is gone).
   *
   * @param name what makes two creates the same, in one spelling (e.g. a lower-cased userName)
   * @param idOf the id of what {@code create} made
   */
  public <T> Future<T> once(String name, Supplier<Future<T>> create, Function<String, Future<Optional<T>>> existing,
      Function<T, String> idOf) {
    if (redis == null || !redis.isUp()) {
      return create.get();
    }
    String key = prefix + sha256(name);
    List<String> keys = List.of(key + ":lock", key + ":done");
    String token = UUID.randomUUID().toString();
    long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
    return lock(keys, token, deadline).transform(locked -> {
      if (locked.failed() || locked.result().isEmpty()) {
        return create.get(); // Redis went away, or the other create outlasted the wait: go ahead
      }
      long renewal = vertx.setPeriodic(lockMillis / 3,
          ignored -> redis.eval(RENEW, keys.subList(0, 1), List.of(token, lockMillis)));
      String doneId = locked.result().get();
      return createOrFind(doneId, create, existing).andThen(outcome -> {
        vertx.cancelTimer(renewal);
        redis.eval(UNLOCK, keys, List.of(token,
            outcome.succeeded() && !doneId.equals(idOf.apply(outcome.result())) ? idOf.apply(outcome.result()) : "",
            DONE_MILLIS));
      });
    });
  }

  /** What the lock's holder answers: the resource a finished create left behind, else a new one; never throws. */
  private static <T> Future<T> createOrFind(String doneId, Supplier<Future<T>> create, Function<String, Future<Optional<T>>> existing) {
    try {
      return doneId.isEmpty()
          ? create.get()
          : existing.apply(doneId).compose(found -> found.isPresent() ? Future.succeededFuture(found.get()) : create.get());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Takes the lock, waiting while another create holds it: the id a finished create left behind (or
   * {@code ""}), or empty when the deadline passed first.
   */
  private Future<Optional<String>> lock(List<String> keys, String token, long deadline) {
    return redis.eval(LOCK, keys, List.of(token, lockMillis))
        .compose((Response done) -> {
          if (done != null) {
            return Future.succeededFuture(Optional.of(done.toString()));
          }
          if (System.nanoTime() - deadline > 0) {
            return Future.succeededFuture(Optional.<String>empty());
          }
          return vertx.timer(POLL_MILLIS).compose(ignored -> lock(keys, token, deadline));
        });
  }

  private static String sha256(String name) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
