package dev.scimgateway.adapter.api;

import java.net.URI;
import java.util.Objects;

/**
 * How the gateway's replicas share state, from the configuration's {@code cluster} section, handed to
 * adapters by {@link AdapterContext#cluster()}. Present only when {@code cluster.redis} is configured;
 * without it every replica keeps its state in its own process.
 *
 * @param replicas how many replicas share each upstream budget; a replica that cannot reach Redis
 *     keeps to {@code 1/replicas} of each budget on its own
 * @param redisUrl {@code redis://[user:password@]host:port[/db]}, or {@code rediss://} for TLS; it may
 *     hold a password, so it is never shown: {@link #toString()} and {@link #redisAddress()} leave out
 *     the user information
 */
public record ClusterSettings(int replicas, String redisUrl) {

  public ClusterSettings {
    if (replicas < 1) {
      throw new IllegalArgumentException("replicas must be at least 1");
    }
    Objects.requireNonNull(redisUrl, "redisUrl");
  }

  /** The Redis URL without user or password, e.g. {@code redis://cache:6379/0}, for logs. */
  public String redisAddress() {
    try {
      URI uri = URI.create(redisUrl);
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path;
    } catch (IllegalArgumentException e) {
      return "(a Redis URL that is not a URI)";
    }
  }

  @Override
  public String toString() {
    return "ClusterSettings[replicas=" + replicas + ", redis=" + redisAddress() + "]";
  }
}
