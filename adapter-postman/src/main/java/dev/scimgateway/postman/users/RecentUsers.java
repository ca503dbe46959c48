package dev.scimgateway.postman.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
 * kept as the JSON bytes Postman sent: one small array instead of a tree of nodes, which a burst of creates
 * would otherwise have the garbage collector copy by the thousand while they are remembered, and no encoding
 * on the way in (every read and write of a user passes here, a PATCH of nothing Postman stores reads it).
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

  /** Remembers the user Postman answered with, as the bytes of its answer. */
  void remember(String id, byte[] postmanAnswer) {
    if (users != null) {
      users.put(id, postmanAnswer);
    }
  }

  /** Remembers a user Postman answered with inside a larger answer (a page of users). */
  void remember(String id, JsonNode postmanUser) {
    if (users != null) {
      try {
        users.put(id, JSON.writeValueAsBytes(postmanUser));
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

  /** The user as Postman returned it recently, freshly read: the caller may change it. */
  Optional<JsonNode> get(String id) {
    byte[] user = users == null ? null : users.getIfPresent(id);
    return Optional.ofNullable(user).map(RecentUsers::parse);
  }

  private static JsonNode parse(byte[] user) {
    try {
      return JSON.readTree(user);
    } catch (IOException e) {
      throw new UncheckedIOException("a remembered user always parses", e);
    }
  }
}
