package dev.scimgateway.scimsimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The HTTP side: every SCIM request is recorded and goes through canned answers → token → budget → the API. */
final class ScimRoutes {

  static final String PREFIX = "/scim/v2";

  private final Vertx vertx;
  private final ScimSimulatorOptions options;
  private final Map<String, ResourceStore> stores;
  private final ScimSimulator simulator;
  private final Supplier<String> baseUrl;

  ScimRoutes(Vertx vertx, ScimSimulator simulator, Map<String, ResourceStore> stores, Supplier<String> baseUrl) {
    this.vertx = vertx;
    this.simulator = simulator;
    this.options = simulator.options();
    this.stores = stores;
    this.baseUrl = baseUrl;
  }

  Router router() {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
    router.route().handler(this::handle);
    return router;
  }

  private void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String body = Objects.requireNonNullElse(ctx.body().asString(), "");
    String path = request.path().startsWith(PREFIX) ? request.path().substring(PREFIX.length()) : request.path();
    String query = request.query() == null ? "" : URLDecoder.decode(request.query(), StandardCharsets.UTF_8);
    Optional<CannedAnswer> canned = simulator.takeCannedAnswer();
    Answer answer;
    if (canned.isPresent()) {
      answer = new Answer(canned.get().status(), canned.get().contentType(), canned.get().body(), canned.get().headers());
    } else {
      answer = serve(request, path, body);
    }
    simulator.record(new ScimRequest(request.method().name(), path, query, body, answer.status()));
    var response = ctx.response().setStatusCode(answer.status());
    answer.headers().forEach(response::putHeader);
    if (answer.body() == null) {
      response.end();
    } else {
      response.putHeader("Content-Type", answer.contentType()).end(answer.body());
    }
  }

  private Answer serve(HttpServerRequest request, String path, String body) {
    String authorization = request.getHeader("Authorization");
    if (authorization == null || !authorization.equals("Bearer " + options.token())) {
      return error(new ScimProblem(401, null, "A valid bearer token is required."), Map.of("WWW-Authenticate", "Bearer"));
    }
    Optional<Integer> retryAfter = simulator.takeBudget();
    if (retryAfter.isPresent()) {
      return error(new ScimProblem(429, null, "Too many requests; retry later."),
          Map.of("Retry-After", String.valueOf(retryAfter.get())));
    }
    try {
      return api(request.method(), path.split("/", -1), request, body);
    } catch (ScimProblem problem) {
      return error(problem, Map.of());
    }
  }

  /** {@code segments} of e.g. {@code /Users/abc}: {@code ["", "Users", "abc"]}. */
  private Answer api(HttpMethod method, String[] segments, HttpServerRequest request, String body) {
    String first = segments.length > 1 ? segments[1] : "";
    Optional<String> id = segments.length == 3 && !segments[2].isEmpty() ? Optional.of(segments[2]) : Optional.empty();
    if (segments.length > 3) {
      throw ScimProblem.notFound("Endpoint");
    }
    if (List.of("ServiceProviderConfig", "ResourceTypes", "Schemas").contains(first)) {
      if (!options.discovery()) {
        throw ScimProblem.notFound("Endpoint /" + first);
      }
      requireMethod(method, HttpMethod.GET);
      return ok(200, discovery(first, id));
    }
    ResourceStore store = stores.get(first);
    if (store == null) {
      throw ScimProblem.notFound("Endpoint /" + first);
    }
    if (id.isEmpty()) {
      if (method.equals(HttpMethod.GET)) {
        return ok(200, list(store, request));
      }
      requireMethod(method, HttpMethod.POST);
      ObjectNode created = located(store, store.create(checkedMembers(ScimJson.parseObject(body))));
      return new Answer(201, ScimJson.CONTENT_TYPE, created.toString(),
          Map.of("Location", created.path("meta").path("location").asText()));
    }
    String resourceId = id.get();
    if (method.equals(HttpMethod.GET)) {
      return ok(200, shown(store, store.get(resourceId), request));
    }
    if (method.equals(HttpMethod.PUT)) {
      return ok(200, located(store, store.replace(resourceId, checkedMembers(ScimJson.parseObject(body)))));
    }
    if (method.equals(HttpMethod.PATCH) && options.patch()) {
      return ok(200, located(store, store.patch(resourceId, ScimJson.parseObject(body))));
    }
    requireMethod(method, HttpMethod.DELETE);
    store.delete(resourceId);
    stores.values().forEach(other -> other.dropMember(resourceId));
    return new Answer(204, null, null, Map.of());
  }

  private ObjectNode discovery(String document, Optional<String> id) {
    if (document.equals("ServiceProviderConfig")) {
      return Discovery.serviceProviderConfig(options.patch());
    }
    boolean types = document.equals("ResourceTypes");
    List<ObjectNode> all = stores.values().stream()
        .flatMap(store -> types ? Stream.of(Discovery.resourceType(store.kind())) : Discovery.schemas(store.kind()).stream())
        .toList();
    if (id.isEmpty()) {
      return Discovery.list(all);
    }
    return all.stream().filter(doc -> doc.path("id").asText().equals(id.get())).findFirst()
        .orElseThrow(() -> ScimProblem.notFound(document + " " + id.get()));
  }

  private ObjectNode list(ResourceStore store, HttpServerRequest request) {
    Filter filter = null;
    String text = request.getParam("filter");
    if (text != null) {
      try {
        filter = Filter.fromString(text);
      } catch (ScimException e) {
        throw new ScimProblem(400, "invalidFilter", "Invalid filter '" + text + "': " + e.getMessage());
      }
    }
    int startIndex = Math.max(1, number(request, "startIndex", 1));
    int count = Math.min(Discovery.MAX_RESULTS, Math.max(0, number(request, "count", Discovery.MAX_RESULTS)));
    List<ObjectNode> found = store.find(filter);
    List<ObjectNode> page = found.subList(Math.min(found.size(), startIndex - 1),
        Math.min(found.size(), startIndex - 1 + count));
    ObjectNode list = ScimJson.object();
    list.putArray("schemas").add(ScimJson.LIST_SCHEMA);
    list.put("totalResults", found.size()).put("startIndex", startIndex).put("itemsPerPage", page.size());
    page.forEach(resource -> list.withArray("Resources").add(shown(store, resource, request)));
    list.withArray("Resources");
    return list;
  }

  /** The resource with its location, without the top-level attributes named in {@code excludedAttributes} (any case). */
  private ObjectNode shown(ResourceStore store, ObjectNode resource, HttpServerRequest request) {
    ObjectNode shown = located(store, resource);
    String excluded = request.getParam("excludedAttributes");
    if (excluded != null) {
      List<String> names = List.of(excluded.trim().toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
      List<String> left = new ArrayList<>();
      shown.fieldNames().forEachRemaining(name -> {
        if (names.contains(name.toLowerCase(Locale.ROOT)) && !name.equals("id") && !name.equals("schemas")) {
          left.add(name);
        }
      });
      shown.remove(left);
    }
    return shown;
  }

  /** A group's members must be resources the simulator has (400 invalidValue otherwise). */
  private ObjectNode checkedMembers(ObjectNode resource) {
    for (JsonNode member : resource.path("members")) {
      String value = member.path("value").asText();
      if (stores.values().stream().noneMatch(store -> store.contains(value))) {
        throw new ScimProblem(400, "invalidValue", "The member '" + value + "' is not a known resource.");
      }
    }
    return resource;
  }

  private ObjectNode located(ResourceStore store, ObjectNode resource) {
    ((ObjectNode) resource.get("meta")).put("location",
        baseUrl.get() + "/" + store.kind().endpoint() + "/" + resource.path("id").asText());
    return resource;
  }

  private static int number(HttpServerRequest request, String name, int defaultValue) {
    String value = request.getParam(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new ScimProblem(400, "invalidValue", name + " must be a whole number, got '" + value + "'.");
    }
  }

  private static void requireMethod(HttpMethod method, HttpMethod expected) {
    if (!method.equals(expected)) {
      throw new ScimProblem(405, null, "Method " + method + " is not allowed here.");
    }
  }

  private static Answer ok(int status, ObjectNode body) {
    return new Answer(status, ScimJson.CONTENT_TYPE, body.toString(), Map.of());
  }

  private static Answer error(ScimProblem problem, Map<String, String> headers) {
    return new Answer(problem.status, ScimJson.CONTENT_TYPE,
        ScimJson.error(problem.status, problem.scimType, problem.getMessage()).toString(), headers);
  }

  private record Answer(int status, String contentType, String body, Map<String, String> headers) {}
}
