package dev.scimgateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final RequestBudget budget = new RequestBudget(2, 3, 100, now::get);

  @Test
  void theWindowSlidesRatherThanResettingAtFixedBoundaries() {
    assertTrue(budget.tryAcquire(true));
    now.set(1_060);
    assertTrue(budget.tryAcquire(true));
    now.set(1_099);
    assertFalse(budget.tryAcquire(true));
    now.set(1_100);
    assertTrue(budget.tryAcquire(true), "the first write left the window");
    now.set(1_150);
    assertFalse(budget.tryAcquire(true), "a fixed window starting at 1100 would have accepted this");
    now.set(1_160);
    assertTrue(budget.tryAcquire(true));

    assertEquals(2, budget.refusedCount());
    assertEquals(2, budget.maxInAnyWindow(true));
  }

  @Test
  void readsAndWritesAreCountedSeparately() {
    assertTrue(budget.tryAcquire(true));
    assertTrue(budget.tryAcquire(true));
    assertFalse(budget.tryAcquire(true));
    for (int i = 0; i < 3; i++) {
      assertTrue(budget.tryAcquire(false));
    }
    assertFalse(budget.tryAcquire(false));
    assertEquals(3, budget.maxInAnyWindow(false));
    assertEquals(2, budget.refusedCount());

    budget.reset();
    assertEquals(0, budget.refusedCount());
    assertEquals(0, budget.maxInAnyWindow(true));
    assertTrue(budget.tryAcquire(true));
  }

  @Test
  void everyMethodButGetAndHeadIsAWrite() {
    assertFalse(RequestBudget.isWrite("GET"));
    assertFalse(RequestBudget.isWrite("HEAD"));
    for (String write : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
      assertTrue(RequestBudget.isWrite(write), write);
    }
  }
}
