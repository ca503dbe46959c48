package dev.scimgateway.postman.groups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimgateway.adapter.support.cache.KeyedIndex;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.List;
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

  private static final KeyedIndex.Key<Known> DISPLAY_NAME =
      new KeyedIndex.Key<>("displayname", known -> key(known.displayName()));

  private final KeyedIndex<Known> groups;

  GroupIndex(int maxSize) {
    this.groups = new KeyedIndex<>(maxSize, Known::id, List.of(DISPLAY_NAME));
  }

  /** Exports the index's statistics as {@code cache_*} meters. */
  void bindMetrics(MeterRegistry registry, Iterable<Tag> tags) {
    groups.bindMetrics(registry, "postman.groups", tags);
  }

  /** Remembers a group as Postman returned it (anything without a string id and displayName is ignored). */
  void learn(JsonNode group) {
    if (!group.path("id").isTextual() || !group.path("displayName").isTextual()) {
      return;
    }
    groups.put(new Known(group.get("id").asText(), group.get("displayName").asText()));
  }

  /** Forgets a group Postman says does not exist. */
  void forget(String id) {
    groups.remove(id);
  }

  /** Forgets that this spelling leads to this group, e.g. when Postman's filter no longer finds it. */
  void forgetName(Known known) {
    groups.unlink(DISPLAY_NAME, key(known.displayName()), known.id());
  }

  /** The group last seen with this displayName, ignoring case. */
  Optional<Known> byDisplayName(String displayName) {
    return groups.find(DISPLAY_NAME, key(displayName));
  }

  /** The displayName Postman last answered for this group, exactly as spelled there. */
  Optional<String> displayNameOf(String id) {
    return groups.get(id).map(Known::displayName);
  }

  private static String key(String displayName) {
    return displayName.toLowerCase(Locale.ROOT);
  }
}
