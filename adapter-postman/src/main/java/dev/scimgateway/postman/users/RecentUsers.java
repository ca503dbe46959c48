package dev.scimgateway.postman.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The users Postman returned in the last few seconds, whole, by id; a zero duration remembers nothing. Each is
 * kept as its JSON bytes: one small array instead of a tree of nodes, which a burst of creates would otherwise
 * have the garbage collector copy by the thousand while they are remembered.
 */
final class RecentUsers {

  private static final int MAX_SIZE = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Cache<String, byte[]> users;

  RecentUsers(Duration ttl) {
    this.users = ttl.isZero()
        ? null
        : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(MAX_SIZE).executor(Runnable::run).build();
  }

  void remember(ObjectNode user) {
    if (users != null && user.path("id").isTextual()) {
      try {
        users.put(user.get("id").asText(), JSON.writeValueAsBytes(user));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a user as Postman returned it always serializes", e);
      }
    }
  }

  void forget(String id) {
    if (users != null) {
      users.invalidate(id);
    }
  }

  /** A copy of the user, if Postman returned it recently. */
  Optional<ObjectNode> get(String id) {
    byte[] user = users == null ? null : users.getIfPresent(id);
    return Optional.ofNullable(user).map(RecentUsers::parse);
  }

  private static ObjectNode parse(byte[] user) {
    try {
      return (ObjectNode) JSON.readTree(user);
    } catch (IOException e) {
      throw new UncheckedIOException("a remembered user always parses", e);
    }
  }
}
