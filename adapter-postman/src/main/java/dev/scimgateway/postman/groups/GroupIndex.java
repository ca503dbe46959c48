package dev.scimgateway.postman.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Locale;
import java.util.Optional;

/**
 * One tenant's memory of which Postman group id goes with which displayName, learned from every group
 * Postman returns and dropped when Postman says a group is gone. Looked up ignoring case (SCIM's
 * displayName is not case-exact), while remembering the exact spelling Postman has, since Postman's
 * {@code displayName eq} filter is case-sensitive.
 *
 * <p>It only saves upstream calls: a look-up is always answered by Postman, and a rename is skipped only
 * when the name Postman last answered for the group is the name asked for. Bounded; thread-safe.
 */
final class GroupIndex {

  /** What is known of one group: its id and its displayName exactly as Postman has it. */
  record Known(String id, String displayName) {}

  private final Cache<String, Known> byId;
  private final Cache<String, Known> byName;

  GroupIndex(int maxSize) {
    this.byId = Caffeine.newBuilder().maximumSize(maxSize).executor(Runnable::run).recordStats().build();
    this.byName = Caffeine.newBuilder().maximumSize(maxSize).executor(Runnable::run).recordStats().build();
  }

  /** Exports the caches' own statistics as {@code cache_*} meters. */
  void bindMetrics(MeterRegistry registry, Iterable<Tag> tags) {
    CaffeineCacheMetrics.monitor(registry, byId, "postman.groups.by.id", tags);
    CaffeineCacheMetrics.monitor(registry, byName, "postman.groups.by.displayname", tags);
  }

  /** Remembers a group as Postman returned it (anything without a string id and displayName is ignored). */
  synchronized void learn(JsonNode group) {
    if (!group.path("id").isTextual() || !group.path("displayName").isTextual()) {
      return;
    }
    Known known = new Known(group.get("id").asText(), group.get("displayName").asText());
    Known previous = byId.asMap().put(known.id(), known);
    if (previous != null && !key(previous.displayName()).equals(key(known.displayName()))) {
      forgetName(previous);
    }
    byName.put(key(known.displayName()), known);
  }

  /** Forgets a group Postman says does not exist. */
  synchronized void forget(String id) {
    Known previous = byId.asMap().remove(id);
    if (previous != null) {
      forgetName(previous);
    }
  }

  /** Forgets that this spelling leads to this group, e.g. when Postman's filter no longer finds it. */
  synchronized void forgetName(Known known) {
    byName.asMap().computeIfPresent(key(known.displayName()), (k, current) -> current.id().equals(known.id()) ? null : current);
  }

  /** The group last seen with this displayName, ignoring case. */
  Optional<Known> byDisplayName(String displayName) {
    return Optional.ofNullable(byName.getIfPresent(key(displayName)));
  }

  /** The displayName Postman last answered for this group, exactly as spelled there. */
  Optional<String> displayNameOf(String id) {
    return Optional.ofNullable(byId.asMap().get(id)).map(Known::displayName);
  }

  private static String key(String displayName) {
    return displayName.toLowerCase(Locale.ROOT);
  }
}
