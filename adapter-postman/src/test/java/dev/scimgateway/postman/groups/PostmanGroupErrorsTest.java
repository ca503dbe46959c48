package dev.scimgateway.postman.groups;

import static dev.scimgateway.postman.PostmanTestSupport.await;
import static dev.scimgateway.postman.PostmanTestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimgateway.adapter.api.ListFilter;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.ResourceChange;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.postman.PostmanTestSupport;
import dev.scimgateway.simulator.Fault;
import dev.scimgateway.simulator.FaultAction;
import dev.scimgateway.simulator.PostmanError;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Postman's group errors, as the simulator answers them or as injected: what the groups provider fails
 * with. Postman reuses its user texts for groups ("This person isn’t a member of the team." for a member
 * who is not a user, "This person is already a member of the team." for a taken name); the IdP must hear
 * what they mean for a group.
 */
class PostmanGroupErrorsTest {

  private static PostmanTestSupport postman;
  private static PostmanGroups groups;

  @BeforeAll
  static void start() {
    postman = PostmanTestSupport.start();
    groups = (PostmanGroups) postman.adapter.provider(ResourceType.GROUP).orElseThrow();
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
  void aMemberWhoIsNotATeamUserIs400InvalidValueNamingThem() {
    String id = created("Readers", List.of());

    ScimFailure refused = failure(groups.modify(id, GroupRig.members(List.of("ghost-1"), List.of())));

    assertEquals(400, refused.status(), refused.detail());
    assertEquals(Optional.of(ScimErrorType.INVALID_VALUE), refused.scimType());
    assertTrue(refused.detail().startsWith("Postman: This person isn’t a member of the team. The member 'ghost-1' is"
        + " not a user of this Postman team"), refused.detail());
  }

  @Test
  void ofSeveralMembersTheOnesNeverSeenAsUsersAreNamed() {
    String user = userId("known");
    String id = created("Writers", List.of());

    ScimFailure refused = failure(groups.modify(id, GroupRig.members(List.of(user, "ghost-2"), List.of())));

    assertEquals(400, refused.status(), refused.detail());
    assertTrue(refused.detail().contains("At least one of the 2 members sent (" + user + ", ghost-2)"), refused.detail());
    assertTrue(refused.detail().endsWith("the gateway has never seen this one as a Postman user: ghost-2."), refused.detail());
    assertEquals(List.of(), GroupRig.memberValues(postman.simulator.groups().get(0)), "nothing was added");
  }

  @Test
  void aCreateWithAMemberWhoIsNotATeamUserIsRefusedToo() {
    ScimFailure refused = failure(groups.create(GroupRig.group("Ghosts", List.of("ghost-3"))));

    assertEquals(400, refused.status(), refused.detail());
    assertTrue(refused.detail().contains("'ghost-3'"), refused.detail());
    assertEquals(List.of(), postman.simulator.groups());
  }

  @Test
  void aTakenNameIs409UniquenessNamingTheGroupOnCreateAndOnRename() {
    created("Admins", List.of());
    String other = created("Others", List.of());

    ScimFailure create = failure(groups.create(GroupRig.group("Admins", List.of())));
    ScimFailure rename = failure(groups.modify(other, rename("Admins")));

    for (ScimFailure conflict : List.of(create, rename)) {
      assertEquals(409, conflict.status(), conflict.detail());
      assertEquals(Optional.of(ScimErrorType.UNIQUENESS), conflict.scimType());
      assertTrue(conflict.detail().startsWith("Postman: This person is already a member of the team. Postman already"
          + " has a group named 'Admins'"), conflict.detail());
    }
  }

  @Test
  void anUnknownGroupIs404OnEveryCall() {
    for (ScimFailure missing : List.of(failure(groups.get("no-such-group")), failure(groups.delete("no-such-group")),
        failure(groups.modify("no-such-group", rename("X"))),
        failure(groups.modify("no-such-group", GroupRig.members(List.of("u"), List.of()))))) {
      assertEquals(404, missing.status(), missing.detail());
      assertTrue(missing.detail().matches("Postman: This (group|Group) isn’t a member of the team\\."), missing.detail());
    }
  }

  @Test
  void anInvalidBodyOnAGroupCallHintsAtTheGroupNotAUser() {
    postman.simulator.inject(Fault.once("POST", "/Groups", new FaultAction.Respond(PostmanError.INVALID_BODY)));

    ScimFailure refused = failure(groups.create(GroupRig.group("Odd", List.of())));

    assertEquals(400, refused.status());
    assertEquals(Optional.of(ScimErrorType.INVALID_SYNTAX), refused.scimType());
    assertTrue(refused.detail().endsWith("Postman requires a non-empty displayName, and members whose value is a user id."),
        refused.detail());
  }

  @Test
  void anUnsupportedOperationIsTheGatewaysFault502() {
    String id = created("Ops", List.of());
    postman.simulator.inject(Fault.once("PATCH", "/Groups/.+", new FaultAction.Respond(PostmanError.UNSUPPORTED_OPERATION)));

    ScimFailure refused = failure(groups.modify(id, rename("Operations")));

    assertEquals(502, refused.status(), refused.detail());
    assertTrue(refused.detail().contains("report this to the gateway's maintainers"), refused.detail());
  }

  @Test
  void anUnsupportedFilterIsInvalidFilter() {
    postman.simulator.inject(Fault.once("GET", "/Groups", new FaultAction.Respond(PostmanError.UNSUPPORTED_FILTER)));

    ScimFailure refused = failure(groups.list(new ListQuery(Optional.of(ListFilter.equality("displayName", "x", false)), 1, 100)));

    assertEquals(400, refused.status());
    assertEquals(Optional.of(ScimErrorType.INVALID_FILTER), refused.scimType());
  }

  @Test
  void aRefusedKeyOnAGroupCallIs502NamingTheKeySetting() {
    postman.simulator.inject(Fault.once("GET", "/Groups", new FaultAction.Respond(PostmanError.BAD_KEY)));

    ScimFailure refused = failure(groups.list(new ListQuery(Optional.empty(), 1, 100)));

    assertEquals(502, refused.status());
    assertTrue(refused.detail().contains("tenants.t1.postman.apiKey"), refused.detail());
  }

  @Test
  void aServerErrorOnAGroupReadIsRetriedThen502NamingTheCall() {
    postman.simulator.inject(new Fault("GET", "/Groups/.+", 3, new FaultAction.Respond(PostmanError.FETCH_MEMBER_FAILED)));

    ScimFailure failed = failure(groups.get("any-group"));

    assertEquals(502, failed.status());
    assertTrue(failed.detail().startsWith("Postman failed on GET /Groups/{id} with HTTP 500: "), failed.detail());
    assertEquals(3, postman.simulator.requests().size(), "retried like any read");
  }

  private static String created(String displayName, List<String> members) {
    return await(groups.create(GroupRig.group(displayName, members))).path("id").asText();
  }

  private static String userId(String name) {
    ObjectNode user = PostmanTestSupport.json("{\"userName\":\"" + name + "@example.com\",\"name\":{\"givenName\":\"K\","
        + "\"familyName\":\"Nown\"}}");
    return await(postman.users.create(user)).path("id").asText();
  }

  private static ResourceChange rename(String displayName) {
    return new ResourceChange(List.of(), Set.of("displayName"), Map.of("displayName", TextNode.valueOf(displayName)),
        Map.of(), () -> Future.failedFuture(new AssertionError("a rename needs no read")));
  }
}
