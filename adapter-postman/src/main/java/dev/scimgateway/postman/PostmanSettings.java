package dev.scimgateway.postman;

import dev.scimgateway.adapter.api.ConfigSection;
import dev.scimgateway.adapter.api.InvalidConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * A tenant's {@code postman:} section.
 *
 * @param baseUrl Postman's SCIM base, e.g. {@code https://api.getpostman.com/scim/v2}
 * @param apiKey the team's SCIM API key; never logged
 * @param rateLimitRequests how many requests the team may make per window
 * @param rateLimitWindow the window of {@code rateLimitRequests}
 * @param requestTimeout how long one upstream request may stay silent before it fails
 */
public record PostmanSettings(
    URI baseUrl, String apiKey, int rateLimitRequests, Duration rateLimitWindow, Duration requestTimeout) {

  public static final int DEFAULT_RATE_LIMIT_REQUESTS = 180;
  public static final int DEFAULT_RATE_LIMIT_SECONDS = 60;
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  static PostmanSettings from(ConfigSection section) {
    if (!section.isPresent()) {
      throw new InvalidConfigException(section.path() + ": is required (with at least baseUrl and apiKey)");
    }
    section.requireOnlyKeys(Set.of("baseUrl", "apiKey", "rateLimit", "requestTimeoutMillis"));
    ConfigSection rateLimit = section.section("rateLimit").requireOnlyKeys(Set.of("requests", "perSeconds"));
    return new PostmanSettings(
        section.requiredHttpUrl("baseUrl"),
        section.requiredString("apiKey"),
        rateLimit.intOr("requests", DEFAULT_RATE_LIMIT_REQUESTS, 1, 1_000_000),
        Duration.ofSeconds(rateLimit.intOr("perSeconds", DEFAULT_RATE_LIMIT_SECONDS, 1, 86_400)),
        section.millisOr("requestTimeoutMillis", DEFAULT_REQUEST_TIMEOUT));
  }

  /** The base URL without a trailing slash. */
  public String base() {
    String text = baseUrl.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  @Override
  public String toString() {
    return "PostmanSettings[baseUrl=" + baseUrl + ", apiKey=<redacted>, rateLimit=" + rateLimitRequests + "/"
        + rateLimitWindow.toSeconds() + "s, requestTimeout=" + requestTimeout.toMillis() + "ms]";
  }
}
