package dev.scimgateway.adapter.support.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampQueueTest {

  @Test
  void keepsFirstInFirstOutOrderWhileTheRingWrapsAndGrows() {
    TimestampQueue queue = new TimestampQueue();
    ArrayDeque<Long> expected = new ArrayDeque<>();
    Random random = new Random(7);
    long next = 0;
    for (int step = 0; step < 20_000; step++) {
      // Mostly adds early on, mostly polls later, so the ring both grows and wraps many times.
      boolean add = expected.isEmpty() || random.nextInt(100) < (step < 10_000 ? 70 : 40);
      if (add) {
        queue.addLast(next);
        expected.addLast(next);
        next++;
      } else {
        assertEquals(expected.peekFirst(), queue.peekFirst());
        assertEquals(expected.pollFirst(), queue.pollFirst());
      }
      assertEquals(expected.size(), queue.size());
      if (!expected.isEmpty()) {
        int index = random.nextInt(expected.size());
        assertEquals(expected.stream().skip(index).findFirst().orElseThrow(), queue.get(index));
      }
    }
  }

  @Test
  void anEmptyQueueHasNoFirstTimestamp() {
    TimestampQueue queue = new TimestampQueue();
    assertTrue(queue.isEmpty());
    assertThrows(NoSuchElementException.class, queue::peekFirst);
    queue.addLast(5);
    assertEquals(5, queue.pollFirst());
    assertThrows(NoSuchElementException.class, queue::pollFirst);
    assertThrows(NoSuchElementException.class, () -> queue.get(-1));
  }
}
