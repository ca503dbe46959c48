package dev.scimgateway.simulator;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP side: every request outside the control endpoints is recorded and goes through
 * faults → authentication → budget → {@link ScimApi}.
 */
final class SimulatorRoutes {

  static final String SCIM_PREFIX = "/scim/v2";
  private static final long BODY_LIMIT = 1024 * 1024;

  private final Vertx vertx;
  private final ApiKeyCheck keyCheck;
  private final RequestBudget budget;
  private final FaultQueue faults;
  private final RequestLog log;
  private final ScimApi api;

  SimulatorRoutes(Vertx vertx, ApiKeyCheck keyCheck, RequestBudget budget, FaultQueue faults, RequestLog log,
                  ScimApi api) {
    this.vertx = vertx;
    this.keyCheck = keyCheck;
    this.budget = budget;
    this.faults = faults;
    this.log = log;
    this.api = api;
  }

  Router router(ControlRoutes control) {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    control.mount(router);
    router.route().handler(this::handle);
    return router;
  }

  private void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String path = request.path();
    if (path.startsWith(ControlRoutes.PREFIX + "/")) {
      write(ctx, ScimResponse.notFound());
      return;
    }
    Exchange exchange = new Exchange(ctx, log.arrive(), Objects.requireNonNullElse(ctx.body().asString(), ""));
    if (!path.equals(SCIM_PREFIX) && !path.startsWith(SCIM_PREFIX + "/")) {
      exchange.answer(ScimResponse.notFound());
      return;
    }
    String scimPath = path.substring(SCIM_PREFIX.length());
    Optional<FaultAction> fault = faults.take(exchange.method(), scimPath);
    if (fault.isEmpty()) {
      exchange.answer(process(exchange, scimPath));
      return;
    }
    FaultAction action = fault.get();
    if (action instanceof FaultAction.Respond respond) {
      exchange.answer(ScimResponse.error(respond.error()));
    } else if (action instanceof FaultAction.RespondRaw raw) {
      exchange.answer(new ScimResponse(raw.status(), raw.contentType(), Objects.requireNonNullElse(raw.body(), "")));
    } else if (action instanceof FaultAction.Delay delay) {
      vertx.timer(Math.max(1, delay.delay().toMillis()))
          .onComplete(done -> exchange.answer(process(exchange, scimPath)));
    } else if (action instanceof FaultAction.StallBody stall) {
      exchange.answerStalled(process(exchange, scimPath), stall.stall());
    } else if (action instanceof FaultAction.DropResponseAfterApplying) {
      process(exchange, scimPath);
      exchange.drop();
    } else if (action instanceof FaultAction.DropConnection) {
      exchange.drop();
    } else {
      throw new IllegalStateException("unknown fault action " + action);
    }
  }

  /** Normal handling: authentication first, then the budget (only authenticated requests count), then the API. */
  private ScimResponse process(Exchange exchange, String scimPath) {
    HttpServerRequest request = exchange.ctx().request();
    if (!keyCheck.accepts(request.getHeader(HttpHeaders.AUTHORIZATION))) {
      return ScimApi.unauthorized(scimPath);
    }
    boolean write = RequestBudget.isWrite(exchange.method());
    if (!budget.tryAcquire(write)) {
      return ScimResponse.json(429, PostmanError.rateLimitedBody(budget.limit(write)));
    }
    MultiMap params;
    try {
      params = exchange.ctx().queryParams();
    } catch (IllegalArgumentException malformedQuery) {
      return ScimResponse.error(PostmanError.UNSUPPORTED_FILTER);
    }
    return api.handle(new ScimRequest(exchange.method(), scimPath, params,
        request.getHeader(HttpHeaders.CONTENT_TYPE), exchange.body()));
  }

  private static void write(RoutingContext ctx, ScimResponse response) {
    HttpServerResponse http = ctx.response();
    if (http.closed() || http.ended()) {
      return;
    }
    head(http, response).end(response.body());
  }

  /** The response's status and content type set. */
  private static HttpServerResponse head(HttpServerResponse http, ScimResponse response) {
    http.setStatusCode(response.status());
    if (response.contentType() != null) {
      http.putHeader(HttpHeaders.CONTENT_TYPE, response.contentType());
    }
    return http;
  }

  /** One recorded request on its way to an answer. */
  private final class Exchange {
    private final RoutingContext ctx;
    private final long ticket;
    private final String body;

    Exchange(RoutingContext ctx, long ticket, String body) {
      this.ctx = ctx;
      this.ticket = ticket;
      this.body = body;
    }

    RoutingContext ctx() {
      return ctx;
    }

    String method() {
      return ctx.request().method().name();
    }

    String body() {
      return body;
    }

    void answer(ScimResponse response) {
      record(response.status());
      write(ctx, response);
    }

    /** The answer's head and first byte now, the rest of its body after {@code stall}. */
    void answerStalled(ScimResponse response, Duration stall) {
      record(response.status());
      HttpServerResponse http = ctx.response();
      Buffer body = Buffer.buffer(response.body());
      head(http, response).putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length()));
      http.write(body.getBuffer(0, Math.min(1, body.length())));
      vertx.timer(Math.max(1, stall.toMillis())).onComplete(done -> {
        if (!http.closed() && !http.ended()) {
          http.end(body.getBuffer(Math.min(1, body.length()), body.length()));
        }
      });
    }

    void drop() {
      record(0);
      ctx.request().connection().close();
    }

    private void record(int status) {
      HttpServerRequest request = ctx.request();
      log.complete(ticket, new RecordedRequest(method(), request.path(), request.query(), body, status));
    }
  }
}
