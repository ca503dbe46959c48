package dev.scimgateway.adapter.support.cluster;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Which upstream id has a given attribute value (a userName, an externalId), shared by the replicas of
 * a gateway through Redis for {@link #TTL_MILLIS}, so that a resource one replica created or saw is
 * found by another with one read of that id instead of a search. An adapter keeps its own cache in
 * front (a near cache) and checks what it reads: an entry is a hint, never the truth.
 *
 * <p>Values are kept in Redis only as SHA-256s. When Redis is away, or for a gateway on its own
 * ({@link #inProcess()}), nothing is found and nothing is kept. What a replica told Redis it does not
 * tell again for {@link #RESEND_AFTER} (every read of a user learns it), unless Redis has lost its data
 * since ({@link ClusterRedis#generationChanges()}: restarted empty, flushed, failed over).
 */
public final class SharedIdIndex {

  /** How long Redis keeps an entry after a replica last wrote it. */
  public static final long TTL_MILLIS = 12 * 60 * 60 * 1000L;

  /** How long a replica keeps from telling Redis again what it told it. */
  static final Duration RESEND_AFTER = Duration.ofMillis(TTL_MILLIS / 2);
  private static final int MAX_RECENTLY_TOLD = 100_000;

  private final ClusterRedis redis;
  private final String prefix;
  /** The id last told for each attribute and value (the plain value: it never leaves the process). */
  private final Cache<String, String> told = Caffeine.newBuilder()
      .maximumSize(MAX_RECENTLY_TOLD).expireAfterWrite(RESEND_AFTER).executor(Runnable::run).build();

  /** The generation of Redis's data {@link #told} went to. */
  private volatile long toldTo;

  private SharedIdIndex(ClusterRedis redis, String scope) {
    this.redis = redis;
    this.prefix = "scim-gateway:ids:{" + scope + "}:";
  }

  /**
   * The ids of one upstream team through {@code redis}.
   *
   * @param scope who counts as one upstream, e.g. the team's SHA-256 (never a credential)
   */
  public static SharedIdIndex shared(ClusterRedis redis, String scope) {
    return new SharedIdIndex(redis, scope);
  }

  /** An index that knows nothing: a gateway on its own. */
  public static SharedIdIndex inProcess() {
    return new SharedIdIndex(null, "");
  }

  /**
   * Remembers that {@code id} has these values, e.g. {@code "userName", "jane@example.com"} and
   * {@code "externalId", "e-1"} (null values are skipped); does not wait for Redis.
   *
   * @param attributeValues attribute names and values, alternating
   */
  public void learn(String id, String... attributeValues) {
    if (redis == null || !redis.isUp() || id == null) {
      return;
    }
    long generation = redis.generationChanges();
    if (generation != toldTo) {
      told.invalidateAll();
      toldTo = generation;
    }
    for (int i = 0; i + 1 < attributeValues.length; i += 2) {
      String attribute = attributeValues[i];
      String value = attributeValues[i + 1];
      if (value == null || value.isEmpty()) {
        continue;
      }
      String toldAs = attribute + ':' + value;
      if (id.equals(told.getIfPresent(toldAs))) {
        continue;
      }
      told.put(toldAs, id);
      redis.send(Request.cmd(Command.SET).arg(key(attribute, value)).arg(id).arg("PX").arg(TTL_MILLIS))
          .onFailure(failure -> told.asMap().remove(toldAs, id));
    }
  }

  /** The id another replica (or this one) last learned for {@code attribute} = {@code value}; empty when Redis is away. */
  public Future<Optional<String>> find(String attribute, String value) {
    if (redis == null || !redis.isUp()) {
      return Future.succeededFuture(Optional.empty());
    }
    return redis.send(Request.cmd(Command.GET).arg(key(attribute, value)))
        .map(found -> Optional.ofNullable(found).map(Object::toString))
        .otherwise(Optional.empty());
  }

  private String key(String attribute, String value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return prefix + attribute + ":" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
