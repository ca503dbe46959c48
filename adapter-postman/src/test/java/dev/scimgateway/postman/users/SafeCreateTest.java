package dev.scimgateway.postman.users;

import static dev.scimgateway.postman.PostmanTestSupport.await;
import static dev.scimgateway.postman.PostmanTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.postman.AdapterRig;
import dev.scimgateway.postman.PostmanTestSupport;
import dev.scimgateway.simulator.Fault;
import dev.scimgateway.simulator.FaultAction;
import dev.scimgateway.simulator.PostmanError;
import dev.scimgateway.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A create whose outcome is unknown ends as exactly one user, and the IdP gets it. */
class SafeCreateTest {

  private static final ObjectNode JANE = json("""
      {"userName":"jane@example.com","name":{"givenName":"Jane","familyName":"Doe"},"externalId":"00u1","active":true}""");

  private AdapterRig rig;
  private PostmanUsers users;

  @BeforeEach
  void start() {
    rig = AdapterRig.start(SimulatorOptions.defaults());
    users = AdapterRig.users(rig.adapter("t1", settings -> {
      settings.put("requestTimeoutMillis", 300);
      settings.putObject("retry").put("initialBackoffMillis", 20);
    }));
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void aCreateWhoseAnswerIsLostAfterPostmanMadeTheUserReturnsThatUser() {
    rig.simulator.inject(Fault.once("POST", "/Users", new FaultAction.DropResponseAfterApplying()));

    ObjectNode created = await(users.create(JANE.deepCopy()));

    assertEquals(1, rig.simulator.users().size());
    assertEquals(rig.simulator.users().get(0).getString("id"), created.get("id").asText());
    assertEquals(List.of("POST /Users", "GET /Users"), rig.calls(), "one create, one look-up: no second POST");
  }

  @Test
  void aCreatePostmanAppliedButAnsweredWithAnEmpty2xxIsLookedUpNotFailed() {
    await(AdapterRig.users(rig.adapter("other", settings -> {})).create(JANE.deepCopy()));
    rig.simulator.clearRequests();
    rig.simulator.inject(Fault.once("POST", "/Users", new FaultAction.RespondRaw(201, "application/json", null)));

    ObjectNode created = await(users.create(JANE.deepCopy()));

    assertEquals(1, rig.simulator.users().size());
    assertEquals(rig.simulator.users().get(0).getString("id"), created.get("id").asText());
    assertEquals(List.of("POST /Users", "GET /Users"), rig.calls(), "the look-up found the user: no second POST");
  }

  @Test
  void aCreateAnsweredWithANonJson2xxIsLookedUpAndSentAgainWhenPostmanHasNoSuchUser() {
    rig.simulator.inject(Fault.once("POST", "/Users", new FaultAction.RespondRaw(200, "text/html", "<html>OK</html>")));

    ObjectNode created = await(users.create(JANE.deepCopy()));

    assertEquals(1, rig.simulator.users().size());
    assertEquals("jane@example.com", created.get("userName").asText());
    assertEquals(List.of("POST /Users", "GET /Users", "POST /Users"), rig.calls());
  }

  @Test
  void aCreateAnsweredEveryTimeWithoutTheUserEndsIn502AfterTheLookUps() {
    rig.simulator.inject(new Fault("POST", "/Users", 3,
        new FaultAction.RespondRaw(201, "application/json", "{\"userName\":\"jane@example.com\"}")));

    ScimFailure failure = PostmanTestSupport.failure(users.create(JANE.deepCopy()));

    assertEquals(502, failure.status());
    assertTrue(failure.detail().startsWith("Postman answered 201 to POST /Users without the resource it made."), failure.detail());
    assertEquals(List.of("POST /Users", "GET /Users", "POST /Users", "GET /Users", "POST /Users", "GET /Users"), rig.calls());
  }

  @Test
  void aCreateThatNeverReachedPostmanIsSentAgain() {
    rig.simulator.inject(Fault.once("POST", "/Users", new FaultAction.DropConnection()));

    ObjectNode created = await(users.create(JANE.deepCopy()));

    assertEquals(1, rig.simulator.users().size());
    assertEquals("jane@example.com", created.get("userName").asText());
    assertEquals(List.of("POST /Users", "GET /Users", "POST /Users"), rig.calls());
  }

  @Test
  void aServerErrorOnCreateIsCheckedThenSentAgain() {
    rig.simulator.inject(Fault.once("POST", "/Users", new FaultAction.Respond(PostmanError.ADD_MEMBER_FAILED)));

    await(users.create(JANE.deepCopy()));

    assertEquals(1, rig.simulator.users().size());
    assertEquals(List.of("POST /Users", "GET /Users", "POST /Users"), rig.calls());
  }

  @Test
  void aCreateThatTimesOutWhilePostmanIsStillWorkingEndsAsOneUser() {
    // Postman applies the first POST only after the gateway gave up on it: the look-up finds nothing,
    // the POST is sent again; whichever create lands second gets Postman's 409, never a second user.
    rig.simulator.inject(Fault.once("POST", "/Users", new FaultAction.Delay(Duration.ofMillis(600))));

    ObjectNode created = await(users.create(JANE.deepCopy()));

    await(rig.vertx.timer(800));
    assertEquals(1, rig.simulator.users().size());
    assertEquals(rig.simulator.users().get(0).getString("id"), created.get("id").asText());
  }

  @Test
  void whenNothingWorksTheIdpGets502AndNoUserIsDuplicated() {
    rig.simulator.inject(new Fault("POST", "/Users", 3, new FaultAction.DropConnection()));

    ScimFailure failure = PostmanTestSupport.failure(users.create(JANE.deepCopy()));

    assertEquals(502, failure.status());
    assertEquals(0, rig.simulator.users().size());
    assertEquals(3, rig.calls().stream().filter(call -> call.startsWith("POST")).count());
  }

  @Test
  void aConflictNamesTheUserPostmanHasEvenInAnotherCase() {
    await(AdapterRig.users(rig.adapter("other", settings -> {})).create(json("""
        {"userName":"Jane.Doe@Example.com","name":{"givenName":"Jane","familyName":"Doe"}}""")));

    ScimFailure conflict = PostmanTestSupport.failure(users.create(json("""
        {"userName":"jane.doe@example.com","name":{"givenName":"Jane","familyName":"Doe"}}""")));

    assertEquals(409, conflict.status());
    assertTrue(conflict.detail().startsWith("Postman: This person is already a member of the team."), conflict.detail());
    assertTrue(conflict.detail().contains("'Jane.Doe@Example.com'"), conflict.detail());
    rig.simulator.clearRequests();
    var page = await(users.list(new dev.scimgateway.adapter.api.ListQuery(java.util.Optional.of(
        dev.scimgateway.adapter.api.ListFilter.equality("userName", "jane.doe@example.com", false)), 1, 100)));
    assertEquals(1, page.totalResults(), "the IdP's next look-up finds the user the 409 was about");
    assertEquals(1, rig.simulator.requests().size());
  }
}
