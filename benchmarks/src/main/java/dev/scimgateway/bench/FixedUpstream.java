package dev.scimgateway.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An upstream that answers Postman's SCIM shapes at once, with no budget, no store and no checks, so that
 * what the overhead benchmark measures is the path in front of it (direct, nginx, gateway), not Postman:
 * <ul>
 *   <li>{@code GET /scim/v2/Users/{id}}: 200, a user with that id;</li>
 *   <li>{@code POST /scim/v2/Users}: 201, the posted user with a fresh id;</li>
 *   <li>{@code PUT|PATCH /scim/v2/Users/{id}}: 200, a user with that id;</li>
 *   <li>{@code GET /scim/v2/Users?filter=userName eq "x"}: a ListResponse with that user;</li>
 *   <li>{@code GET /scim/v2/Users?startIndex=&count=}: a page of a synthetic team of {@code --users} users
 *       (user {@code i}: id {@code 0…0<hex i>}, {@code user<i>@example.com}, externalId {@code ext-<i>}),
 *       for the id cache warm-up of the footprint benchmark.</li>
 * </ul>
 * Binds 127.0.0.1 only, one server instance per core.
 */
public final class FixedUpstream extends VerticleBase {

  private static final String USERS = "/scim/v2/Users";
  private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String META = ",\"meta\":{\"resourceType\":\"User\",\"created\":\"2021-02-22T04:24:13.000Z\","
      + "\"lastModified\":\"2021-02-22T04:24:13.000Z\"}}";
  private static final AtomicLong FRESH = new AtomicLong(1L << 40);

  private final int port;
  private final int users;

  private FixedUpstream(int port, int users) {
    this.port = port;
    this.users = users;
  }

  /** {@code upstream --port P [--users N]}: runs until killed. */
  static void main(int port, int users) {
    Vertx vertx = Vertx.vertx();
    int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
    vertx.deployVerticle(() -> new FixedUpstream(port, users), new DeploymentOptions().setInstances(instances))
        .onSuccess(id -> System.out.println("fixed upstream on http://" + Net.HOST + ":" + port + USERS + " (" + users
            + " synthetic users, " + instances + " instances)"))
        .onFailure(failure -> {
          System.err.println("cannot start the fixed upstream: " + failure);
          System.exit(1);
        });
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer().requestHandler(this::handle).listen(port, Net.HOST);
  }

  static String id(long i) {
    return "00000000000000000000000000000000" + HexFormat.of().toHexDigits(i);
  }

  private static String user(String id, String userName, String givenName, String familyName, String externalId,
      boolean active) {
    StringBuilder json = new StringBuilder(320)
        .append("{\"schemas\":[\"").append(USER_SCHEMA).append("\"],\"id\":\"").append(id)
        .append("\",\"userName\":").append(quote(userName))
        .append(",\"name\":{\"givenName\":").append(quote(givenName))
        .append(",\"familyName\":").append(quote(familyName)).append('}');
    if (externalId != null) {
      json.append(",\"externalId\":").append(quote(externalId));
    }
    return json.append(",\"active\":").append(active).append(META).toString();
  }

  private static String synthetic(long i) {
    return user(id(i), "user" + i + "@example.com", "User", "Number" + i, "ext-" + i, true);
  }

  private static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder quoted = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }

  private void handle(HttpServerRequest request) {
    String path = request.path();
    HttpMethod method = request.method();
    if (path.equals(USERS)) {
      if (method == HttpMethod.GET) {
        list(request);
      } else if (method == HttpMethod.POST) {
        request.body().onSuccess(body -> {
          JsonObject posted = parse(body);
          JsonObject name = posted.getJsonObject("name", new JsonObject());
          answer(request, 201, user(id(FRESH.incrementAndGet()), posted.getString("userName", "new@example.com"),
              name.getString("givenName", "New"), name.getString("familyName", "User"), posted.getString("externalId"),
              posted.getBoolean("active", true)));
        });
      } else {
        answer(request, 404, "{\"error\":{\"name\":\"NotFound\",\"message\":\"We can't seem to find what you are looking for.\"},\"status\":\"error\"}");
      }
      return;
    }
    if (path.startsWith(USERS + "/") && path.length() > USERS.length() + 1) {
      String id = path.substring(USERS.length() + 1);
      if (method == HttpMethod.GET) {
        answer(request, 200, user(id, "bench.user@example.com", "Bench", "User", "bench-1", true));
      } else if (method == HttpMethod.PUT || method == HttpMethod.PATCH) {
        request.body().onSuccess(body -> answer(request, 200, user(id, "bench.user@example.com", "Bench", "User", "bench-1",
            !body.toString().contains("\"active\":false"))));
      } else {
        answer(request, 404, "{\"error\":{\"name\":\"NotFound\",\"message\":\"We can't seem to find what you are looking for.\"},\"status\":\"error\"}");
      }
      return;
    }
    answer(request, 404, "{\"error\":{\"name\":\"NotFound\",\"message\":\"We can't seem to find what you are looking for.\"},\"status\":\"error\"}");
  }

  private void list(HttpServerRequest request) {
    String filter = request.getParam("filter");
    StringBuilder json = new StringBuilder("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],");
    if (filter != null) {
      int open = filter.indexOf('"');
      int close = filter.lastIndexOf('"');
      String userName = open >= 0 && close > open ? filter.substring(open + 1, close) : "bench.user@example.com";
      json.append("\"totalResults\":1,\"startIndex\":1,\"itemsPerPage\":1,\"Resources\":[")
          .append(user(id(Math.abs((long) userName.hashCode())), userName, "Bench", "User", "bench-1", true)).append("]}");
      answer(request, 200, json.toString());
      return;
    }
    int startIndex = Math.max(1, intParam(request, "startIndex", 1));
    int count = Math.min(100, Math.max(0, intParam(request, "count", 100)));
    int from = Math.min(users, startIndex - 1);
    int to = Math.min(users, from + count);
    json.append("\"totalResults\":").append(users).append(",\"startIndex\":").append(startIndex)
        .append(",\"itemsPerPage\":").append(to - from).append(",\"Resources\":[");
    for (int i = from; i < to; i++) {
      if (i > from) {
        json.append(',');
      }
      json.append(synthetic(i));
    }
    answer(request, 200, json.append("]}").toString());
  }

  private static int intParam(HttpServerRequest request, String name, int otherwise) {
    try {
      String value = request.getParam(name);
      return value == null ? otherwise : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static JsonObject parse(Buffer body) {
    try {
      return body == null || body.length() == 0 ? new JsonObject() : body.toJsonObject();
    } catch (RuntimeException e) {
      return new JsonObject();
    }
  }

  private static void answer(HttpServerRequest request, int status, String json) {
    request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json);
  }
}
