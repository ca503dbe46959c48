package dev.scimgateway.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PostmanSimulator} listens, which SCIM API key it accepts, its rate-limit budget, and how many group
 * members one request may name.
 *
 * @param host                 the interface to bind; {@code 127.0.0.1} by default
 * @param port                 the port to bind; {@code 0} picks a free one
 * @param apiKey               the only SCIM API key the simulator accepts, raw or as {@code Bearer <key>}
 * @param writesPerWindow      how many POST/PUT/PATCH/DELETE requests are accepted per sliding window (Postman: 180)
 * @param readsPerWindow       how many GET requests are accepted per sliding window (Postman: 300)
 * @param window               the length of the sliding window (Postman: one minute)
 * @param maxMembersPerRequest how many members one POST or PATCH /Groups may name (summed over a PATCH's
 *                             operations, one per removal) before it is refused as an invalid body. Postman
 *                             documents no limit; {@value #DEFAULT_MAX_MEMBERS_PER_REQUEST} is an assumption. A stored
 *                             group may grow beyond it through several requests.
 */
public record SimulatorOptions(String host, int port, String apiKey, int writesPerWindow, int readsPerWindow,
                               Duration window, int maxMembersPerRequest) {

  /** The key {@link #defaults()} uses. */
  public static final String DEFAULT_API_KEY = "PMAK-simulator-key";

  /** {@link #maxMembersPerRequest()} of {@link #defaults()}. */
  public static final int DEFAULT_MAX_MEMBERS_PER_REQUEST = 1000;

  public SimulatorOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(window, "window");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (apiKey.isEmpty()) {
      throw new IllegalArgumentException("apiKey must not be empty");
    }
    if (writesPerWindow < 1 || readsPerWindow < 1) {
      throw new IllegalArgumentException("budgets must be at least 1");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive");
    }
    if (maxMembersPerRequest < 1) {
      throw new IllegalArgumentException("maxMembersPerRequest must be at least 1, was " + maxMembersPerRequest);
    }
  }

  /** With {@value #DEFAULT_MAX_MEMBERS_PER_REQUEST} members per request. */
  public SimulatorOptions(String host, int port, String apiKey, int writesPerWindow, int readsPerWindow,
                          Duration window) {
    this(host, port, apiKey, writesPerWindow, readsPerWindow, window, DEFAULT_MAX_MEMBERS_PER_REQUEST);
  }

  /**
   * {@code 127.0.0.1}, a random free port, {@value #DEFAULT_API_KEY}, 180 writes and 300 reads per 60 s,
   * {@value #DEFAULT_MAX_MEMBERS_PER_REQUEST} members per request.
   */
  public static SimulatorOptions defaults() {
    return new SimulatorOptions("127.0.0.1", 0, DEFAULT_API_KEY, 180, 300, Duration.ofSeconds(60),
        DEFAULT_MAX_MEMBERS_PER_REQUEST);
  }

  public SimulatorOptions withPort(int p) {
    return new SimulatorOptions(host, p, apiKey, writesPerWindow, readsPerWindow, window, maxMembersPerRequest);
  }

  public SimulatorOptions withApiKey(String k) {
    return new SimulatorOptions(host, port, k, writesPerWindow, readsPerWindow, window, maxMembersPerRequest);
  }

  public SimulatorOptions withBudget(int writes, int reads, Duration w) {
    return new SimulatorOptions(host, port, apiKey, writes, reads, w, maxMembersPerRequest);
  }

  public SimulatorOptions withHost(String h) {
    return new SimulatorOptions(h, port, apiKey, writesPerWindow, readsPerWindow, window, maxMembersPerRequest);
  }

  public SimulatorOptions withMaxMembersPerRequest(int max) {
    return new SimulatorOptions(host, port, apiKey, writesPerWindow, readsPerWindow, window, max);
  }

  /** Never prints the API key. */
  @Override
  public String toString() {
    return "SimulatorOptions[host=" + host + ", port=" + port + ", apiKey=***, writesPerWindow=" + writesPerWindow
        + ", readsPerWindow=" + readsPerWindow + ", window=" + window + ", maxMembersPerRequest="
        + maxMembersPerRequest + "]";
  }
}
