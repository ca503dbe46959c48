package dev.scimgateway.core.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ChangeSet;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceCapabilities.Operation;
import dev.scimgateway.adapter.api.ResourcePage;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ScimFailure;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Users kept in a map. Records every call, and the arguments of the last of each kind, for assertions. */
public final class MemoryUsers implements ResourceProvider {

  /** Text no IdP may ever see. */
  public static final String INTERNAL_SECRET = "internal detail: db password hunter2";

  /**
   * How the next call fails, if at all. {@code POISONED_RESULT} succeeds a moment later, on the caller's
   * context as a real upstream answer does, with a resource that throws when the gateway reads it.
   */
  public enum Failure { NONE, FAILED_FUTURE, THROWN, POISONED_RESULT }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ResourceCapabilities capabilities;
  private final Map<String, ObjectNode> store = new LinkedHashMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private volatile Failure failNext = Failure.NONE;
  private volatile ObjectNode lastCreated;
  private volatile ObjectNode lastReplaced;
  private volatile ChangeSet lastChanges;
  private volatile ListQuery lastQuery;

  MemoryUsers(Set<Operation> operations) {
    this.capabilities = new ResourceCapabilities(
        Set.of("userName", "name.givenName", "name.familyName", "externalId", "active"), Set.of("userName"), operations, false);
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
    failNext = Failure.NONE;
    lastCreated = null;
    lastReplaced = null;
    lastChanges = null;
    lastQuery = null;
  }

  public void failNext(Failure failure) {
    failNext = failure;
  }

  /** E.g. {@code ["get u1", "modify u1"]}. */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  public ObjectNode lastCreated() {
    return lastCreated;
  }

  public ObjectNode lastReplaced() {
    return lastReplaced;
  }

  public ChangeSet lastChanges() {
    return lastChanges;
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
        return Future.succeededFuture(user.deepCopy());
      }
    });
  }

  @Override
  public Future<ObjectNode> get(String id) {
    return call("get " + id, () -> found(id).map(ObjectNode::deepCopy));
  }

  @Override
  public Future<ResourcePage> list(ListQuery query) {
    return call("list", () -> {
      lastQuery = query;
      List<ObjectNode> matches = new ArrayList<>();
      synchronized (this) {
        for (ObjectNode user : store.values()) {
          if (query.filter().isEmpty() || query.filter().get().value().equals(user.path("userName").asText())) {
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
        }
        return user.deepCopy();
      });
    });
  }

  @Override
  public Future<ObjectNode> modify(String id, ChangeSet changes) {
    return call("modify " + id, () -> {
      lastChanges = changes;
      return found(id).map(existing -> {
        ObjectNode user = changes.after().deepCopy().put("id", id);
        synchronized (this) {
          store.put(id, user);
        }
        return user.deepCopy();
      });
    });
  }

  @Override
  public Future<Void> delete(String id) {
    return call("delete " + id, () -> found(id).map(existing -> {
      synchronized (this) {
        store.remove(id);
      }
      return null;
    }));
  }

  private synchronized Future<ObjectNode> found(String id) {
    ObjectNode user = store.get(id);
    return user == null ? Future.failedFuture(ScimFailure.notFound("User " + id + " not found")) : Future.succeededFuture(user);
  }

  private <T> Future<T> call(String name, java.util.function.Supplier<Future<T>> action) {
    calls.add(name);
    Failure failure = failNext;
    failNext = Failure.NONE;
    return switch (failure) {
      case NONE -> action.get();
      case FAILED_FUTURE -> Future.failedFuture(new IllegalStateException(INTERNAL_SECRET));
      case THROWN -> throw new IllegalStateException(INTERNAL_SECRET);
      case POISONED_RESULT -> poisonedLater();
    };
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
