package dev.scimgateway.core.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.AttributeSelection;
import dev.scimgateway.adapter.api.ChangeSet;
import dev.scimgateway.adapter.api.ListFilter;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceChange;
import dev.scimgateway.adapter.api.ResourcePage;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ScimFailure;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resources of one type kept in a map. Records every call, and the arguments of the last of each kind,
 * for assertions. A modify resolves the change and writes only when something differs.
 */
public final class MemoryResources implements ResourceProvider {

  /** Text no IdP may ever see. */
  public static final String INTERNAL_SECRET = "internal detail: db password hunter2";

  /**
   * How the next call fails, if at all. {@code POISONED_RESULT} succeeds a moment later, on the caller's
   * context as a real upstream answer does, with a resource that throws when the gateway reads it.
   * {@code THROWN_LATER} never answers: a moment later a callback on the caller's context throws.
   */
  public enum Failure { NONE, FAILED_FUTURE, THROWN, POISONED_RESULT, THROWN_LATER }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ResourceCapabilities capabilities;
  private final Map<String, ObjectNode> store = new LinkedHashMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final Set<String> threads = ConcurrentHashMap.newKeySet();
  private volatile Failure failNext = Failure.NONE;
  private volatile ObjectNode lastCreated;
  private volatile ObjectNode lastReplaced;
  private volatile ResourceChange lastChange;
  private volatile ChangeSet lastChanges;
  private volatile ListQuery lastQuery;
  private final AtomicInteger writes = new AtomicInteger();
  private final String type;

  MemoryResources(String type, ResourceCapabilities capabilities) {
    this.type = type;
    this.capabilities = capabilities;
  }

  @Override
  public ResourceCapabilities capabilities() {
    return capabilities;
  }

  /** Stores a user without recording a call; returns its id. */
  public synchronized String seed(String userName, boolean active) {
    String id = "u" + nextId.getAndIncrement();
    ObjectNode user = JSON.createObjectNode().put("id", id).put("userName", userName);
    user.putObject("name").put("givenName", "Given " + id).put("familyName", "Family " + id);
    user.put("active", active);
    store.put(id, user);
    return id;
  }

  /** Stores a user exactly as given (with a fresh id), without recording a call; returns its id. */
  public synchronized String seed(ObjectNode user) {
    String id = "u" + nextId.getAndIncrement();
    store.put(id, user.deepCopy().put("id", id));
    return id;
  }

  public synchronized void reset() {
    store.clear();
    calls.clear();
    threads.clear();
    failNext = Failure.NONE;
    lastCreated = null;
    lastReplaced = null;
    lastChange = null;
    lastChanges = null;
    lastQuery = null;
    writes.set(0);
  }

  public void failNext(Failure failure) {
    failNext = failure;
  }

  /** E.g. {@code ["get u1", "modify u1"]}. */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  /** The names of the threads the calls were made on. */
  public Set<String> threads() {
    return Set.copyOf(threads);
  }

  public ObjectNode lastCreated() {
    return lastCreated;
  }

  public ObjectNode lastReplaced() {
    return lastReplaced;
  }

  /** The state change the last modify resolved, if it did. */
  public ChangeSet lastChanges() {
    return lastChanges;
  }

  /** The change the last modify received. */
  public ResourceChange lastChange() {
    return lastChange;
  }

  /** How many creates, replaces, modifies and deletes changed the store. */
  public int writes() {
    return writes.get();
  }

  public ListQuery lastQuery() {
    return lastQuery;
  }

  public synchronized ObjectNode stored(String id) {
    return store.get(id).deepCopy();
  }

  @Override
  public Future<ObjectNode> create(ObjectNode resource) {
    return call("create", () -> {
      lastCreated = resource.deepCopy();
      synchronized (this) {
        String id = "u" + nextId.getAndIncrement();
        ObjectNode user = resource.deepCopy().put("id", id);
        store.put(id, user);
        writes.incrementAndGet();
        return Future.succeededFuture(user.deepCopy());
      }
    });
  }

  @Override
  public Future<ObjectNode> get(String id, AttributeSelection selection) {
    return call("get " + id, () -> found(id).map(ObjectNode::deepCopy));
  }

  @Override
  public Future<ResourcePage> list(ListQuery query) {
    return call("list", () -> {
      lastQuery = query;
      List<ObjectNode> matches = new ArrayList<>();
      synchronized (this) {
        for (ObjectNode user : store.values()) {
          if (query.filter().isEmpty() || query.filter().get().terms().stream().allMatch(term -> matches(user, term))) {
            matches.add(user.deepCopy());
          }
        }
      }
      List<ObjectNode> page = matches.stream().skip(query.startIndex() - 1L).limit(query.count()).toList();
      return Future.succeededFuture(new ResourcePage(page, matches.size(), query.startIndex()));
    });
  }

  @Override
  public Future<ObjectNode> replace(String id, ObjectNode resource) {
    return call("replace " + id, () -> {
      lastReplaced = resource.deepCopy();
      return found(id).map(existing -> {
        ObjectNode user = resource.deepCopy().put("id", id);
        synchronized (this) {
          store.put(id, user);
          writes.incrementAndGet();
        }
        return user.deepCopy();
      });
    });
  }

  @Override
  public Future<ObjectNode> modify(String id, ResourceChange change) {
    return call("modify " + id, () -> {
      lastChange = change;
      return change.resolve().compose(changes -> {
        lastChanges = changes;
        if (changes.isEmpty()) {
          return Future.succeededFuture(changes.current());
        }
        return found(id).map(existing -> {
          ObjectNode user = changes.after().deepCopy().put("id", id);
          synchronized (this) {
            store.put(id, user);
            writes.incrementAndGet();
          }
          return user.deepCopy();
        });
      });
    });
  }

  @Override
  public Future<Void> delete(String id) {
    return call("delete " + id, () -> found(id).map(existing -> {
      synchronized (this) {
        store.remove(id);
        writes.incrementAndGet();
      }
      return null;
    }));
  }

  private synchronized Future<ObjectNode> found(String id) {
    ObjectNode user = store.get(id);
    return user == null ? Future.failedFuture(ScimFailure.notFound(type + " " + id + " not found")) : Future.succeededFuture(user);
  }

  private static boolean matches(ObjectNode resource, ListFilter.Comparison term) {
    JsonNode value = resource;
    for (String segment : term.attribute().split("\\.")) {
      value = value.path(segment);
    }
    return value.isValueNode() && (term.caseExact() ? value.asText().equals(term.value()) : value.asText().equalsIgnoreCase(term.value()));
  }

  private <T> Future<T> call(String name, java.util.function.Supplier<Future<T>> action) {
    calls.add(name);
    threads.add(Thread.currentThread().getName());
    Failure failure = failNext;
    failNext = Failure.NONE;
    return switch (failure) {
      case NONE -> action.get();
      case FAILED_FUTURE -> Future.failedFuture(new IllegalStateException(INTERNAL_SECRET));
      case THROWN -> throw new IllegalStateException(INTERNAL_SECRET);
      case POISONED_RESULT -> poisonedLater();
      case THROWN_LATER -> thrownLater();
    };
  }

  private static <T> Future<T> thrownLater() {
    io.vertx.core.Vertx.currentContext().owner().setTimer(1, fired -> {
      throw new IllegalStateException(INTERNAL_SECRET);
    });
    return io.vertx.core.Promise.<T>promise().future();
  }

  @SuppressWarnings("unchecked")
  private static <T> Future<T> poisonedLater() {
    ObjectNode poisoned = new ObjectNode(JSON.getNodeFactory()) {
      @Override
      public boolean has(String fieldName) {
        throw new IllegalStateException(INTERNAL_SECRET);
      }
    };
    // A timer's future belongs to the calling context, as an HTTP client's answer does.
    return io.vertx.core.Vertx.currentContext().owner().timer(1).map(fired -> (T) poisoned);
  }
}
