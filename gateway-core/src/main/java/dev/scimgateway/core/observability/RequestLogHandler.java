package dev.scimgateway.core.observability;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * First handler of every request: takes the request id from {@code X-Request-Id} (or makes one) and
 * echoes it, then, when the response ends, writes one request line and records the request metrics.
 * Nothing from the request's headers or body is logged.
 */
public final class RequestLogHandler implements Handler<RoutingContext> {

  public static final String REQUEST_ID_HEADER = "X-Request-Id";
  private static final String RECORD_KEY = "scim-gateway.request";
  private static final int MAX_REQUEST_ID_LENGTH = 128;

  private final Observability observability;
  private final Predicate<String> knownTenant;
  private final Function<String, Optional<String>> knownResource;

  /**
   * @param knownTenant whether a path segment names a tenant, so that unknown names are not metric labels
   * @param knownResource the endpoint a path segment below a tenant names, as its label, e.g. {@code Users}
   *     for {@code users}; empty for any other segment
   */
  public RequestLogHandler(Observability observability, Predicate<String> knownTenant,
      Function<String, Optional<String>> knownResource) {
    this.observability = observability;
    this.knownTenant = knownTenant;
    this.knownResource = knownResource;
  }

  /** The request id of the request being served. */
  public static String requestId(RoutingContext ctx) {
    RequestRecord record = ctx.get(RECORD_KEY);
    return record == null ? null : record.requestId();
  }

  @Override
  public void handle(RoutingContext ctx) {
    String offered = ctx.request().getHeader(REQUEST_ID_HEADER);
    String requestId = isSafeRequestId(offered) ? offered : newRequestId();
    RequestRecord record = new RequestRecord(requestId);
    ctx.put(RECORD_KEY, record);
    ctx.response().putHeader(REQUEST_ID_HEADER, requestId);
    var context = Vertx.currentContext();
    RequestScope.begin(context, ctx, record);
    ctx.addEndHandler(ended -> {
      RequestScope.end(context);
      finish(ctx, record);
    });
    ctx.next();
  }

  private void finish(RoutingContext ctx, RequestRecord record) {
    Duration latency = Duration.ofNanos(System.nanoTime() - record.startNanos());
    String path = ctx.request().path();
    ScimPathLabels labels = ScimPathLabels.of(path);
    boolean scim = labels != null;
    String tenant = !scim ? "-" : knownTenant.test(labels.tenant()) ? labels.tenant() : "unknown";
    String resource = !scim ? path
        : labels.resource() != null ? knownResource.apply(labels.resource()).orElse("other") : "other";
    String operation = operation(ctx.request().method(), scim && labels.item());
    int status = ctx.response().getStatusCode();
    if (scim) {
      observability.metrics().idpRequest(tenant, resource, operation, status, latency);
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("requestId", record.requestId());
    line.put("tenant", tenant);
    line.put("operation", operation);
    line.put("resource", resource);
    line.put("method", ctx.request().method().name());
    line.put("status", status);
    line.put("latencyMs", Math.round(latency.toNanos() / 10_000.0) / 100.0);
    line.put("upstreamCalls", record.upstreamCalls());
    observability.log().write(LineKind.REQUEST, line);
  }

  /** Whether an offered id is a plain token, {@code [A-Za-z0-9._:-]{1,128}}, checked without a regex per request. */
  static boolean isSafeRequestId(String offered) {
    if (offered == null || offered.isEmpty() || offered.length() > MAX_REQUEST_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < offered.length(); i++) {
      char c = offered.charAt(i);
      boolean safe = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || c == '.' || c == '_' || c == ':' || c == '-';
      if (!safe) {
        return false;
      }
    }
    return true;
  }

  /**
   * A random (version 4) UUID from {@link ThreadLocalRandom}: a request id only correlates lines, and
   * {@link UUID#randomUUID()} draws from a shared, synchronized {@code SecureRandom} on every request.
   */
  static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
    return new UUID(high, low).toString();
  }

  private static String operation(HttpMethod method, boolean hasId) {
    if (method.equals(HttpMethod.GET)) {
      return hasId ? "get" : "list";
    }
    if (method.equals(HttpMethod.POST)) {
      return "create";
    }
    if (method.equals(HttpMethod.PUT)) {
      return "replace";
    }
    if (method.equals(HttpMethod.PATCH)) {
      return "patch";
    }
    if (method.equals(HttpMethod.DELETE)) {
      return "delete";
    }
    return "other";
  }
}
