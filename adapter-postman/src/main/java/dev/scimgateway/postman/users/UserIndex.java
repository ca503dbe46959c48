package dev.scimgateway.postman.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimgateway.adapter.support.cache.KeyedIndex;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.List;
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

  private static final KeyedIndex.Key<Known> USER_NAME =
      new KeyedIndex.Key<>("username", known -> known.userName() == null ? null : key(known.userName()));
  private static final KeyedIndex.Key<Known> EXTERNAL_ID = new KeyedIndex.Key<>("externalid", Known::externalId);

  private final KeyedIndex<Known> users;

  UserIndex(int maxSize) {
    this.users = new KeyedIndex<>(maxSize, Known::id, List.of(USER_NAME, EXTERNAL_ID));
  }

  /** Exports the index's statistics (size, hits, misses, evictions) as {@code cache_*} meters. */
  void bindMetrics(MeterRegistry registry, Iterable<Tag> tags) {
    users.bindMetrics(registry, "postman.users", tags);
  }

  /** Remembers a user as Postman returned it (anything without a string {@code id} is ignored). */
  void learn(JsonNode user) {
    if (!user.path("id").isTextual()) {
      return;
    }
    Known known = new Known(user.get("id").asText(), textOrNull(user, "userName"), textOrNull(user, "externalId"));
    // Every read of a user returns it: most are known exactly so already, and a write costs more. Looking
    // does not touch the eviction order: a user the IdP never looks up should not seem valuable.
    if (!users.holds(known)) {
      users.put(known);
    }
  }

  private static String textOrNull(JsonNode user, String attribute) {
    return user.path(attribute).isTextual() ? user.get(attribute).asText() : null;
  }

  /** Forgets a user Postman says does not exist. */
  void forget(String id) {
    users.remove(id);
  }

  /** Forgets that {@code userName} leads to {@code id}, e.g. when Postman no longer has that userName. */
  void forgetUserName(String userName, String id) {
    users.unlink(USER_NAME, key(userName), id);
  }

  /** Forgets that {@code externalId} leads to {@code id}. */
  void forgetExternalId(String externalId, String id) {
    users.unlink(EXTERNAL_ID, externalId, id);
  }

  /** Whether Postman has returned a user with this id (and not said since that it is gone). */
  boolean knows(String id) {
    return users.contains(id);
  }

  /** The user last seen with this userName, ignoring case (counted as a hit or a miss). */
  Optional<Known> byUserName(String userName) {
    return users.find(USER_NAME, key(userName));
  }

  /** The user last seen with this externalId, matched exactly (counted as a hit or a miss). */
  Optional<Known> byExternalId(String externalId) {
    return users.find(EXTERNAL_ID, externalId);
  }

  /** The user last seen with this userName, ignoring case, without counting a look-up. */
  Optional<Known> peekUserName(String userName) {
    return users.peek(USER_NAME, key(userName));
  }

  /** The user last seen with this externalId, without counting a look-up. */
  Optional<Known> peekExternalId(String externalId) {
    return users.peek(EXTERNAL_ID, externalId);
  }

  Stats stats() {
    return new Stats(users.hits(USER_NAME), users.misses(USER_NAME), users.hits(EXTERNAL_ID),
        users.misses(EXTERNAL_ID), users.evictions(), users.size());
  }

  /** The case-insensitive key of a userName, also used for the shared id index and the create lock. */
  static String key(String userName) {
    return userName.toLowerCase(Locale.ROOT);
  }
}
