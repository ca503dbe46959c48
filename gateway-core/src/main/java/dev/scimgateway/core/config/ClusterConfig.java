package dev.scimgateway.core.config;

import dev.scimgateway.adapter.api.ClusterSettings;
import dev.scimgateway.adapter.api.ConfigSection;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code cluster} section: {@code replicas} and {@code redis.url}. Without {@code redis}
 * there is no cluster (empty), whatever else the section says; a Redis URL that is not
 * {@code redis://} or {@code rediss://} with a host is an error naming the key, never showing the
 * value (it may hold a password).
 */
final class ClusterConfig {

  static final int MAX_REPLICAS = 1000;

  private ClusterConfig() {}

  static Optional<ClusterSettings> from(ConfigSection cluster) {
    cluster.requireOnlyKeys(Set.of("replicas", "redis"));
    int replicas = cluster.intOr("replicas", 1, 1, MAX_REPLICAS);
    ConfigSection redis = cluster.section("redis").requireOnlyKeys(Set.of("url"));
    if (!redis.isPresent()) {
      return Optional.empty();
    }
    String url = redis.requiredString("url");
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("redis") || scheme.equals("rediss")) || uri.getHost() == null) {
        throw redis.invalid("url", "must be redis://[user:password@]host:port[/db] or rediss://… for TLS");
      }
      String db = uri.getPath() == null ? "" : uri.getPath();
      if (!db.isEmpty() && !db.matches("/\\d{0,2}")) {
        throw redis.invalid("url", "the path after the host must be a database number, e.g. /0");
      }
    } catch (URISyntaxException e) {
      throw redis.invalid("url", "is not a valid URL (its value is not shown: it may hold a password)");
    }
    return Optional.of(new ClusterSettings(replicas, url));
  }
}
