package dev.scimgateway.simulator;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Unauthenticated control endpoints for out-of-process use (the simulator binds to loopback by default):
 * <ul>
 *   <li>{@code GET /_simulator/users}: the stored users, as GET /Users/{id} returns them</li>
 *   <li>{@code GET /_simulator/groups}: the stored groups, as GET /Groups/{id} returns them</li>
 *   <li>{@code GET /_simulator/requests}, {@code DELETE /_simulator/requests}: the recorded SCIM requests</li>
 *   <li>{@code GET /_simulator/stats}: rate-limit counters and the number of pending faults</li>
 *   <li>{@code POST /_simulator/faults} (see {@link FaultJson}), {@code DELETE /_simulator/faults}</li>
 *   <li>{@code POST /_simulator/reset}</li>
 * </ul>
 */
final class ControlRoutes {

  static final String PREFIX = "/_simulator";

  private final PostmanSimulator simulator;

  ControlRoutes(PostmanSimulator simulator) {
    this.simulator = simulator;
  }

  void mount(Router router) {
    router.get(PREFIX + "/users").handler(ctx -> json(ctx, 200, new JsonArray(simulator.users()).encode()));
    router.get(PREFIX + "/groups").handler(ctx -> json(ctx, 200, new JsonArray(simulator.groups()).encode()));
    router.get(PREFIX + "/requests").handler(ctx -> {
      JsonArray requests = new JsonArray();
      simulator.requests().forEach(r -> requests.add(r.toJson()));
      json(ctx, 200, requests.encode());
    });
    router.delete(PREFIX + "/requests").handler(ctx -> {
      simulator.clearRequests();
      noContent(ctx);
    });
    router.get(PREFIX + "/stats").handler(ctx -> json(ctx, 200, new JsonObject()
        .put("rateLimitedCount", simulator.rateLimitedCount())
        .put("maxWritesInAnyWindow", simulator.maxRequestsInAnyWindow(true))
        .put("maxReadsInAnyWindow", simulator.maxRequestsInAnyWindow(false))
        .put("pendingFaults", simulator.pendingFaults())
        .encode()));
    router.post(PREFIX + "/faults").handler(this::injectFault);
    router.delete(PREFIX + "/faults").handler(ctx -> {
      simulator.clearFaults();
      noContent(ctx);
    });
    router.post(PREFIX + "/reset").handler(ctx -> {
      simulator.reset();
      noContent(ctx);
    });
  }

  private void injectFault(RoutingContext ctx) {
    Fault fault;
    try {
      fault = FaultJson.parse(ctx.body().asJsonObject());
    } catch (DecodeException | IllegalArgumentException | ClassCastException | NullPointerException e) {
      json(ctx, 400, new JsonObject().put("error", String.valueOf(e.getMessage())).encode());
      return;
    }
    simulator.inject(fault);
    noContent(ctx);
  }

  private static void json(RoutingContext ctx, int status, String body) {
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, ScimResponse.JSON).end(body);
  }

  private static void noContent(RoutingContext ctx) {
    ctx.response().setStatusCode(204).end();
  }
}
