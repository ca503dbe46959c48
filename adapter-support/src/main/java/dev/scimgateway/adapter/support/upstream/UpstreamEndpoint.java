package dev.scimgateway.adapter.support.upstream;

import dev.scimgateway.adapter.support.retry.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how an {@link UpstreamClient} sends its calls.
 *
 * @param upstream the upstream's name in logs and details, e.g. {@code Postman}
 * @param base the base URL without a trailing slash
 * @param credentialHeader the header that carries the credential, e.g. {@code Authorization}
 * @param credential its value; sent in that header and nowhere else, never logged
 * @param requestTimeout how long one attempt may take, from its request to the last byte of its answer
 * @param maxQueue how many of the tenant's calls may wait for each of the two budgets
 * @param maxWait the longest one call waits for the budget before the IdP gets 429
 * @param retry how idempotent calls are retried
 * @param mediaType sent as {@code Accept}, e.g. {@code application/scim+json}; bodies go as {@code application/json}
 */
public record UpstreamEndpoint(String upstream, String base, String credentialHeader, String credential,
    Duration requestTimeout, int maxQueue, Duration maxWait, RetryPolicy retry, String mediaType) {

  public UpstreamEndpoint {
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(credentialHeader, "credentialHeader");
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(mediaType, "mediaType");
  }

  @Override
  public String toString() {
    return "UpstreamEndpoint[" + upstream + " at " + base + ", " + credentialHeader + "=<redacted>]";
  }
}
