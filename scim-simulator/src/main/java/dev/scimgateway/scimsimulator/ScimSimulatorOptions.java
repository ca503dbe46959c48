package dev.scimgateway.scimsimulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ScimSimulator} behaves.
 *
 * @param host the address to bind
 * @param port the port to bind; 0 picks a free one
 * @param token the bearer token every SCIM request must send
 * @param discovery whether {@code /ServiceProviderConfig}, {@code /ResourceTypes} and {@code /Schemas} are served
 *     (an upstream without them answers 404 there)
 * @param patch whether PATCH is served and claimed in {@code /ServiceProviderConfig}
 * @param budget the most SCIM requests answered per {@code window}; more get 429 with {@code Retry-After}; 0 for
 *     no budget
 * @param window the window the budget counts over
 */
public record ScimSimulatorOptions(String host, int port, String token, boolean discovery, boolean patch, int budget,
    Duration window) {

  public ScimSimulatorOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(window, "window");
  }

  /** Loopback, a free port, token {@code scim-simulator-token}, discovery and PATCH served, no budget. */
  public static ScimSimulatorOptions defaults() {
    return new ScimSimulatorOptions("127.0.0.1", 0, "scim-simulator-token", true, true, 0, Duration.ofSeconds(60));
  }

  public ScimSimulatorOptions withPort(int port) {
    return new ScimSimulatorOptions(host, port, token, discovery, patch, budget, window);
  }

  public ScimSimulatorOptions withToken(String token) {
    return new ScimSimulatorOptions(host, port, token, discovery, patch, budget, window);
  }

  public ScimSimulatorOptions withDiscovery(boolean discovery) {
    return new ScimSimulatorOptions(host, port, token, discovery, patch, budget, window);
  }

  public ScimSimulatorOptions withPatch(boolean patch) {
    return new ScimSimulatorOptions(host, port, token, discovery, patch, budget, window);
  }

  public ScimSimulatorOptions withBudget(int budget, Duration window) {
    return new ScimSimulatorOptions(host, port, token, discovery, patch, budget, window);
  }
}
