package dev.scimgateway.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ListFilter;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.adapter.tck.Samples;
import dev.scimgateway.scimsimulator.CannedAnswer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the IdP hears when the upstream refuses or fails, over real HTTP to the SCIM simulator. */
class UpstreamErrorsTest {

  private final ScimRig rig = new ScimRig();
  private final ResourceProvider users = ScimRig.users(rig.adapter("acme"));

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void aScimErrorPassesThroughWithItsStatusAndScimType() {
    ScimRig.await(users.create(Samples.user("taken")));

    ScimFailure conflict = ScimRig.failure(users.create(Samples.user("taken")));
    rig.simulator.answerNext(CannedAnswer.scimError(400, "invalidFilter", "Filter not supported here."));
    ScimFailure badFilter = ScimRig.failure(users.list(new ListQuery(
        Optional.of(ListFilter.equality("userName", "x@example.com", false)), 1, 10)));
    ScimFailure missing = ScimRig.failure(users.get("no-such-id"));

    assertEquals(409, conflict.status());
    assertEquals(Optional.of(ScimErrorType.UNIQUENESS), conflict.scimType());
    assertEquals("Upstream: A User with userName 'taken@example.com' already exists.", conflict.detail());
    assertEquals(400, badFilter.status());
    assertEquals(Optional.of(ScimErrorType.INVALID_FILTER), badFilter.scimType());
    assertEquals("Upstream: Filter not supported here.", badFilter.detail());
    assertEquals(404, missing.status());
  }

  @Test
  void aRefusedCredentialIsA502NamingTheKeyNeverTheSecret() {
    ResourceProvider wrongToken = ScimRig.users(rig.adapter("wrong", settings -> settings.putObject("auth")
        .put("bearer", "not-the-token-0000")));

    ScimFailure unauthorized = ScimRig.failure(wrongToken.get("some-id"));
    rig.simulator.answerNext(CannedAnswer.scimError(403, null, "Insufficient scope."));
    ScimFailure forbidden = ScimRig.failure(users.get("some-id"));

    assertEquals(502, unauthorized.status());
    assertTrue(unauthorized.detail().contains("tenants.wrong.scim.auth.bearer"), unauthorized.detail());
    assertFalse(unauthorized.detail().contains("not-the-token-0000"), unauthorized.detail());
    assertEquals(502, forbidden.status());
    assertTrue(forbidden.detail().startsWith("Upstream: Insufficient scope. (HTTP 403"), forbidden.detail());
    assertTrue(forbidden.detail().contains("tenants.acme.scim.auth.bearer"), forbidden.detail());
    assertFalse(forbidden.detail().contains(ScimRig.TOKEN), forbidden.detail());
  }

  @Test
  void anHtmlErrorPageBecomesAScimErrorAfterTheRetries() {
    String id = ScimRig.await(users.create(Samples.user("html"))).get("id").asText();
    rig.simulator.clearRequests();
    for (int i = 0; i < 3; i++) {
      rig.simulator.answerNext(new CannedAnswer(500, "text/html", "<html><body>Internal error</body></html>", Map.of()));
    }

    ScimFailure failure = ScimRig.failure(users.get(id));

    assertEquals(502, failure.status());
    assertEquals("The upstream failed on GET /Users/{id} with HTTP 500 (3 attempts).", failure.detail());
    assertEquals(3, rig.simulator.calls().size(), "the default three attempts");
  }

  @Test
  void aNonScimNotFoundIsABadBaseUrlNotAMissingResource() {
    rig.simulator.answerNext(new CannedAnswer(404, "text/html", "<html>Not Found</html>", Map.of()));

    ScimFailure failure = ScimRig.failure(users.get("some-id"));

    assertEquals(502, failure.status());
    assertTrue(failure.detail().contains("check tenants.acme.scim.baseUrl"), failure.detail());
  }

  @Test
  void a429WithRetryAfterIsWaitedOutAndSentAgain() {
    rig.simulator.answerNext(new CannedAnswer(429, "application/scim+json",
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"429\",\"detail\":\"slow down\"}",
        Map.of("Retry-After", "1")));

    ObjectNode created = ScimRig.await(users.create(Samples.user("patient")));

    assertEquals("patient@example.com", created.path("userName").asText());
    assertEquals(List.of("POST /Users", "POST /Users"),
        rig.simulator.calls().subList(rig.simulator.calls().size() - 2, rig.simulator.calls().size()));
    assertEquals(1, rig.simulator.users().size());
  }

  @Test
  void a429WhosePauseOutlastsTheWaitBoundIsA429ForTheIdp() {
    ResourceProvider impatient = ScimRig.users(rig.adapter("impatient", settings -> ((ObjectNode) settings.get("rateLimit"))
        .put("maxWaitMillis", 500)));
    rig.simulator.answerNext(new CannedAnswer(429, "text/plain", "slow down", Map.of("Retry-After", "30")));

    ScimFailure failure = ScimRig.failure(impatient.get("some-id"));

    assertEquals(429, failure.status());
    assertTrue(failure.retryAfterSeconds().orElse(0) >= 1, failure.retryAfterSeconds().toString());
    assertTrue(failure.detail().contains("tenants.impatient.scim.rateLimit"), failure.detail());
  }

  @Test
  void aCreateWhoseOutcomeIsUnknownIsLookedUpThenSentAgain() {
    rig.simulator.clearRequests();
    rig.simulator.answerNext(new CannedAnswer(503, "text/plain", "try later", Map.of()));

    ObjectNode created = ScimRig.await(users.create(Samples.user("unsure")));

    assertEquals("unsure@example.com", created.path("userName").asText());
    assertEquals(List.of("POST /Users", "GET /Users", "POST /Users"), rig.simulator.calls());
    assertEquals(1, rig.simulator.users().size(), "one user, no lost create");
  }

  @Test
  void theAnswerToANonJsonSuccessIsA502() {
    rig.simulator.answerNext(new CannedAnswer(200, "text/html", "<html>hello</html>", Map.of()));

    ScimFailure failure = ScimRig.failure(users.get("some-id"));

    assertEquals(502, failure.status());
    assertEquals("The SCIM upstream answered 200 with a body that is not JSON.", failure.detail());
  }

  @Test
  void aTimeoutIsA502NamingTheWait() {
    ResourceProvider unreachable = ScimRig.users(rig.adapter("gone", settings -> settings
        .put("baseUrl", "http://127.0.0.1:1/scim/v2").put("requestTimeoutMillis", 1000)
        .putObject("retry").put("maxAttempts", 1)));

    ScimFailure failure = ScimRig.failure(unreachable.get("some-id"));

    assertEquals(502, failure.status());
    assertTrue(failure.detail().startsWith("The upstream at 127.0.0.1 did not answer GET /Users/{id}"), failure.detail());
  }
}
