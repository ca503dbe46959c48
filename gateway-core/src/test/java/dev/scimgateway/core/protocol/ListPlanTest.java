package dev.scimgateway.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.adapter.api.AttributeSelection;
import dev.scimgateway.adapter.api.FilterOperator;
import dev.scimgateway.adapter.api.ListFilter;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceCapabilities.Operation;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.core.resource.ResourceDefinition;
import dev.scimgateway.core.resource.ResourceTypeRegistry;
import io.vertx.core.MultiMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListPlanTest {

  private static final ResourceCapabilities USERS = new ResourceCapabilities(Set.of("userName", "name.givenName", "active"),
      ResourceCapabilities.equalityOn("userName"), false, EnumSet.allOf(Operation.class), true);
  private static final ResourceDefinition USER = ResourceTypeRegistry.fromClasspath().byName("User").orElseThrow();
  private static final AttributeSelection SELECTION = AttributeSelection.DEFAULT;

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
    return ListPlan.of(request(filter, 1, 100), SELECTION, USERS, USER);
  }

  @Test
  void noFilterPushesDownThePage() {
    ListPlan plan = ListPlan.of(request(null, 21, 10), SELECTION, USERS, USER);

    assertEquals(new ListPlan.PushDown(new ListQuery(Optional.empty(), 21, 10, SELECTION)), plan);
  }

  @ParameterizedTest
  @ValueSource(strings = {"userName eq \"jane@example.com\"", "USERNAME eq \"jane@example.com\"", "username EQ \"jane@example.com\"",
      "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"jane@example.com\""})
  void userNameEqPushesDownUnderTheDeclaredName(String filter) {
    ListPlan plan = ListPlan.of(request(filter, 3, 7), SELECTION, USERS, USER);

    assertEquals(new ListPlan.PushDown(new ListQuery(Optional.of(ListFilter.equality("userName", "jane@example.com", false)), 3, 7, SELECTION)), plan);
  }

  @Test
  void theValueIsPassedAsWrittenIncludingQuotesAndPlus() {
    ListPlan.PushDown plan = assertInstanceOf(ListPlan.PushDown.class, plan("userName eq \"a+\\\"b\\\"@example.com\""));

    assertEquals("a+\"b\"@example.com", plan.query().filter().orElseThrow().single().orElseThrow().value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"id eq \"2819c223\"", "ID eq \"2819c223\"", "Id eq \"2819c223\""})
  void idEqReadsThatOneResource(String filter) {
    ListRequest request = request(filter, 1, 50);

    ListPlan plan = ListPlan.of(request, SELECTION, USERS, USER);

    assertEquals(new ListPlan.ById("2819c223", request, SELECTION), plan);
  }

  @Test
  void idEqIsServedEvenWhenTheProviderDeclaresNoFilters() {
    ResourceCapabilities none = new ResourceCapabilities(Set.of("userName"), Set.of(), false, EnumSet.allOf(Operation.class), false);

    assertInstanceOf(ListPlan.ById.class, ListPlan.of(request("id eq \"x\"", 1, 1), SELECTION, none, USER));
    assertEquals("The filter 'userName eq \"x\"' is not supported here. Supported: id eq \"…\".",
        assertThrows(ScimFailure.class, () -> ListPlan.of(request("userName eq \"x\"", 1, 1), SELECTION, none, USER)).detail());
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
  void anExtensionsDeclaredFilterPushesDownWithItsUrn() {
    String enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    ResourceCapabilities withEmployeeNumber = new ResourceCapabilities(Set.of("userName", enterprise + ":employeeNumber"),
        ResourceCapabilities.equalityOn("userName", enterprise + ":employeeNumber"), false, EnumSet.allOf(Operation.class), false);

    ListPlan plan = ListPlan.of(request(enterprise.toLowerCase() + ":EMPLOYEENUMBER eq \"42\"", 1, 10), SELECTION,
        withEmployeeNumber, USER);

    assertEquals(new ListPlan.PushDown(new ListQuery(Optional.of(ListFilter.equality(enterprise + ":employeeNumber", "42", false)),
        1, 10, SELECTION)), plan);
  }

  @Test
  void supportedFiltersAreListedSortedAfterId() {
    ResourceCapabilities several = new ResourceCapabilities(Set.of("userName", "externalId"),
        ResourceCapabilities.equalityOn("userName", "externalId"), false, EnumSet.allOf(Operation.class), false);

    ScimFailure error = assertThrows(ScimFailure.class, () -> ListPlan.of(request("displayName eq \"x\"", 1, 1), SELECTION, several, USER));

    assertTrue(error.detail().endsWith("Supported: id eq \"…\", externalId eq \"…\", userName eq \"…\"."), error.detail());
  }

  @Test
  void pagingClampedByTheRequestReachesTheProvider() {
    MultiMap query = MultiMap.caseInsensitiveMultiMap().add("startIndex", "0").add("count", "500");

    ListPlan plan = ListPlan.of(ListRequest.fromQuery(query), SELECTION, USERS, USER);

    assertEquals(new ListPlan.PushDown(new ListQuery(Optional.empty(), 1, 100, SELECTION)), plan);
  }

  @Test
  void anAndOfDeclaredTermsIsPushedDownWhenTheProviderTakesConjunctions() {
    ResourceCapabilities withAnd = new ResourceCapabilities(Set.of("userName", "externalId"),
        ResourceCapabilities.equalityOn("userName", "externalId"), true, EnumSet.allOf(Operation.class), false);

    ListPlan.PushDown plan = assertInstanceOf(ListPlan.PushDown.class, ListPlan.of(
        request("userName eq \"a@x.io\" and externalId eq \"E1\"", 1, 10), SELECTION, withAnd, USER));

    assertEquals(List.of(new ListFilter.Comparison("userName", FilterOperator.EQ, "a@x.io", false),
        new ListFilter.Comparison("externalId", FilterOperator.EQ, "E1", true)), plan.query().filter().orElseThrow().terms());
  }

  @Test
  void anAndIsRefusedWhenOneTermIsNotDeclared() {
    ResourceCapabilities withAnd = new ResourceCapabilities(Set.of("userName", "active"),
        ResourceCapabilities.equalityOn("userName"), true, EnumSet.allOf(Operation.class), false);

    ScimFailure error = assertThrows(ScimFailure.class, () -> ListPlan.of(
        request("userName eq \"a@x.io\" and active eq true", 1, 10), SELECTION, withAnd, USER));

    assertTrue(error.detail().endsWith("Supported: id eq \"…\", userName eq \"…\", and 'and' of these."), error.detail());
  }

  @Test
  void theSchemaSaysWhetherTheComparisonIsCaseExact() {
    ListPlan.PushDown plan = assertInstanceOf(ListPlan.PushDown.class, plan("userName eq \"Jane@Example.com\""));

    assertEquals(false, plan.query().filter().orElseThrow().single().orElseThrow().caseExact(), "userName is caseExact: false");
  }
}
