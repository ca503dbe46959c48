package dev.scimgateway.postman.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimgateway.adapter.api.ScimException;
import dev.scimgateway.postman.PostmanSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sends {@link UpstreamCall}s to one Postman team over a pooled connection, inside the team's request
 * budget, and returns the JSON of successful answers. Every failure, whatever Postman or the network
 * did, becomes a {@link ScimException} through {@link PostmanErrorTranslator}.
 */
public final class PostmanClient {

  /** How long a request may wait for the budget before the IdP is told to retry. */
  static final Duration MAX_BUDGET_WAIT = Duration.ofSeconds(25);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx;
  private final PostmanSettings settings;
  private final WebClient client;
  private final RequestBudget budget;
  private final PostmanErrorTranslator errors;

  public PostmanClient(Vertx vertx, String tenant, PostmanSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.client = WebClient.create(vertx,
        new WebClientOptions()
            .setUserAgent("scim-gateway")
            .setFollowRedirects(false)
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.requestTimeout().toMillis())),
        new PoolOptions().setHttp1MaxSize(16));
    this.budget = new RequestBudget(settings.rateLimitRequests(), settings.rateLimitWindow(), MAX_BUDGET_WAIT);
    this.errors = new PostmanErrorTranslator(tenant);
  }

  /** Sends the call when the budget allows; a 2xx answer's JSON body, or a failed future. */
  public Future<JsonNode> call(UpstreamCall call) {
    return awaitBudget()
        .compose(ready -> call.body() == null
            ? request(call).send()
            : request(call).sendBuffer(Buffer.buffer(write(call.body()))))
        .recover(failure -> Future.failedFuture(failure instanceof ScimException ? failure : errors.connectionFailure(call, failure, settings)))
        .compose(response -> response.statusCode() / 100 == 2
            ? Future.succeededFuture(json(response))
            : Future.failedFuture(errors.translate(call, response.statusCode(), response.bodyAsString())));
  }

  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }

  private Future<Void> awaitBudget() {
    long wait = budget.reserve(System.nanoTime());
    if (wait < 0) {
      long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(-wait) + 1);
      return Future.failedFuture(ScimException.tooManyRequests(
          "The gateway is at Postman's request budget for this team; retry in " + seconds + " s.", (int) seconds));
    }
    return wait == 0 ? Future.succeededFuture() : vertx.timer(wait, TimeUnit.NANOSECONDS);
  }

  private HttpRequest<Buffer> request(UpstreamCall call) {
    HttpRequest<Buffer> request = client.requestAbs(call.method(), settings.base() + call.path())
        .putHeader(HttpHeaders.AUTHORIZATION.toString(), settings.apiKey())
        .putHeader(HttpHeaders.ACCEPT.toString(), "application/json")
        .timeout(settings.requestTimeout().toMillis());
    if (call.body() != null) {
      request.putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json");
    }
    call.query().forEach(request::addQueryParam);
    return request;
  }

  private JsonNode json(HttpResponse<Buffer> response) {
    Buffer body = response.body();
    if (body == null || body.length() == 0) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body.getBytes());
    } catch (IOException e) {
      throw ScimException.badGateway("Postman answered " + response.statusCode() + " with a body that is not JSON.");
    }
  }

  private static byte[] write(JsonNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialize a JSON tree", e);
    }
  }
}
