package dev.scimgateway.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.ListQuery.EqualityFilter;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceCapabilities.Operation;
import dev.scimgateway.adapter.api.ScimFailure;
import io.vertx.core.MultiMap;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListPlanTest {

  private static final ResourceCapabilities USERS = new ResourceCapabilities(
      Set.of("userName", "name.givenName", "active"), Set.of("userName"), EnumSet.allOf(Operation.class), true);

  private static ListRequest request(String filter, int startIndex, int count) {
    MultiMap query = MultiMap.caseInsensitiveMultiMap()
        .add("startIndex", String.valueOf(startIndex))
        .add("count", String.valueOf(count));
    if (filter != null) {
      query.add("filter", filter);
    }
    return ListRequest.fromQuery(query);
  }

  private static ListPlan plan(String filter) {
    return ListPlan.of(request(filter, 1, 100), USERS);
  }

  @Test
  void noFilterPushesDownThePage() {
    ListPlan plan = ListPlan.of(request(null, 21, 10), USERS);

    assertEquals(new ListPlan.PushDown(new ListQuery(Optional.empty(), 21, 10)), plan);
  }

  @ParameterizedTest
  @ValueSource(strings = {"userName eq \"jane@example.com\"", "USERNAME eq \"jane@example.com\"", "username EQ \"jane@example.com\"",
      "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"jane@example.com\""})
  void userNameEqPushesDownUnderTheDeclaredName(String filter) {
    ListPlan plan = ListPlan.of(request(filter, 3, 7), USERS);

    assertEquals(new ListPlan.PushDown(new ListQuery(Optional.of(new EqualityFilter("userName", "jane@example.com")), 3, 7)), plan);
  }

  @Test
  void theValueIsPassedAsWrittenIncludingQuotesAndPlus() {
    ListPlan.PushDown plan = assertInstanceOf(ListPlan.PushDown.class, plan("userName eq \"a+\\\"b\\\"@example.com\""));

    assertEquals("a+\"b\"@example.com", plan.query().filter().orElseThrow().value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"id eq \"2819c223\"", "ID eq \"2819c223\"", "Id eq \"2819c223\""})
  void idEqReadsThatOneResource(String filter) {
    ListRequest request = request(filter, 1, 50);

    ListPlan plan = ListPlan.of(request, USERS);

    assertEquals(new ListPlan.ById("2819c223", request), plan);
  }

  @Test
  void idEqIsServedEvenWhenTheProviderDeclaresNoFilters() {
    ResourceCapabilities none = new ResourceCapabilities(Set.of("userName"), Set.of(), EnumSet.allOf(Operation.class), false);

    assertInstanceOf(ListPlan.ById.class, ListPlan.of(request("id eq \"x\"", 1, 1), none));
    assertEquals("The filter 'userName eq \"x\"' is not supported here. Supported: id eq \"…\".",
        assertThrows(ScimFailure.class, () -> ListPlan.of(request("userName eq \"x\"", 1, 1), none)).detail());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "emails co \"example.com\"",
      "userName sw \"jane\"",
      "userName ne \"jane@example.com\"",
      "userName pr",
      "userName gt \"a\"",
      "userName eq \"a@example.com\" and active eq true",
      "userName eq \"a@example.com\" or userName eq \"b@example.com\"",
      "not (userName eq \"a@example.com\")",
      "active eq true",
      "externalId eq \"00u1\"",
      "name.givenName eq \"Jane\"",
      "emails[type eq \"work\"]",
      "emails[type eq \"work\" and value eq \"a@example.com\"]",
      "userName eq null",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:userName eq \"a@example.com\"",
      "id eq \"a\" or id eq \"b\"",
      "id sw \"a\""})
  void everyOtherFilterIs400InvalidFilterNamingTheSupportedOnes(String filter) {
    ScimFailure error = assertThrows(ScimFailure.class, () -> plan(filter));

    assertEquals(400, error.status());
    assertEquals("invalidFilter", error.scimType().orElseThrow().wireName());
    assertTrue(error.detail().startsWith("The filter '"), error.detail());
    assertTrue(error.detail().endsWith("Supported: id eq \"…\", userName eq \"…\"."), error.detail());
  }

  @Test
  void supportedFiltersAreListedSortedAfterId() {
    ResourceCapabilities several = new ResourceCapabilities(Set.of("userName", "externalId"), Set.of("userName", "externalId"),
        EnumSet.allOf(Operation.class), false);

    ScimFailure error = assertThrows(ScimFailure.class, () -> ListPlan.of(request("displayName eq \"x\"", 1, 1), several));

    assertTrue(error.detail().endsWith("Supported: id eq \"…\", externalId eq \"…\", userName eq \"…\"."), error.detail());
  }

  @Test
  void pagingClampedByTheRequestReachesTheProvider() {
    MultiMap query = MultiMap.caseInsensitiveMultiMap().add("startIndex", "0").add("count", "500");

    ListPlan plan = ListPlan.of(ListRequest.fromQuery(query), USERS);

    assertEquals(new ListPlan.PushDown(new ListQuery(Optional.empty(), 1, 100)), plan);
  }
}
