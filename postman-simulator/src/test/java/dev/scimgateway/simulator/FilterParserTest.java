package dev.scimgateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {

  @Test
  void parsesTheSupportedForms() {
    assertEquals(Optional.of(new UserFilter.UserNameEq("a@example.com")),
        FilterParser.parse("userName eq \"a@example.com\""));
    assertEquals(Optional.of(new UserFilter.UserNameEq("a@example.com")),
        FilterParser.parse("  username  eq  'a@example.com'  "));
    assertEquals(Optional.of(new UserFilter.UserNameEq("we\"ird\\")),
        FilterParser.parse("userName eq \"we\\\"ird\\\\\""));
    assertEquals(Optional.of(new UserFilter.ActiveEq(true)), FilterParser.parse("active eq \"true\""));
    assertEquals(Optional.of(new UserFilter.ActiveEq(false)), FilterParser.parse("Active EQ false"));
  }

  @Test
  void parsesTheGroupFilter() {
    assertEquals(Optional.of(new GroupFilter("Test-API")), FilterParser.parseGroupFilter("displayName eq \"Test-API\""));
    assertEquals(Optional.of(new GroupFilter("Sales Team")),
        FilterParser.parseGroupFilter(" DisplayName EQ 'Sales Team' "));
    assertTrue(FilterParser.parseGroupFilter("userName eq \"a@example.com\"").isEmpty());
    assertTrue(FilterParser.parseGroupFilter("displayName eq Test").isEmpty());
    assertTrue(FilterParser.parse("displayName eq \"Test-API\"").isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "userName eq \"unterminated",
      "userName eq 'unterminated",
      "userName eq \"bad\\escape\"",
      "userName eq \"a\" extra",
      "(userName eq \"a\")",
      "not (userName eq \"a\")",
      "active eq \"True\"",
      "active ne \"true\"",
      "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"a\"",
      "userName",
      "   "
  })
  void refusesEverythingElse(String filter) {
    assertTrue(FilterParser.parse(filter).isEmpty(), filter);
  }
}
