package dev.scimgateway.postman.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;

/** The users Postman returned in the last few seconds, whole, by id; a zero duration remembers nothing. */
final class RecentUsers {

  private static final int MAX_SIZE = 10_000;

  private final Cache<String, ObjectNode> users;

  RecentUsers(Duration ttl) {
    this.users = ttl.isZero()
        ? null
        : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(MAX_SIZE).executor(Runnable::run).build();
  }

  void remember(ObjectNode user) {
    if (users != null && user.path("id").isTextual()) {
      users.put(user.get("id").asText(), user.deepCopy());
    }
  }

  void forget(String id) {
    if (users != null) {
      users.invalidate(id);
    }
  }

  /** A copy of the user, if Postman returned it recently. */
  Optional<ObjectNode> get(String id) {
    ObjectNode user = users == null ? null : users.getIfPresent(id);
    return Optional.ofNullable(user).map(ObjectNode::deepCopy);
  }
}
