package dev.scimgateway.adapter.support.budget;

import java.util.NoSuchElementException;

/**
 * A first-in first-out queue of {@code long} timestamps in one growing ring array: a budget of
 * thousands a second ends that many requests, and a boxed {@code Long} per end is garbage plus a
 * pointer to chase when the window slides past it.
 */
final class TimestampQueue {

  private long[] ring = new long[16];
  private int head;
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void addLast(long timestamp) {
    if (size == ring.length) {
      grow();
    }
    ring[(head + size) & (ring.length - 1)] = timestamp;
    size++;
  }

  long peekFirst() {
    return get(0);
  }

  long pollFirst() {
    long first = get(0);
    head = (head + 1) & (ring.length - 1);
    size--;
    return first;
  }

  /** The {@code index}-th oldest timestamp. */
  long get(int index) {
    if (index < 0 || index >= size) {
      throw new NoSuchElementException("index " + index + " of " + size);
    }
    return ring[(head + index) & (ring.length - 1)];
  }

  private void grow() {
    long[] larger = new long[ring.length * 2];
    int tail = Math.min(size, ring.length - head);
    System.arraycopy(ring, head, larger, 0, tail);
    System.arraycopy(ring, 0, larger, tail, size - tail);
    ring = larger;
    head = 0;
  }
}
