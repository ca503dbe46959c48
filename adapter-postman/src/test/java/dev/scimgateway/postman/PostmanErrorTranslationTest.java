package dev.scimgateway.postman;

import static dev.scimgateway.postman.PostmanTestSupport.API_KEY;
import static dev.scimgateway.postman.PostmanTestSupport.failure;
import static dev.scimgateway.postman.PostmanTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ListFilter;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.simulator.Fault;
import dev.scimgateway.simulator.FaultAction;
import dev.scimgateway.simulator.PostmanError;
import io.vertx.core.Future;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error Postman documents, and answers that are not SCIM errors at all, injected into the real
 * simulator: what the adapter's provider fails with.
 */
class PostmanErrorTranslationTest {

  private static final String USER = "{\"userName\":\"jane@example.com\",\"name\":{\"givenName\":\"Jane\",\"familyName\":\"Doe\"},\"active\":true}";

  /** The provider call that meets the fault, with the method and path it sends. */
  enum Call {
    LIST("GET", "/Users", users -> users.list(new ListQuery(Optional.empty(), 1, 100))),
    LIST_FILTERED("GET", "/Users", users -> users.list(new ListQuery(Optional.of(ListFilter.equality("userName", "jane@example.com", false)), 1, 100))),
    GET("GET", "/Users/.+", users -> users.get("u-404")),
    CREATE("POST", "/Users", users -> users.create(json(USER))),
    REPLACE("PUT", "/Users/.+", users -> users.replace("u-1", json(USER))),
    MODIFY_ACTIVE("PATCH", "/Users/.+", users -> users.modify("u-1", PostmanTestSupport.change(json(USER), json(USER.replace("true", "false"))))),
    DELETE("PATCH", "/Users/.+", users -> users.delete("u-1"));

    final String method;
    final String pathRegex;
    final Function<ResourceProvider, Future<?>> invoke;

    Call(String method, String pathRegex, Function<ResourceProvider, Future<?>> invoke) {
      this.method = method;
      this.pathRegex = pathRegex;
      this.invoke = invoke;
    }
  }

  /** How the detail must read. */
  enum Detail {
    /** "Postman: " and Postman's own words. */
    POSTMANS_WORDS,
    /** Postman's words, but 502: the tenant's upstream credentials are the problem, never the IdP's. */
    CREDENTIALS,
    /** 502 naming the call and Postman's status, with Postman's words. */
    SERVER_ERROR
  }

  record Expected(Call call, int status, ScimErrorType scimType, Detail detail) {}

  /** Attempts per call with the default {@code retry.maxAttempts}. */
  private static final int ATTEMPTS = 3;

  private static final Map<PostmanError, Expected> EXPECTED = new EnumMap<>(PostmanError.class);

  static {
    EXPECTED.put(PostmanError.BAD_KEY, new Expected(Call.LIST, 502, null, Detail.CREDENTIALS));
    EXPECTED.put(PostmanError.ADMIN_GONE, new Expected(Call.CREATE, 502, null, Detail.CREDENTIALS));
    EXPECTED.put(PostmanError.ADMIN_NOT_ALLOWED, new Expected(Call.REPLACE, 502, null, Detail.CREDENTIALS));
    EXPECTED.put(PostmanError.NOT_MEMBER, new Expected(Call.GET, 404, null, Detail.POSTMANS_WORDS));
    EXPECTED.put(PostmanError.NOT_MEMBER_FORBIDDEN, new Expected(Call.DELETE, 404, null, Detail.POSTMANS_WORDS));
    // The group 404s, met on user calls (group calls: PostmanGroupErrorsTest).
    EXPECTED.put(PostmanError.GROUP_NOT_MEMBER, new Expected(Call.GET, 404, null, Detail.POSTMANS_WORDS));
    EXPECTED.put(PostmanError.GROUP_NOT_MEMBER_ON_PATCH, new Expected(Call.MODIFY_ACTIVE, 404, null, Detail.POSTMANS_WORDS));
    EXPECTED.put(PostmanError.TEAM_GONE, new Expected(Call.CREATE, 400, null, Detail.POSTMANS_WORDS));
    EXPECTED.put(PostmanError.TEAM_DOESNT_EXIST, new Expected(Call.MODIFY_ACTIVE, 400, null, Detail.POSTMANS_WORDS));
    EXPECTED.put(PostmanError.NOT_ENTERPRISE, new Expected(Call.CREATE, 400, null, Detail.POSTMANS_WORDS));
    EXPECTED.put(PostmanError.NO_SLOTS, new Expected(Call.CREATE, 400, null, Detail.POSTMANS_WORDS));
    EXPECTED.put(PostmanError.INVALID_BODY, new Expected(Call.CREATE, 400, ScimErrorType.INVALID_SYNTAX, Detail.POSTMANS_WORDS));
    EXPECTED.put(PostmanError.UNSUPPORTED_FILTER, new Expected(Call.LIST_FILTERED, 400, ScimErrorType.INVALID_FILTER, Detail.POSTMANS_WORDS));
    EXPECTED.put(PostmanError.UNSUPPORTED_OPERATION, new Expected(Call.DELETE, 502, null, Detail.POSTMANS_WORDS));
    EXPECTED.put(PostmanError.USERNAME_NOT_UPDATABLE, new Expected(Call.REPLACE, 400, ScimErrorType.MUTABILITY, Detail.POSTMANS_WORDS));
    EXPECTED.put(PostmanError.USERNAME_INVALID_EMAIL, new Expected(Call.REPLACE, 400, ScimErrorType.INVALID_VALUE, Detail.POSTMANS_WORDS));
    EXPECTED.put(PostmanError.USERNAME_DOMAIN_UNVERIFIED, new Expected(Call.REPLACE, 400, ScimErrorType.MUTABILITY, Detail.POSTMANS_WORDS));
    EXPECTED.put(PostmanError.ALREADY_MEMBER, new Expected(Call.CREATE, 409, ScimErrorType.UNIQUENESS, Detail.POSTMANS_WORDS));
    EXPECTED.put(PostmanError.RATE_LIMITED_WRITES, new Expected(Call.CREATE, 429, null, Detail.POSTMANS_WORDS));
    EXPECTED.put(PostmanError.RATE_LIMITED_READS, new Expected(Call.LIST, 429, null, Detail.POSTMANS_WORDS));
    EXPECTED.put(PostmanError.FETCH_MEMBERS_FAILED, new Expected(Call.LIST, 502, null, Detail.SERVER_ERROR));
    EXPECTED.put(PostmanError.FETCH_MEMBER_FAILED, new Expected(Call.GET, 502, null, Detail.SERVER_ERROR));
    EXPECTED.put(PostmanError.ADD_MEMBER_FAILED, new Expected(Call.CREATE, 502, null, Detail.SERVER_ERROR));
    EXPECTED.put(PostmanError.UPDATE_MEMBER_FAILED, new Expected(Call.REPLACE, 502, null, Detail.SERVER_ERROR));
  }

  /**
   * Run with a gateway of their own: a 429 pauses the team's budget for the window (60 s here), which
   * would hold up the tests that follow.
   */
  private static final EnumSet<PostmanError> RATE_LIMITS = EnumSet.of(PostmanError.RATE_LIMITED_WRITES, PostmanError.RATE_LIMITED_READS);

  private static PostmanTestSupport postman;

  @BeforeAll
  static void start() {
    postman = PostmanTestSupport.start();
  }

  @AfterAll
  static void stop() {
    postman.close();
  }

  @BeforeEach
  void clean() {
    postman.simulator.reset();
  }

  @Test
  void everyDocumentedPostmanErrorHasAnExpectation() {
    assertEquals(EnumSet.allOf(PostmanError.class), EnumSet.copyOf(EXPECTED.keySet()));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = PostmanError.class, mode = EnumSource.Mode.EXCLUDE, names = {"RATE_LIMITED_WRITES", "RATE_LIMITED_READS"})
  void eachPostmanErrorBecomesTheRightScimError(PostmanError error) {
    check(postman, error);
  }

  /**
   * A 429 the gateway cannot absorb within the request's wait bound (Postman's window, 60 s, is longer
   * than the default 15 s) reaches the IdP as 429 with Postman's words and a {@code Retry-After}.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = PostmanError.class, names = {"RATE_LIMITED_WRITES", "RATE_LIMITED_READS"})
  void aRateLimitThatOutlastsTheWaitBoundBecomesA429(PostmanError error) {
    try (PostmanTestSupport own = PostmanTestSupport.start()) {
      check(own, error);
    }
  }

  private static void check(PostmanTestSupport postman, PostmanError error) {
    Expected expected = EXPECTED.get(error);
    assertNotNull(expected, "no expectation for " + error);
    boolean retried = error.status() >= 500 && expected.call() != Call.CREATE;
    boolean createRetried = error.status() >= 500 && expected.call() == Call.CREATE;
    int times = retried || createRetried ? ATTEMPTS : 1;
    postman.simulator.inject(new Fault(expected.call().method, expected.call().pathRegex, times, new FaultAction.Respond(error)));

    ScimFailure result = failure(expected.call().invoke.apply(postman.users));

    assertEquals(expected.status(), result.status(), result.detail());
    assertEquals(Optional.ofNullable(expected.scimType()), result.scimType(), result.detail());
    assertTrue(result.detail().contains(error.detail()), "Postman's own words: " + result.detail());
    assertFalse(result.detail().contains(API_KEY), result.detail());
    switch (expected.detail()) {
      case POSTMANS_WORDS -> assertTrue(result.detail().startsWith("Postman: "), result.detail());
      case CREDENTIALS -> {
        assertTrue(result.detail().startsWith("Postman: "), result.detail());
        assertTrue(result.detail().contains("API key"), "tells the admin what to fix: " + result.detail());
      }
      case SERVER_ERROR -> assertTrue(result.detail().startsWith("Postman failed on " + expected.call().method + " "
          + expected.call().pathRegex.replace(".+", "{id}") + " with HTTP " + error.status() + ": "), result.detail());
    }
    if (error.status() == 429) {
      assertTrue(result.retryAfterSeconds().orElseThrow() > 0, result.detail());
    } else {
      assertEquals(Optional.empty(), result.retryAfterSeconds());
    }
    assertEquals(0, postman.simulator.pendingFaults(), "the fault was met");
    List<String> calls = postman.simulator.requests().stream().map(r -> r.method() + " " + r.path()).toList();
    if (retried) {
      assertEquals(ATTEMPTS, calls.size(), "retried, then given up: " + calls);
    } else if (createRetried) {
      assertEquals(2 * ATTEMPTS, calls.size(), "each failed create is followed by a look-up, then re-sent: " + calls);
      assertEquals(ATTEMPTS, calls.stream().filter(call -> call.startsWith("POST")).count(), calls.toString());
    } else if (error == PostmanError.ALREADY_MEMBER) {
      assertEquals("POST /scim/v2/Users", calls.get(0));
      assertTrue(calls.stream().skip(1).allMatch(call -> call.startsWith("GET")), "then only reads, to learn who it is: " + calls);
    } else {
      assertEquals(1, calls.size(), "one call, no retry: " + calls);
    }
  }

  /** The last argument: how many attempts meet the answer (5xx on reads and PUT are retried). */
  static Stream<Arguments> notScimErrors() {
    return Stream.of(
        Arguments.of("HTML error page", Call.GET, new FaultAction.RespondRaw(503, "text/html", "<html><body>Bad gateway</body></html>"),
            502, "Postman failed on GET /Users/{id} with HTTP 503", ATTEMPTS),
        // Postman's generic 404 is what an unknown route gets: not "no such user" (which would make an IdP
        // re-create the user) but a gateway problem, most likely a wrong baseUrl.
        Arguments.of("generic JSON error, 404", Call.GET, new FaultAction.RespondRaw(404, "application/json",
            "{\"error\":{\"name\":\"NotFound\",\"message\":\"We can't seem to find what you are looking for.\"},\"status\":\"error\"}"),
            502, "Postman answered GET /Users/{id} with HTTP 404 but not with a SCIM error (We can't seem to find what you are looking for.)", 1),
        Arguments.of("generic JSON error, 400", Call.CREATE, new FaultAction.RespondRaw(400, "application/json",
            "{\"error\":{\"name\":\"BadRequest\",\"message\":\"Something odd.\"}}"), 400, "Postman: Something odd.", 1),
        Arguments.of("generic JSON 401", Call.LIST, new FaultAction.RespondRaw(401, "application/json",
            "{\"error\":{\"name\":\"AuthenticationError\",\"message\":\"Invalid API Key. Every request requires a valid API Key to be sent.\"}}"),
            502, "Postman: Invalid API Key.", 1),
        Arguments.of("empty 400", Call.CREATE, new FaultAction.RespondRaw(400, null, null), 400,
            "Postman: HTTP 400 without a SCIM error body", 1),
        Arguments.of("empty 500", Call.REPLACE, new FaultAction.RespondRaw(500, null, null), 502,
            "Postman failed on PUT /Users/{id} with HTTP 500", ATTEMPTS),
        Arguments.of("JSON without any message", Call.LIST, new FaultAction.RespondRaw(400, "application/json", "{\"oops\":true}"), 400,
            "Postman: HTTP 400 without a SCIM error body", 1),
        Arguments.of("a redirect is not followed", Call.GET, new FaultAction.RespondRaw(302, "text/html", "<a href=\"/login\">login</a>"),
            502, "Postman failed on GET /Users/{id} with HTTP 302", 1),
        Arguments.of("200 that is not JSON", Call.GET, new FaultAction.RespondRaw(200, "text/html", "<html>maintenance</html>"),
            502, "Postman answered 200 with a body that is not JSON.", 1),
        Arguments.of("200 that is not a user", Call.GET, new FaultAction.RespondRaw(200, "application/json", "{\"status\":\"ok\"}"),
            502, "Postman answered with something that is not a User resource.", 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notScimErrors")
  void answersThatAreNotScimErrorsBecomeScimErrors(String name, Call call, FaultAction answer, int status, String detailStart,
      int attempts) {
    postman.simulator.inject(new Fault(call.method, call.pathRegex, attempts, answer));

    ScimFailure result = failure(call.invoke.apply(postman.users));

    assertEquals(status, result.status(), result.detail());
    assertTrue(result.detail().startsWith(detailStart), result.detail());
    assertFalse(result.detail().contains("<html"), result.detail());
    assertFalse(result.detail().contains("<a "), result.detail());
    assertFalse(result.detail().contains(API_KEY), result.detail());
    assertEquals(attempts, postman.simulator.requests().size(), postman.simulator.requests().toString());
  }

  @Test
  void theRateLimitAdviceComesWithARetryAfter() {
    try (PostmanTestSupport own = PostmanTestSupport.start()) {
      own.simulator.inject(new Fault("GET", "/Users/.+", 1, new FaultAction.Respond(PostmanError.RATE_LIMITED_READS)));

      ScimFailure result = failure(own.users.get("any"));

      assertEquals(429, result.status());
      assertEquals(Optional.of(60), result.retryAfterSeconds(), "the rest of the paused window: " + result.detail());
    }
  }

  @Test
  void aDroppedConnectionIs502NamingTheTenantButNotTheKey() {
    postman.simulator.inject(new Fault("GET", "/Users/.+", ATTEMPTS, new FaultAction.DropConnection()));

    ScimFailure result = failure(postman.users.get("any"));

    assertEquals(502, result.status());
    assertTrue(result.detail().startsWith("Could not reach Postman at 127.0.0.1 for tenant t1"), result.detail());
    assertFalse(result.detail().contains(API_KEY));
  }

  static Stream<Arguments> forbiddenAnswers() {
    return Stream.concat(
        Arrays.stream(PostmanError.values()).filter(error -> error.status() == 403 && !error.detail().contains("member of the team"))
            .map(error -> Arguments.of(error.name(), new FaultAction.Respond(error))),
        Stream.of(Arguments.of("region", new FaultAction.RespondRaw(403, "application/json",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"detail\":\"This feature isn’t available in your region.\",\"status\":\"403\"}"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forbiddenAnswers")
  void aForbiddenAnswerIsNeverPassedOnAsForbidden(String name, FaultAction answer) {
    postman.simulator.inject(new Fault("PUT", "/Users/.+", 1, answer));

    ScimFailure result = failure(Call.REPLACE.invoke.apply(postman.users));

    assertNotEquals(403, result.status(), result.detail());
    assertNotEquals(401, result.status(), result.detail());
    assertTrue(result.detail().startsWith("Postman: "), result.detail());
  }

  @Test
  void aFaultOnlyAppliesToTheCallItMatches() {
    ObjectNode created = PostmanTestSupport.await(postman.users.create(json(USER)));
    postman.simulator.inject(new Fault("PATCH", "/Users/.+", ATTEMPTS, new FaultAction.Respond(PostmanError.UPDATE_MEMBER_FAILED)));

    ScimFailure result = failure(postman.users.delete(created.get("id").asText()));
    PostmanTestSupport.await(postman.users.delete(created.get("id").asText()));

    assertEquals(502, result.status());
    assertEquals(false, postman.simulator.users().get(0).getBoolean("active"));
  }
}
