package dev.scimgateway.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.adapter.api.ScimFailure;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ListRequestTest {

  private static ListRequest query(String... pairs) {
    MultiMap query = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      query.add(pairs[i], pairs[i + 1]);
    }
    return ListRequest.fromQuery(query);
  }

  @Test
  void defaultsAreTheFirstPageOfAtMostOneHundred() {
    ListRequest request = query();

    assertTrue(request.filter().isEmpty());
    assertEquals(1, request.startIndex());
    assertEquals(100, request.count());
    assertEquals(100, ListRequest.MAX_COUNT);
  }

  @ParameterizedTest(name = "startIndex={0} -> {1}")
  @CsvSource({"1, 1", "0, 1", "-5, 1", "7, 7", "' 3 ', 3", "'', 1"})
  void startIndexBelowOneIsReadAsOne(String startIndex, int expected) {
    assertEquals(expected, query("startIndex", startIndex).startIndex());
  }

  @ParameterizedTest(name = "count={0} -> {1}")
  @CsvSource({"0, 0", "-1, 0", "-100, 0", "10, 10", "100, 100", "101, 100", "100000, 100", "' 5 ', 5", "'', 100"})
  void countIsClampedToZeroAndOneHundred(String count, int expected) {
    assertEquals(expected, query("count", count).count());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ten", "1.5", "1e2", "0x10", "5;"})
  void aNonNumericCountIs400InvalidValueNamingTheParameter(String count) {
    ScimFailure error = assertThrows(ScimFailure.class, () -> query("count", count));

    assertEquals(400, error.status());
    assertEquals("invalidValue", error.scimType().orElseThrow().wireName());
    assertTrue(error.detail().contains("'count'"), error.detail());
    assertTrue(error.detail().contains(count), error.detail());
  }

  @Test
  void aNonNumericStartIndexIs400InvalidValueNamingTheParameter() {
    ScimFailure error = assertThrows(ScimFailure.class, () -> query("startIndex", "first"));

    assertEquals(400, error.status());
    assertEquals("invalidValue", error.scimType().orElseThrow().wireName());
    assertTrue(error.detail().contains("'startIndex'"), error.detail());
  }

  @Test
  void aFilterIsParsed() {
    ListRequest request = query("filter", "userName eq \"jane@example.com\"", "startIndex", "2", "count", "3");

    assertEquals("userName", request.filter().orElseThrow().getAttributePath().toString());
    assertEquals("jane@example.com", request.filter().orElseThrow().getComparisonValue().asText());
    assertEquals(2, request.startIndex());
    assertEquals(3, request.count());
  }

  @Test
  void aBlankFilterIsNoFilter() {
    assertTrue(query("filter", "  ").filter().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"userName eq", "userName eq \"unclosed", "(userName eq \"a\"", "userName xx \"a\"", "and"})
  void anUnparsableFilterIs400InvalidFilterQuotingIt(String filter) {
    ScimFailure error = assertThrows(ScimFailure.class, () -> query("filter", filter));

    assertEquals(400, error.status());
    assertEquals("invalidFilter", error.scimType().orElseThrow().wireName());
    assertTrue(error.detail().contains(filter), error.detail());
  }
}
