package dev.scimgateway.adapter.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListQueryTest {

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void startIndexIsOneBased(int startIndex) {
    var error = assertThrows(IllegalArgumentException.class, () -> new ListQuery(Optional.empty(), startIndex, 10));

    assertTrue(error.getMessage().contains(String.valueOf(startIndex)), error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, Integer.MIN_VALUE})
  void countMustNotBeNegative(int count) {
    var error = assertThrows(IllegalArgumentException.class, () -> new ListQuery(Optional.empty(), 1, count));

    assertTrue(error.getMessage().contains(String.valueOf(count)), error.getMessage());
  }

  @Test
  void theSmallestValidQueryAsksOnlyForTheTotal() {
    ListQuery query = new ListQuery(Optional.of(ListFilter.equality("userName", "a@example.com", false)), 1, 0);

    assertEquals(1, query.startIndex());
    assertEquals(0, query.count());
    ListFilter.Comparison term = query.filter().orElseThrow().single().orElseThrow();
    assertEquals("userName", term.attribute());
    assertEquals("a@example.com", term.value());
    assertEquals(AttributeSelection.DEFAULT, query.selection());
  }

  @Test
  void aFilterHasAtLeastOneTerm() {
    assertThrows(IllegalArgumentException.class, () -> new ListFilter(java.util.List.of()));
  }
}
