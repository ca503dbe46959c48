package dev.scimgateway.adapter.support.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class KeyedIndexTest {

  record Person(String id, String name, String badge) {}

  static final KeyedIndex.Key<Person> NAME = new KeyedIndex.Key<>("name", Person::name);
  static final KeyedIndex.Key<Person> BADGE = new KeyedIndex.Key<>("badge", Person::badge);

  private static KeyedIndex<Person> index(int maximumSize) {
    return new KeyedIndex<>(maximumSize, Person::id, List.of(NAME, BADGE));
  }

  @Test
  void aValueIsFoundByItsIdAndEveryKey() {
    KeyedIndex<Person> index = index(100);
    Person ada = new Person("1", "ada", "b-1");
    index.put(ada);

    assertEquals(Optional.of(ada), index.get("1"));
    assertEquals(Optional.of(ada), index.find(NAME, "ada"));
    assertEquals(Optional.of(ada), index.find(BADGE, "b-1"));
    assertTrue(index.holds(ada));
    assertEquals(1, index.size());
  }

  @Test
  void aKeyTheValueNoLongerHasLeadsNowhere() {
    KeyedIndex<Person> index = index(100);
    index.put(new Person("1", "ada", "b-1"));
    Person renamed = new Person("1", "ada.l", null);
    index.put(renamed);

    assertEquals(Optional.empty(), index.find(NAME, "ada"));
    assertEquals(Optional.empty(), index.find(BADGE, "b-1"));
    assertEquals(Optional.of(renamed), index.find(NAME, "ada.l"));
    assertTrue(index.holds(renamed));
  }

  @Test
  void aKeyTakenOverByAnotherValueStaysWithItWhenTheFirstIsRemoved() {
    KeyedIndex<Person> index = index(100);
    index.put(new Person("1", "ada", null));
    Person grace = new Person("2", "ada", null);
    index.put(grace);
    index.remove("1");

    assertEquals(Optional.of(grace), index.find(NAME, "ada"));
    assertFalse(index.contains("1"));
  }

  @Test
  void removingByIdRemovesEveryKey() {
    KeyedIndex<Person> index = index(100);
    index.put(new Person("1", "ada", "b-1"));
    index.remove("1");

    assertEquals(Optional.empty(), index.get("1"));
    assertEquals(Optional.empty(), index.peek(NAME, "ada"));
    assertEquals(Optional.empty(), index.peek(BADGE, "b-1"));
  }

  @Test
  void unlinkForgetsAKeyOnlyForTheIdItNames() {
    KeyedIndex<Person> index = index(100);
    Person ada = new Person("1", "ada", "b-1");
    index.put(ada);

    index.unlink(NAME, "ada", "2");
    assertEquals(Optional.of(ada), index.peek(NAME, "ada"));

    index.unlink(NAME, "ada", "1");
    assertEquals(Optional.empty(), index.peek(NAME, "ada"));
    assertEquals(Optional.of(ada), index.get("1"));
    assertFalse(index.holds(ada), "a value one of whose keys is unlinked is not held exactly");
  }

  @Test
  void findCountsHitsAndMissesAndPeekDoesNot() {
    KeyedIndex<Person> index = index(100);
    index.put(new Person("1", "ada", "b-1"));
    index.find(NAME, "ada");
    index.find(NAME, "grace");
    index.find(NAME, "grace");
    index.peek(NAME, "ada");

    assertEquals(1, index.hits(NAME));
    assertEquals(2, index.misses(NAME));
    assertEquals(0, index.hits(BADGE) + index.misses(BADGE));
  }

  @Test
  void evictedValuesTakeTheirKeysWithThem() {
    KeyedIndex<Person> index = index(50);
    for (int i = 0; i < 2_000; i++) {
      index.put(person(i));
    }

    assertTrue(index.size() <= 50, "size " + index.size());
    assertTrue(index.evictions() > 0);
    assertEveryKeyLeadsToAHeldValue(index, 2_000);
  }

  @Test
  void concurrentPutsAndRemovesLeaveNoKeyWithoutItsValue() throws Exception {
    KeyedIndex<Person> index = index(200);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        done.add(threads.submit(() -> {
          for (int i = 0; i < 20_000; i++) {
            int n = (i * 31 + seed * 7) % 1_000;
            if (i % 10 == 0) {
              index.remove(String.valueOf(n));
            } else {
              index.put(i % 3 == 0 ? new Person(String.valueOf(n), "other-" + n, null) : person(n));
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }

    assertTrue(index.size() <= 200, "size " + index.size());
    assertEveryKeyLeadsToAHeldValue(index, 1_000);
  }

  @Test
  void metricsShowEveryKeyAsACache() {
    KeyedIndex<Person> index = index(100);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    index.bindMetrics(registry, "people", Tags.of("tenant", "acme"));
    index.put(new Person("1", "ada", null));
    index.find(NAME, "ada");
    index.find(NAME, "grace");

    assertEquals(1.0, registry.get("cache.size").tags("cache", "people.by.name", "tenant", "acme").gauge().value());
    assertEquals(0.0, registry.get("cache.size").tags("cache", "people.by.badge").gauge().value());
    assertEquals(1.0, registry.get("cache.gets").tags("cache", "people.by.name", "result", "hit").functionCounter().count());
    assertEquals(1.0, registry.get("cache.gets").tags("cache", "people.by.name", "result", "miss").functionCounter().count());
    assertEquals(1.0, registry.get("cache.puts").tags("cache", "people.by.name").functionCounter().count());
    assertEquals(1L, registry.get("cache.size").tags("cache", "people.by.id").gauge().value(), 0.0);
  }

  private static Person person(int n) {
    return new Person(String.valueOf(n), "name-" + n, "badge-" + n);
  }

  /** Every key that leads somewhere leads to the very value its id holds. */
  private static void assertEveryKeyLeadsToAHeldValue(KeyedIndex<Person> index, int ids) {
    int keys = 0;
    for (int n = 0; n < ids; n++) {
      for (String name : List.of("name-" + n, "other-" + n)) {
        Optional<Person> byName = index.peek(NAME, name);
        if (byName.isPresent()) {
          keys++;
          assertEquals(index.get(byName.get().id()), byName, "the value name " + name + " leads to");
        }
      }
      Optional<Person> byBadge = index.peek(BADGE, "badge-" + n);
      if (byBadge.isPresent()) {
        assertEquals(index.get(byBadge.get().id()), byBadge, "the value badge-" + n + " leads to");
      }
    }
    assertTrue(keys <= index.size(), keys + " names for " + index.size() + " values");
  }
}
