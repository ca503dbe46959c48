package dev.scimgateway.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The team's user groups, in creation order. Thread-safe: the event loop writes while test threads read.
 * displayNames are unique, compared exactly (as the {@code displayName eq} filter compares them), so a look-up by
 * name finds at most one group.
 */
final class GroupStore {

  /** What a change made of a group: the group to store, or the error that refused the change. */
  record Change(StoredGroup group, PostmanError error) {
    static Change to(StoredGroup group) {
      return new Change(group, null);
    }

    static Change refused(PostmanError error) {
      return new Change(null, error);
    }

    boolean ok() {
      return error == null;
    }
  }

  private final Map<String, StoredGroup> byId = new LinkedHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  GroupStore(Clock clock) {
    this.clock = clock;
  }

  /** Adds a group, or returns empty when one with that displayName already exists. */
  synchronized Optional<StoredGroup> create(String displayName, String externalId,
                                            Map<String, StoredGroup.Member> members) {
    if (nameTaken(displayName, null)) {
      return Optional.empty();
    }
    Instant now = now();
    StoredGroup stored = new StoredGroup(newId(), displayName, externalId, members, now, now);
    byId.put(stored.id(), stored);
    return Optional.of(stored);
  }

  synchronized Optional<StoredGroup> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Replaces a group with what {@code change(current, now)} makes of it, unless the change is refused or renames the
   * group to another group's displayName ({@link PostmanError#ALREADY_MEMBER}); empty when there is no such group.
   * The group is replaced whole or not at all.
   */
  synchronized Optional<Change> update(String id, BiFunction<StoredGroup, Instant, Change> change) {
    StoredGroup current = byId.get(id);
    if (current == null) {
      return Optional.empty();
    }
    Change result = change.apply(current, now());
    if (!result.ok()) {
      return Optional.of(result);
    }
    if (nameTaken(result.group().displayName(), id)) {
      return Optional.of(Change.refused(PostmanError.ALREADY_MEMBER));
    }
    byId.put(id, result.group());
    return Optional.of(result);
  }

  /** Removes a group; false when there was none. */
  synchronized boolean delete(String id) {
    return byId.remove(id) != null;
  }

  synchronized List<StoredGroup> all() {
    return List.copyOf(byId.values());
  }

  synchronized void clear() {
    byId.clear();
  }

  private boolean nameTaken(String displayName, String exceptId) {
    return byId.values().stream().anyMatch(g -> g.displayName().equals(displayName) && !g.id().equals(exceptId));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** 32 lowercase hex characters, like the ids in Postman's group examples (user ids have 48). */
  private String newId() {
    byte[] bytes = new byte[16];
    String id;
    do {
      random.nextBytes(bytes);
      id = HexFormat.of().formatHex(bytes);
    } while (byId.containsKey(id));
    return id;
  }
}
