package dev.scimgateway.adapter.support.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * A bounded memory of values by id that also finds them by other keys (a userName, an externalId). Only
 * the ids are a Caffeine cache: each other key is a plain map that follows it, so a value evicted or
 * removed by id is gone under every key, and remembering a value costs one cache write however many
 * keys it has. Look-ups by a key count hits and misses; {@link #bindMetrics} exports every key as a cache
 * of its own ({@code cache_*} meters). Thread-safe.
 *
 * @param <V> what is remembered: an immutable value (a record) that names its id and its keys
 */
public final class KeyedIndex<V> {

  /**
   * A key other than the id, named for the meters; {@code of} gives a value's key, or null when it has none.
   *
   * @param <V> the values it finds
   */
  public record Key<V>(String name, Function<V, String> of) {}

  private final Function<V, String> idOf;
  private final Cache<String, V> byId;
  private final List<KeyMap<V>> byKey;

  /** Remembers up to {@code maximumSize} values, each by {@code id} and by every one of {@code keys}. */
  public KeyedIndex(int maximumSize, Function<V, String> id, List<Key<V>> keys) {
    this.idOf = id;
    this.byKey = keys.stream().map(KeyMap::new).toList();
    this.byId = Caffeine.newBuilder()
        .maximumSize(maximumSize)
        .executor(Runnable::run)
        .recordStats()
        .<String, V>evictionListener((evictedId, value, cause) -> byKey.forEach(keyMap -> keyMap.evicted(value)))
        .build();
  }

  /**
   * Remembers {@code value} under its id and its keys, in place of what was remembered under its id; a key
   * the previous value had and this one has not no longer leads anywhere.
   */
  public synchronized void put(V value) {
    // The keys first, the id last: a value evicted by id at any moment takes its keys with it.
    byKey.forEach(keyMap -> keyMap.put(value));
    V previous = byId.asMap().put(idOf.apply(value), value);
    if (previous != null) {
      byKey.forEach(keyMap -> keyMap.replaced(previous, value));
    }
  }

  /** Whether exactly {@code value} is remembered, under its id and every key, without counting a look-up. */
  public boolean holds(V value) {
    if (!value.equals(byId.policy().getIfPresentQuietly(idOf.apply(value)))) {
      return false;
    }
    for (KeyMap<V> keyMap : byKey) {
      if (!keyMap.leadsTo(value)) {
        return false;
      }
    }
    return true;
  }

  /** Forgets the value remembered under {@code id}, under every key too. */
  public synchronized void remove(String id) {
    V previous = byId.asMap().remove(id);
    if (previous != null) {
      byKey.forEach(keyMap -> keyMap.removed(previous));
    }
  }

  /** Forgets that {@code keyValue} leads to the value with this id; the value stays remembered by id. */
  public synchronized void unlink(Key<V> key, String keyValue, String id) {
    keyMap(key).values.computeIfPresent(keyValue, (k, current) -> idOf.apply(current).equals(id) ? null : current);
  }

  /** Whether a value is remembered under {@code id}. */
  public boolean contains(String id) {
    return byId.asMap().containsKey(id);
  }

  /** The value remembered under {@code id}. */
  public Optional<V> get(String id) {
    return Optional.ofNullable(byId.asMap().get(id));
  }

  /** The value {@code keyValue} leads to, counted as a hit or a miss of {@code key}. */
  public Optional<V> find(Key<V> key, String keyValue) {
    return Optional.ofNullable(keyMap(key).find(keyValue));
  }

  /** The value {@code keyValue} leads to, without counting a look-up. */
  public Optional<V> peek(Key<V> key, String keyValue) {
    return Optional.ofNullable(keyMap(key).values.get(keyValue));
  }

  /** How many values are remembered. */
  public long size() {
    return byId.estimatedSize();
  }

  public long hits(Key<V> key) {
    return keyMap(key).hits.sum();
  }

  public long misses(Key<V> key) {
    return keyMap(key).misses.sum();
  }

  /** Entries dropped to stay within the maximum size: the ids and the keys that went with them. */
  public long evictions() {
    long evictions = byId.stats().evictionCount();
    for (KeyMap<V> keyMap : byKey) {
      evictions += keyMap.evictions.sum();
    }
    return evictions;
  }

  /**
   * Exports the ids as the cache {@code <name>.by.id} (Caffeine's own statistics) and each key as
   * {@code <name>.by.<key name>}: its size, hits, misses, puts and evictions.
   */
  public void bindMetrics(MeterRegistry registry, String name, Iterable<Tag> tags) {
    CaffeineCacheMetrics.monitor(registry, byId, name + ".by.id", tags);
    byKey.forEach(keyMap -> new KeyMapMetrics(keyMap, name + ".by." + keyMap.key.name(), tags).bindTo(registry));
  }

  private KeyMap<V> keyMap(Key<V> key) {
    for (KeyMap<V> keyMap : byKey) {
      if (keyMap.key == key) {
        return keyMap;
      }
    }
    throw new IllegalArgumentException("not a key of this index: " + key.name());
  }

  /**
   * One key's map. A key leads to a value the ids hold, or to one they are about to: besides an explicit
   * {@link KeyedIndex#unlink}, a value leaves it only as the very value (compared by identity) that its id was
   * removed, evicted or replaced with, so a key taken over by another value stays with that one.
   */
  private static final class KeyMap<V> {
    final Key<V> key;
    final ConcurrentHashMap<String, V> values = new ConcurrentHashMap<>();
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder puts = new LongAdder();
    final LongAdder evictions = new LongAdder();

    KeyMap(Key<V> key) {
      this.key = key;
    }

    void put(V value) {
      String keyValue = key.of().apply(value);
      if (keyValue != null) {
        values.put(keyValue, value);
        puts.increment();
      }
    }

    boolean leadsTo(V value) {
      String keyValue = key.of().apply(value);
      return keyValue == null || value.equals(values.get(keyValue));
    }

    V find(String keyValue) {
      V value = values.get(keyValue);
      (value == null ? misses : hits).increment();
      return value;
    }

    void replaced(V previous, V current) {
      String previousKey = key.of().apply(previous);
      if (previousKey != null && !previousKey.equals(key.of().apply(current))) {
        removeIfLeadsTo(previousKey, previous);
      }
    }

    void removed(V previous) {
      String previousKey = key.of().apply(previous);
      if (previousKey != null) {
        removeIfLeadsTo(previousKey, previous);
      }
    }

    void evicted(V value) {
      String keyValue = key.of().apply(value);
      if (keyValue != null && removeIfLeadsTo(keyValue, value)) {
        evictions.increment();
      }
    }

    private boolean removeIfLeadsTo(String keyValue, V value) {
      boolean[] removed = {false};
      values.computeIfPresent(keyValue, (k, current) -> {
        removed[0] = current == value;
        return removed[0] ? null : current;
      });
      return removed[0];
    }
  }

  /** A key's map as Micrometer's cache meters see a cache. */
  private static final class KeyMapMetrics extends CacheMeterBinder<KeyMap<?>> {

    KeyMapMetrics(KeyMap<?> keyMap, String cacheName, Iterable<Tag> tags) {
      super(keyMap, cacheName, tags);
    }

    @Override
    protected Long size() {
      return keyMap() == null ? null : (long) keyMap().values.size();
    }

    @Override
    protected long hitCount() {
      return keyMap() == null ? 0 : keyMap().hits.sum();
    }

    @Override
    protected Long missCount() {
      return keyMap() == null ? null : keyMap().misses.sum();
    }

    @Override
    protected Long evictionCount() {
      return keyMap() == null ? null : keyMap().evictions.sum();
    }

    @Override
    protected long putCount() {
      return keyMap() == null ? 0 : keyMap().puts.sum();
    }

    @Override
    protected void bindImplementationSpecificMetrics(MeterRegistry registry) {}

    private KeyMap<?> keyMap() {
      return getCache();
    }
  }
}
