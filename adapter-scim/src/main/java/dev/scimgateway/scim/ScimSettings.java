package dev.scimgateway.scim;

import dev.scimgateway.adapter.api.ConfigSection;
import dev.scimgateway.adapter.api.FilterOperator;
import dev.scimgateway.adapter.api.InvalidConfigException;
import dev.scimgateway.adapter.api.ResourceCapabilities.Filterable;
import dev.scimgateway.adapter.support.budget.BudgetLimits;
import dev.scimgateway.adapter.support.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's {@code scim:} section. Only {@code baseUrl} and {@code auth} are required; what is left out
 * of {@code resourceTypes}, {@code attributes}, {@code filters}, {@code patch} and {@code delete} is learned
 * from the upstream's discovery documents at start-up (see {@link UpstreamPlan}).
 *
 * @param baseUrl the upstream's SCIM base URL
 * @param auth the upstream credential
 * @param requestTimeout how long one upstream attempt may stay silent
 * @param budget the upstream's request budget (reads, writes, window)
 * @param maxQueue how many of this tenant's calls may wait for each budget
 * @param maxWait the longest one call waits for the budget
 * @param retry how idempotent calls and uncertain creates are retried
 * @param resourceTypes the resource types to serve, by name; empty: as the upstream's {@code /ResourceTypes} says
 * @param attributes the attribute paths the upstream stores, per type; a type left out: as its schema says
 * @param filters the attribute and operator pairs the upstream evaluates, per type
 * @param patch how a PATCH is sent; empty: PATCH operations when the upstream claims PATCH, else PUT
 * @param delete what a DELETE does upstream
 * @param discoveryRetry how often discovery documents that could not be read are read again
 */
record ScimSettings(URI baseUrl, UpstreamAuth auth, Duration requestTimeout, BudgetLimits budget, int maxQueue,
    Duration maxWait, RetryPolicy retry, List<String> resourceTypes, Map<String, Set<String>> attributes,
    Map<String, Set<Filterable>> filters, Optional<PatchMode> patch, DeleteMode delete, Duration discoveryRetry) {

  /** How a PATCH reaches the upstream. */
  enum PatchMode {
    /** As PATCH operations, restricted to the stored attributes. */
    OPERATIONS,
    /** As a PUT of the whole resource with the operations applied. */
    PUT
  }

  /** What a DELETE does upstream. */
  enum DeleteMode {
    /** DELETE the resource. */
    DELETE,
    /** Set {@code active} to false: the resource stays readable. */
    DEACTIVATE
  }

  static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  static final int DEFAULT_REQUESTS = 300;
  static final int DEFAULT_SECONDS = 60;
  static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(15);
  static final Duration DEFAULT_DISCOVERY_RETRY = Duration.ofSeconds(60);

  static ScimSettings from(ConfigSection section) {
    if (!section.isPresent()) {
      throw new InvalidConfigException(section.path() + ": is required (with at least baseUrl and auth)");
    }
    section.requireOnlyKeys(Set.of("baseUrl", "auth", "requestTimeoutMillis", "rateLimit", "retry", "resourceTypes",
        "attributes", "filters", "patch", "delete", "discoveryRetryMillis"));
    ConfigSection rateLimit = section.section("rateLimit")
        .requireOnlyKeys(Set.of("reads", "writes", "perSeconds", "maxQueue", "maxWaitMillis"));
    ConfigSection retry = section.section("retry").requireOnlyKeys(Set.of("maxAttempts", "initialBackoffMillis"));
    boolean explicitBudget = Set.of("reads", "writes", "perSeconds").stream().anyMatch(key -> rateLimit.string(key).isPresent());
    return new ScimSettings(
        section.requiredHttpUrl("baseUrl"),
        UpstreamAuth.from(section.section("auth")),
        section.millisOr("requestTimeoutMillis", DEFAULT_REQUEST_TIMEOUT),
        new BudgetLimits(rateLimit.intOr("reads", DEFAULT_REQUESTS, 1, 100_000),
            rateLimit.intOr("writes", DEFAULT_REQUESTS, 1, 100_000),
            Duration.ofSeconds(rateLimit.intOr("perSeconds", DEFAULT_SECONDS, 1, 86_400)), explicitBudget),
        rateLimit.intOr("maxQueue", 1000, 1, 1_000_000),
        rateLimit.millisOr("maxWaitMillis", DEFAULT_MAX_WAIT),
        new RetryPolicy(retry.intOr("maxAttempts", 3, 1, 10), retry.millisOr("initialBackoffMillis", Duration.ofMillis(200))),
        section.strings("resourceTypes").orElse(List.of()),
        perType(section.section("attributes"), ScimSettings::attributePaths),
        perType(section.section("filters"), ScimSettings::filterables),
        section.string("patch").map(value -> choice(section, "patch", value, PatchMode.class)),
        section.string("delete").map(value -> choice(section, "delete", value, DeleteMode.class)).orElse(DeleteMode.DELETE),
        section.millisOr("discoveryRetryMillis", DEFAULT_DISCOVERY_RETRY));
  }

  /** The base URL without a trailing slash. */
  String base() {
    String text = baseUrl.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private interface Values<T> {
    Set<T> parse(ConfigSection section, String type, List<String> values);
  }

  private static <T> Map<String, Set<T>> perType(ConfigSection section, Values<T> parser) {
    Map<String, Set<T>> byType = new LinkedHashMap<>();
    if (section.isPresent()) {
      section.keys().forEach(type -> byType.put(type.toLowerCase(Locale.ROOT),
          parser.parse(section, type, section.strings(type).orElseThrow(() -> section.invalid(type, "must be a list")))));
    }
    return Map.copyOf(byType);
  }

  private static Set<String> attributePaths(ConfigSection section, String type, List<String> values) {
    return Set.copyOf(new LinkedHashSet<>(values));
  }

  /** {@code "userName eq"} → userName with EQ. */
  private static Set<Filterable> filterables(ConfigSection section, String type, List<String> values) {
    Set<Filterable> filters = new LinkedHashSet<>();
    for (String value : values) {
      String[] parts = value.trim().split("\\s+");
      try {
        if (parts.length != 2) {
          throw new IllegalArgumentException();
        }
        filters.add(new Filterable(parts[0], FilterOperator.valueOf(parts[1].toUpperCase(Locale.ROOT))));
      } catch (IllegalArgumentException e) {
        throw section.invalid(type, "'" + value + "' is not an attribute and an operator, e.g. \"userName eq\"");
      }
    }
    return Set.copyOf(filters);
  }

  private static <E extends Enum<E>> E choice(ConfigSection section, String key, String value, Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.trim())) {
        return constant;
      }
    }
    throw section.invalid(key, "must be one of " + String.join(", ",
        java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList())
        + ", got '" + value + "'");
  }

  @Override
  public String toString() {
    return "ScimSettings[baseUrl=" + baseUrl + ", auth=" + auth + ", rateLimit=" + budget.describe() + "]";
  }
}
