package dev.scimgateway.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.adapter.support.budget.RequestBudget;
import dev.scimgateway.adapter.support.upstream.UpstreamCall;
import dev.scimgateway.adapter.support.upstream.UpstreamErrors;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * What a SCIM upstream's failures become for the IdP:
 *
 * <ul>
 *   <li>401 and 403, whatever the body: 502 naming the credential's configuration key (never the secret, and
 *       never 401/403: the IdP's own token is fine);</li>
 *   <li>any other SCIM error (RFC 7644 §3.12): its status and {@code scimType}, its detail prefixed
 *       {@value #PREFIX};</li>
 *   <li>a 404 that is not a SCIM error (an unknown route): 502, check {@code baseUrl} — never "not found",
 *       which could make an IdP create a resource again;</li>
 *   <li>a 5xx, 1xx or 3xx: 502 with what the body said when it said something readable;</li>
 *   <li>any other 4xx that is not a SCIM error: its status, with the message of a JSON body if it has one.</li>
 * </ul>
 * 429 and retries are the {@link dev.scimgateway.adapter.support.upstream.UpstreamClient}'s.
 */
final class ScimErrorTable implements UpstreamErrors {

  static final String PREFIX = "Upstream: ";
  private static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String tenantKey;
  private final ScimSettings settings;

  /** @param tenantKey the tenant's scim section, e.g. {@code tenants.slack.scim} */
  ScimErrorTable(String tenantKey, ScimSettings settings) {
    this.tenantKey = tenantKey;
    this.settings = settings;
  }

  /** What an error body said: a SCIM error's detail and scimType, or a generic JSON error's message. */
  private record Said(boolean scim, Optional<String> detail, Optional<ScimErrorType> scimType) {

    static Said parse(String body) {
      try {
        JsonNode json = body == null || body.isBlank() ? null : JSON.readTree(body);
        if (json == null || !json.isObject()) {
          return new Said(false, Optional.empty(), Optional.empty());
        }
        boolean scim = json.path("schemas").toString().contains(ERROR_SCHEMA);
        Optional<String> detail = text(json.path("detail")).or(() -> text(json.path("message")))
            .or(() -> text(json.path("error").path("message"))).or(() -> text(json.path("error")));
        Optional<ScimErrorType> type = text(json.path("scimType")).flatMap(wire -> Arrays.stream(ScimErrorType.values())
            .filter(known -> known.wireName().equalsIgnoreCase(wire)).findFirst());
        return new Said(scim, detail, type);
      } catch (IOException notJson) {
        return new Said(false, Optional.empty(), Optional.empty());
      }
    }

    private static Optional<String> text(JsonNode node) {
      return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
  }

  @Override
  public ScimFailure translate(UpstreamCall call, int status, String body, int attempts) {
    Said said = Said.parse(body);
    String words = PREFIX + said.detail().orElse("HTTP " + status + " without a SCIM error body");
    String tries = attempts > 1 ? " (" + attempts + " attempts)" : "";
    if (status == 401 || status == 403) {
      return ScimFailure.badGateway(words + " (HTTP " + status + " to " + call.method() + " " + pathTemplate(call)
          + ") The upstream refused the gateway's credential: check " + settings.auth().key()
          + " in the gateway's configuration and what it may do upstream.");
    }
    if (status == 404 && !said.scim()) {
      return ScimFailure.badGateway(words + " (HTTP 404 to " + call.method() + " " + pathTemplate(call)
          + "): no such endpoint upstream; check " + tenantKey + ".baseUrl.");
    }
    if (status >= 500 || status < 400) {
      return ScimFailure.badGateway("The upstream failed on " + call.method() + " " + pathTemplate(call) + " with HTTP "
          + status + (said.detail().isPresent() ? ": " + said.detail().get() : "") + tries + ".");
    }
    return new ScimFailure(status, said.scimType().orElse(null), words);
  }

  @Override
  public ScimFailure connectionFailure(UpstreamCall call, Throwable failure, int attempts) {
    String what = failure instanceof TimeoutException
        ? "no answer within " + settings.requestTimeout().toMillis() + " ms"
        : failure.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    return ScimFailure.badGateway("The upstream at " + settings.baseUrl().getHost() + " did not answer " + call.method()
        + " " + pathTemplate(call) + " (" + what + (attempts > 1 ? ", " + attempts + " attempts" : "") + ").");
  }

  @Override
  public ScimFailure rateLimited(UpstreamCall call, String body, int retryAfterSeconds) {
    return ScimFailure.tooManyRequests(PREFIX + Said.parse(body).detail().orElse("HTTP 429") + " (the upstream's rate"
        + " limit; another client shares it, or " + tenantKey + ".rateLimit is above it.) Retry in " + retryAfterSeconds
        + " s.", retryAfterSeconds);
  }

  @Override
  public ScimFailure budgetExceeded(UpstreamCall call, RequestBudget.BudgetExceededException refusal) {
    int seconds = refusal.retryAfterSeconds();
    return ScimFailure.tooManyRequests("The gateway is holding requests to stay within the upstream's request budget ("
        + tenantKey + ".rateLimit): " + refusal.getMessage() + ". Retry in " + seconds + " s.", seconds);
  }

  @Override
  public String pathTemplate(UpstreamCall call) {
    String path = call.path();
    int second = path.indexOf('/', 1);
    return path.startsWith("/") && second > 1 && second < path.length() - 1 ? path.substring(0, second) + "/{id}" : path;
  }
}
