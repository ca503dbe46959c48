package dev.scimgateway.core.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.messages.ListResponse;
import dev.scimgateway.adapter.api.ResourcePage;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.core.observability.RequestLogHandler;
import dev.scimgateway.core.operation.ResourceOperations;
import dev.scimgateway.core.operation.TenantRequest;
import dev.scimgateway.core.protocol.AttributeProjection;
import dev.scimgateway.core.protocol.ListRequest;
import dev.scimgateway.core.protocol.ScimJson;
import dev.scimgateway.core.protocol.ScimMediaType;
import dev.scimgateway.core.resource.ResourceDefinition;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The HTTP side of one resource type's endpoint: maps each request to its {@link ResourceOperations}
 * call and the outcome to the SCIM response.
 */
final class ResourceEndpoint implements Handler<RoutingContext> {

  private final ResourceOperations operations;
  private final ResourceDefinition type;

  ResourceEndpoint(ResourceOperations operations) {
    this.operations = operations;
    this.type = operations.type();
  }

  /** The type's collection (list, create) and its items (get, replace, patch, delete); any other method is 405. */
  @Override
  public void handle(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    if (ctx.pathParam("id") == null) {
      if (method == HttpMethod.GET) {
        list(ctx);
      } else if (method == HttpMethod.POST) {
        create(ctx);
      } else {
        ctx.fail(405);
      }
    } else if (method == HttpMethod.GET) {
      get(ctx);
    } else if (method == HttpMethod.PUT) {
      replace(ctx);
    } else if (method == HttpMethod.PATCH) {
      patch(ctx);
    } else if (method == HttpMethod.DELETE) {
      delete(ctx);
    } else {
      ctx.fail(405);
    }
  }

  private void create(RoutingContext ctx) {
    answer(ctx, operations.create(request(ctx), body(ctx)), created -> ScimResponses.resource(ctx, 201, type, created));
  }

  private void get(RoutingContext ctx) {
    answer(ctx, operations.get(request(ctx), ctx.pathParam("id"), projection(ctx).selection()),
        resource -> ScimResponses.resource(ctx, 200, type, resource));
  }

  private void list(RoutingContext ctx) {
    AttributeProjection projection = projection(ctx);
    answer(ctx, operations.list(request(ctx), ListRequest.fromQuery(ctx.queryParams(), operations.bounds()), projection.selection()),
        page -> ScimResponses.json(ctx, 200, listResponse(ctx, projection, page)));
  }

  private void replace(RoutingContext ctx) {
    answer(ctx, operations.replace(request(ctx), ctx.pathParam("id"), body(ctx)),
        replaced -> ScimResponses.resource(ctx, 200, type, replaced));
  }

  private void patch(RoutingContext ctx) {
    answer(ctx, operations.patch(request(ctx), ctx.pathParam("id"), body(ctx)),
        modified -> ScimResponses.resource(ctx, 200, type, modified));
  }

  private void delete(RoutingContext ctx) {
    answer(ctx, operations.delete(request(ctx), ctx.pathParam("id")), ignored -> ScimResponses.noContent(ctx));
  }

  /**
   * Answers with {@code respond} once {@code outcome} succeeds, or with its failure; a failure while
   * responding is answered too, never lost in a listener.
   */
  private static <T> void answer(RoutingContext ctx, Future<T> outcome, Consumer<T> respond) {
    outcome.onComplete(result -> {
      if (result.failed()) {
        ctx.fail(result.cause());
        return;
      }
      try {
        respond.accept(result.result());
      } catch (RuntimeException e) {
        ctx.fail(e);
      }
    });
  }

  private static TenantRequest request(RoutingContext ctx) {
    return new TenantRequest(TenantAuthHandler.tenant(ctx), RequestLogHandler.requestId(ctx));
  }

  private AttributeProjection projection(RoutingContext ctx) {
    return AttributeProjection.fromQuery(ctx.queryParams(), type.neverReturned());
  }

  /** The body as a JSON object; a body declared as anything but JSON is a 415. */
  private static ObjectNode body(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
      throw ScimFailure.unsupportedMediaType("The body must be " + ScimMediaType.SCIM_JSON + " or " + ScimMediaType.JSON
          + ", not " + contentType + ".");
    }
    return ScimJson.parseObject(ctx.body().buffer() == null ? null : ctx.body().buffer().getBytes());
  }

  private ListResponse<ObjectNode> listResponse(RoutingContext ctx, AttributeProjection projection, ResourcePage page) {
    String baseUrl = ScimResponses.baseUrl(ctx);
    List<ObjectNode> resources = page.resources().stream()
        .map(resource -> ScimResponses.projected(type, projection, ScimResponses.decorate(baseUrl, type.type(), resource)))
        .toList();
    return new ListResponse<>(page.totalResults(), resources, page.startIndex(), resources.size());
  }
}
