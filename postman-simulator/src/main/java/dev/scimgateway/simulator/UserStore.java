package dev.scimgateway.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The team's members, in creation order. Thread-safe: the event loop writes while test threads read.
 * userNames are unique ignoring case, because Postman treats them as email addresses.
 */
final class UserStore {

  private final Map<String, StoredUser> byId = new LinkedHashMap<>();
  private final Map<String, String> idByLowerUserName = new HashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  UserStore(Clock clock) {
    this.clock = clock;
  }

  /** Adds a member, or returns empty when one with that userName (ignoring case) already exists. */
  synchronized Optional<StoredUser> create(UserValidator.NewUser user) {
    String key = lower(user.userName());
    if (idByLowerUserName.containsKey(key)) {
      return Optional.empty();
    }
    Instant now = now();
    StoredUser stored = new StoredUser(newId(), user.userName(), user.givenName(), user.familyName(),
        user.externalId(), user.active(), now, now);
    byId.put(stored.id(), stored);
    idByLowerUserName.put(key, stored.id());
    return Optional.of(stored);
  }

  synchronized Optional<StoredUser> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Replaces a member with {@code change(current, now)}; empty when there is no such member. */
  synchronized Optional<StoredUser> update(String id, BiFunction<StoredUser, Instant, StoredUser> change) {
    StoredUser current = byId.get(id);
    if (current == null) {
      return Optional.empty();
    }
    StoredUser updated = change.apply(current, now());
    byId.put(id, updated);
    idByLowerUserName.remove(lower(current.userName()));
    idByLowerUserName.put(lower(updated.userName()), id);
    return Optional.of(updated);
  }

  synchronized List<StoredUser> all() {
    return List.copyOf(byId.values());
  }

  synchronized void clear() {
    byId.clear();
    idByLowerUserName.clear();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** 48 lowercase hex characters, like Postman's ids. */
  private String newId() {
    byte[] bytes = new byte[24];
    String id;
    do {
      random.nextBytes(bytes);
      id = HexFormat.of().formatHex(bytes);
    } while (byId.containsKey(id));
    return id;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
