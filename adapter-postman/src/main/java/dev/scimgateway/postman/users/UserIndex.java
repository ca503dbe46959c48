package dev.scimgateway.postman.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.util.Locale;
import java.util.Optional;

/**
 * One tenant's memory of which Postman user id goes with which userName (case-insensitively) and
 * externalId, learned from every user Postman returns and dropped when Postman says a user is gone.
 * Never shared between tenants, even of one Postman team.
 *
 * <p>It only ever saves upstream calls: every answer built from it is checked against Postman first
 * (see {@link PostmanUsers}), so a stale entry costs at most a call, never a change to the wrong user
 * or a wrong "not found".
 *
 * <p>Bounded ({@code idCache.maxSize} users; least valuable entries go first) and counting hits and
 * misses of the userName and externalId look-ups. Thread-safe.
 */
final class UserIndex {

  /** What is known of one user. */
  record Known(String id, String userName, String externalId) {}

  /** Hits and misses of the look-ups, and how many users are remembered. */
  record Stats(long userNameHits, long userNameMisses, long externalIdHits, long externalIdMisses, long evictions,
      long size) {}

  private final Cache<String, Known> byId;
  private final Cache<String, Known> byUserName;
  private final Cache<String, Known> byExternalId;

  UserIndex(int maxSize) {
    this.byId = Caffeine.newBuilder().maximumSize(maxSize).executor(Runnable::run).recordStats().build();
    this.byUserName = Caffeine.newBuilder().maximumSize(maxSize).executor(Runnable::run).recordStats().build();
    this.byExternalId = Caffeine.newBuilder().maximumSize(maxSize).executor(Runnable::run).recordStats().build();
  }

  /** Exports the caches' own statistics (size, hits, misses, evictions) as {@code cache_*} meters. */
  void bindMetrics(MeterRegistry registry, Iterable<Tag> tags) {
    CaffeineCacheMetrics.monitor(registry, byId, "postman.users.by.id", tags);
    CaffeineCacheMetrics.monitor(registry, byUserName, "postman.users.by.username", tags);
    CaffeineCacheMetrics.monitor(registry, byExternalId, "postman.users.by.externalid", tags);
  }

  /** Remembers a user as Postman returned it (anything without a string {@code id} is ignored). */
  void learn(JsonNode user) {
    if (!user.path("id").isTextual()) {
      return;
    }
    Known known = new Known(user.get("id").asText(), textOrNull(user, "userName"), textOrNull(user, "externalId"));
    if (isKnownExactly(known)) {
      return; // every read of a user returns it: most are known exactly so already, and a write costs more
    }
    synchronized (this) {
      Known previous = byId.asMap().put(known.id(), known);
      if (previous != null) {
        unlink(previous, known);
      }
      if (known.userName() != null) {
        byUserName.put(key(known.userName()), known);
      }
      if (known.externalId() != null) {
        byExternalId.put(known.externalId(), known);
      }
    }
  }

  /** Looks without touching the caches' eviction order: a user the IdP never looks up should not seem valuable. */
  private boolean isKnownExactly(Known known) {
    return known.equals(byId.policy().getIfPresentQuietly(known.id()))
        && (known.userName() == null || known.equals(byUserName.policy().getIfPresentQuietly(key(known.userName()))))
        && (known.externalId() == null || known.equals(byExternalId.policy().getIfPresentQuietly(known.externalId())));
  }

  private static String textOrNull(JsonNode user, String attribute) {
    return user.path(attribute).isTextual() ? user.get(attribute).asText() : null;
  }

  /** Forgets a user Postman says does not exist. */
  synchronized void forget(String id) {
    Known previous = byId.asMap().remove(id);
    if (previous != null) {
      unlink(previous, null);
    }
  }

  /** Forgets that {@code userName} leads to {@code id}, e.g. when Postman no longer has that userName. */
  synchronized void forgetUserName(String userName, String id) {
    byUserName.asMap().computeIfPresent(key(userName), (k, known) -> known.id().equals(id) ? null : known);
  }

  /** Forgets that {@code externalId} leads to {@code id}. */
  synchronized void forgetExternalId(String externalId, String id) {
    byExternalId.asMap().computeIfPresent(externalId, (k, known) -> known.id().equals(id) ? null : known);
  }

  /** Whether Postman has returned a user with this id (and not said since that it is gone). */
  boolean knows(String id) {
    return byId.asMap().containsKey(id);
  }

  /** The user last seen with this userName, ignoring case (counted as a hit or a miss). */
  Optional<Known> byUserName(String userName) {
    return Optional.ofNullable(byUserName.getIfPresent(key(userName)));
  }

  /** The user last seen with this externalId, matched exactly (counted as a hit or a miss). */
  Optional<Known> byExternalId(String externalId) {
    return Optional.ofNullable(byExternalId.getIfPresent(externalId));
  }

  /** The user last seen with this userName, ignoring case, without counting a look-up. */
  Optional<Known> peekUserName(String userName) {
    return Optional.ofNullable(byUserName.asMap().get(key(userName)));
  }

  /** The user last seen with this externalId, without counting a look-up. */
  Optional<Known> peekExternalId(String externalId) {
    return Optional.ofNullable(byExternalId.asMap().get(externalId));
  }

  Stats stats() {
    CacheStats userNames = byUserName.stats();
    CacheStats externalIds = byExternalId.stats();
    return new Stats(userNames.hitCount(), userNames.missCount(), externalIds.hitCount(), externalIds.missCount(),
        byId.stats().evictionCount() + userNames.evictionCount() + externalIds.evictionCount(), byId.estimatedSize());
  }

  /** Drops the keys of {@code previous} that {@code current} no longer has. */
  private void unlink(Known previous, Known current) {
    if (previous.userName() != null && (current == null || current.userName() == null
        || !key(previous.userName()).equals(key(current.userName())))) {
      forgetUserName(previous.userName(), previous.id());
    }
    if (previous.externalId() != null && (current == null || !previous.externalId().equals(current.externalId()))) {
      forgetExternalId(previous.externalId(), previous.id());
    }
  }

  /** The case-insensitive key of a userName, also used for the shared id index and the create lock. */
  static String key(String userName) {
    return userName.toLowerCase(Locale.ROOT);
  }
}
