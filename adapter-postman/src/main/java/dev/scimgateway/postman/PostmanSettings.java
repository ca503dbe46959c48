package dev.scimgateway.postman;

import dev.scimgateway.adapter.api.ConfigSection;
import dev.scimgateway.adapter.api.InvalidConfigException;
import dev.scimgateway.adapter.support.budget.BudgetLimits;
import dev.scimgateway.adapter.support.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A tenant's {@code postman:} section.
 *
 * <pre>{@code
 * postman:
 *   baseUrl: https://api.getpostman.com/scim/v2
 *   apiKey: ${POSTMAN_SCIM_API_KEY}
 *   requestTimeoutMillis: 10000
 *   rateLimit: {reads: 300, writes: 180, perSeconds: 60, maxQueue: 1000, maxWaitMillis: 15000}
 *   retry: {maxAttempts: 3, initialBackoffMillis: 200}
 *   idCache: {maxSize: 100000, warmUp: false}
 *   groups: {maxMembersPerRequest: 1000}
 * }</pre>
 *
 * @param baseUrl Postman's SCIM base, e.g. {@code https://api.getpostman.com/scim/v2}
 * @param apiKey the team's SCIM API key; never logged, never in a message
 * @param requestTimeout how long one upstream request may stay silent before it fails
 * @param rateLimit the team's request budget and this tenant's share of the wait queue
 * @param retry how failed idempotent requests are retried
 * @param idCache the tenant's userName/externalId → id cache
 * @param groups how group changes are sent
 */
public record PostmanSettings(
    URI baseUrl, String apiKey, Duration requestTimeout, RateLimit rateLimit, Retry retry, IdCache idCache,
    Groups groups) {

  public static final int DEFAULT_READS = 300;
  public static final int DEFAULT_WRITES = 180;
  /** The write budget; {@code rateLimit.requests} is the older name of {@code rateLimit.writes}. */
  public static final int DEFAULT_RATE_LIMIT_REQUESTS = DEFAULT_WRITES;
  public static final int DEFAULT_RATE_LIMIT_SECONDS = 60;
  public static final int DEFAULT_MAX_QUEUE = 1000;
  /** Well inside Okta's ~60 s and the gateway's default 30 s request timeout. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(15);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);
  public static final int DEFAULT_ID_CACHE_SIZE = 100_000;
  public static final Duration DEFAULT_RECENT_USERS = Duration.ofSeconds(30);
  /**
   * The most member entries the simulator takes in one group request; Postman documents no limit, so
   * the simulator's stricter reading is the default.
   */
  public static final int DEFAULT_MAX_MEMBERS_PER_REQUEST = 1000;

  /**
   * The team's budget and this tenant's bounds on waiting for it.
   *
   * @param reads GET requests the team may make per window (Postman: 300 a minute)
   * @param writes POST/PUT/PATCH/DELETE requests the team may make per window (Postman: 180 a minute)
   * @param window the sliding window both limits count over
   * @param maxQueue how many of this tenant's requests may wait for each of the two budgets
   * @param maxWait the longest one request may wait for the budget before the IdP gets 429
   * @param explicit whether reads, writes or the window were configured (not all defaults); when
   *     tenants share a team, configured values win over defaults
   */
  public record RateLimit(int reads, int writes, Duration window, int maxQueue, Duration maxWait, boolean explicit) {

    public RateLimit {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(maxWait, "maxWait");
    }

    public static RateLimit defaults() {
      return new RateLimit(DEFAULT_READS, DEFAULT_WRITES, Duration.ofSeconds(DEFAULT_RATE_LIMIT_SECONDS),
          DEFAULT_MAX_QUEUE, DEFAULT_MAX_WAIT, false);
    }

    /** The team-level part (reads, writes, window), which tenants of one team share. */
    public BudgetLimits budgetLimits() {
      return new BudgetLimits(reads, writes, window, explicit);
    }

    /** Whether the team-level part (reads, writes, window) is the same. */
    public boolean sameBudget(RateLimit other) {
      return budgetLimits().sameLimits(other.budgetLimits());
    }

    /** E.g. {@code 180 writes and 300 reads per 60 s}. */
    public String describe() {
      return budgetLimits().describe();
    }
  }

  /**
   * @param maxAttempts attempts of one idempotent request (GET, PUT, PATCH) on a 5xx, a connection
   *     failure or a timeout, the first included; a create is never blindly re-sent (see the README)
   * @param initialBackoff the wait before the second attempt; it doubles per attempt, with jitter
   */
  public record Retry(int maxAttempts, Duration initialBackoff) {

    public static Retry defaults() {
      return new Retry(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF);
    }

    /** These settings as the policy the client retries with. */
    public RetryPolicy policy() {
      return new RetryPolicy(maxAttempts, initialBackoff);
    }
  }

  /**
   * @param maxSize the most users the tenant's id cache remembers
   * @param warmUp whether start-up pages through Postman's user list to fill the cache
   * @param recentUsers how long a user Postman returned is remembered whole, so that a PATCH of nothing
   *     Postman stores right after needs no read; zero turns that off
   */
  public record IdCache(int maxSize, boolean warmUp, Duration recentUsers) {

    public static IdCache defaults() {
      return new IdCache(DEFAULT_ID_CACHE_SIZE, false, DEFAULT_RECENT_USERS);
    }
  }

  /**
   * @param maxMembersPerRequest the most member entries one group request to Postman names (each member
   *     listed, and one per member removed); a larger change is split into several requests
   */
  public record Groups(int maxMembersPerRequest) {

    public Groups {
      if (maxMembersPerRequest < 1) {
        throw new IllegalArgumentException("maxMembersPerRequest must be positive, got " + maxMembersPerRequest);
      }
    }

    public static Groups defaults() {
      return new Groups(DEFAULT_MAX_MEMBERS_PER_REQUEST);
    }
  }

  /** Settings with the default {@link Groups}. */
  public PostmanSettings(URI baseUrl, String apiKey, Duration requestTimeout, RateLimit rateLimit, Retry retry,
      IdCache idCache) {
    this(baseUrl, apiKey, requestTimeout, rateLimit, retry, idCache, Groups.defaults());
  }

  public PostmanSettings {
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(idCache, "idCache");
  }

  /**
   * The settings of the first version of this adapter: one request budget ({@code requests}, now
   * the write budget), default reads, queue, retries and cache.
   */
  public PostmanSettings(URI baseUrl, String apiKey, int rateLimitRequests, Duration rateLimitWindow,
      Duration requestTimeout) {
    this(baseUrl, apiKey, requestTimeout,
        new RateLimit(DEFAULT_READS, rateLimitRequests, rateLimitWindow, DEFAULT_MAX_QUEUE, DEFAULT_MAX_WAIT, true),
        Retry.defaults(), IdCache.defaults());
  }

  static PostmanSettings from(ConfigSection section) {
    if (!section.isPresent()) {
      throw new InvalidConfigException(section.path() + ": is required (with at least baseUrl and apiKey)");
    }
    section.requireOnlyKeys(Set.of("baseUrl", "apiKey", "requestTimeoutMillis", "rateLimit", "retry", "idCache",
        "groups"));
    return new PostmanSettings(
        section.requiredHttpUrl("baseUrl"),
        section.requiredString("apiKey"),
        section.millisOr("requestTimeoutMillis", DEFAULT_REQUEST_TIMEOUT),
        rateLimit(section.section("rateLimit")),
        retry(section.section("retry")),
        idCache(section.section("idCache")),
        groups(section.section("groups")));
  }

  private static Groups groups(ConfigSection section) {
    section.requireOnlyKeys(Set.of("maxMembersPerRequest"));
    return new Groups(section.intOr("maxMembersPerRequest", DEFAULT_MAX_MEMBERS_PER_REQUEST, 1, 100_000));
  }

  private static RateLimit rateLimit(ConfigSection section) {
    section.requireOnlyKeys(Set.of("reads", "writes", "requests", "perSeconds", "maxQueue", "maxWaitMillis"));
    boolean requests = section.string("requests").isPresent();
    boolean writes = section.string("writes").isPresent();
    if (requests && writes) {
      throw section.invalid("requests", "is the older name of writes; set only writes");
    }
    int writeLimit = section.intOr(requests ? "requests" : "writes", DEFAULT_WRITES, 1, 100_000);
    int readLimit = section.intOr("reads", DEFAULT_READS, 1, 100_000);
    int seconds = section.intOr("perSeconds", DEFAULT_RATE_LIMIT_SECONDS, 1, 86_400);
    boolean explicit = requests || writes || section.string("reads").isPresent()
        || section.string("perSeconds").isPresent();
    return new RateLimit(readLimit, writeLimit, Duration.ofSeconds(seconds),
        section.intOr("maxQueue", DEFAULT_MAX_QUEUE, 1, 1_000_000),
        section.millisOr("maxWaitMillis", DEFAULT_MAX_WAIT),
        explicit);
  }

  private static Retry retry(ConfigSection section) {
    section.requireOnlyKeys(Set.of("maxAttempts", "initialBackoffMillis"));
    return new Retry(
        section.intOr("maxAttempts", DEFAULT_MAX_ATTEMPTS, 1, 10),
        section.millisOr("initialBackoffMillis", DEFAULT_INITIAL_BACKOFF));
  }

  private static IdCache idCache(ConfigSection section) {
    section.requireOnlyKeys(Set.of("maxSize", "warmUp", "recentUserSeconds"));
    return new IdCache(section.intOr("maxSize", DEFAULT_ID_CACHE_SIZE, 1, 10_000_000), bool(section, "warmUp", false),
        Duration.ofSeconds(section.intOr("recentUserSeconds", (int) DEFAULT_RECENT_USERS.toSeconds(), 0, 3600)));
  }

  private static boolean bool(ConfigSection section, String key, boolean defaultValue) {
    return section.string(key)
        .map(text -> switch (text.trim().toLowerCase(Locale.ROOT)) {
          case "true" -> true;
          case "false" -> false;
          default -> throw section.invalid(key, "must be true or false, got '" + text + "'");
        })
        .orElse(defaultValue);
  }

  /** The write budget per window (the older single budget). */
  public int rateLimitRequests() {
    return rateLimit.writes();
  }

  /** The window of both budgets. */
  public Duration rateLimitWindow() {
    return rateLimit.window();
  }

  /** The base URL without a trailing slash. */
  public String base() {
    String text = baseUrl.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  @Override
  public String toString() {
    return "PostmanSettings[baseUrl=" + baseUrl + ", apiKey=<redacted>, rateLimit=" + rateLimit.describe()
        + ", maxQueue=" + rateLimit.maxQueue() + ", maxWait=" + rateLimit.maxWait().toMillis() + "ms, requestTimeout="
        + requestTimeout.toMillis() + "ms, retry=" + retry.maxAttempts() + "x from " + retry.initialBackoff().toMillis()
        + "ms, idCache=" + idCache.maxSize() + (idCache.warmUp() ? " with warm-up" : "") + ", groups.maxMembersPerRequest="
        + groups.maxMembersPerRequest() + "]";
  }
}
