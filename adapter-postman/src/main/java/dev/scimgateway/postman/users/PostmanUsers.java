package dev.scimgateway.postman.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.AttributeSelection;
import dev.scimgateway.adapter.api.ChangeSet;
import dev.scimgateway.adapter.api.ListFilter;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.ResourceCapabilities.Operation;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceChange;
import dev.scimgateway.adapter.api.ResourcePage;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.adapter.support.upstream.CallerContext;
import dev.scimgateway.adapter.support.upstream.SafeCreate;
import dev.scimgateway.adapter.support.upstream.UncertainOutcome;
import dev.scimgateway.adapter.support.upstream.UpstreamAnswer;
import dev.scimgateway.adapter.support.upstream.UpstreamCall;
import dev.scimgateway.postman.client.PostmanClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Users on Postman: a name change is a {@code PUT}, an {@code active} change Postman's replace-active
 * {@code PATCH}, and a delete a deactivation, since Postman cannot delete users.
 *
 * <h2>Look-ups</h2>
 * Postman filters only on {@code userName eq}, and case-sensitively; IdPs also look users up by
 * {@code externalId} (Entra) and compare userNames ignoring case (RFC 7643: userName is not
 * case-exact). Both are declared filterable and resolved here, with the tenant's {@link UserIndex}
 * saving upstream calls and Postman having the last word:
 * <ul>
 *   <li><b>userName eq v</b>: the spelling the index last saw for v (ignoring case), then v as given,
 *       then v in lower case, each as Postman's exact {@code userName eq} filter, stopping at the first
 *       that finds a user whose userName equals v ignoring case. A user seen before costs one call; an
 *       unknown one, one call (two when v has capitals). If none matches the answer is "not found",
 *       without a scan: Postman's userNames are unique ignoring case (they are email addresses), so
 *       the worst a missed case variant can cause is a 409 on the IdP's create, never a second user;
 *       and that 409 makes the gateway find and learn the variant (see {@link #create}), so the IdP's
 *       retry finds it.</li>
 *   <li><b>externalId eq v</b>: a known v costs one read of the user by id (checked: externalId
 *       still v). An unknown v is looked for in a full scan of Postman's user list, inside the read
 *       budget ({@link UserScan}; concurrent look-ups share scans). "Not found" is only ever answered
 *       after a scan that started after the look-up arrived, because a wrong "not found" here could
 *       make an IdP create a second user for one person (another userName, same externalId). Trusting
 *       a warm index instead would miss users created by anyone else since (Postman's own admin
 *       console, another gateway instance); the scan costs one read per 100 users and is rare, since
 *       Entra's and Okta's default matching attribute is userName. {@code idCache.warmUp} makes look-ups
 *       of existing users cheap from the start.</li>
 * </ul>
 *
 * <h2>Creates</h2>
 * A POST whose outcome is unknown (timeout, dropped connection, 5xx) is not re-sent blindly: the
 * user is looked up by userName first; if the create went through the IdP gets 201 with the user,
 * otherwise the POST is sent again (up to {@code retry.maxAttempts} in all). A 409 on such a re-sent
 * POST is the earlier attempt's success and answered the same way.
 *
 * <h2>PATCH</h2>
 * See {@link #modify(String, ResourceChange)}: a change of {@code active} alone costs one write and no
 * read; any other change starts from a fresh read.
 */
public final class PostmanUsers implements ResourceProvider {

  private static final System.Logger LOG = System.getLogger(PostmanUsers.class.getName());
  private static final ResourceCapabilities CAPABILITIES = new ResourceCapabilities(PostmanUserBodies.STORED_ATTRIBUTES,
      ResourceCapabilities.equalityOn("userName", "externalId"), false, EnumSet.allOf(Operation.class), true,
      PostmanUserBodies.DERIVED_ATTRIBUTES);
  /** How long a warm-up page may wait for the read budget. */
  private static final Duration WARM_UP_WAIT = Duration.ofMinutes(10);

  private final PostmanClient client;
  private final Vertx vertx;
  private final UserIndex index;
  private final UserScan scan;
  private final RecentUsers recent;
  private final SafeCreate safeCreate;

  public PostmanUsers(PostmanClient client) {
    this.client = client;
    this.vertx = client.vertx();
    this.index = new UserIndex(client.settings().idCache().maxSize());
    this.scan = new UserScan(this::page, index);
    this.recent = new RecentUsers(client.settings().idCache().recentUsers());
    this.safeCreate = new SafeCreate(vertx, client.settings().retry().policy(), client.tenant(), "the user");
  }

  @Override
  public ResourceCapabilities capabilities() {
    return CAPABILITIES;
  }

  /** Exports the id cache's statistics, tagged with the tenant's tags. */
  public void bindMetrics(MeterRegistry registry, Iterable<Tag> tags) {
    index.bindMetrics(registry, tags);
  }

  /** Fills the id cache from Postman's user list; the number of users seen. */
  public Future<Integer> warmUp() {
    return scan.warmUp();
  }

  /** Whether Postman has returned a user with this id to this tenant (and not said since that it is gone). */
  public boolean hasSeen(String id) {
    return index.knows(id);
  }

  /** Hits and misses of the id cache's look-ups, and how many users it remembers. */
  public IdCacheStats idCacheStats() {
    UserIndex.Stats stats = index.stats();
    return new IdCacheStats(stats.userNameHits(), stats.userNameMisses(), stats.externalIdHits(),
        stats.externalIdMisses(), stats.evictions(), stats.size());
  }

  /** The id cache's counters (no userNames or ids: safe to log or export). */
  public record IdCacheStats(long userNameHits, long userNameMisses, long externalIdHits, long externalIdMisses,
      long evictions, long size) {

    public long hits() {
      return userNameHits + externalIdHits;
    }

    public long misses() {
      return userNameMisses + externalIdMisses;
    }
  }

  @Override
  public Future<ObjectNode> create(ObjectNode resource) {
    ObjectNode body;
    try {
      body = PostmanUserBodies.user(resource);
    } catch (ScimFailure e) {
      return Future.failedFuture(e);
    }
    String userName = body.path("userName").asText();
    // Two replicas given the same create at once: one POST, the other answers with its user.
    return UncertainOutcome.reportedAsScimFailure(client.creates().once(UserIndex.key(userName),
        () -> create(body, userName),
        id -> read(id).map(Optional::of).recover(gone -> isStatus(gone, 404)
            ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(gone)),
        user -> user.path("id").asText()));
  }

  /** The POST, never blindly re-sent (see {@link SafeCreate}); a 409 names the user Postman has. */
  private Future<ObjectNode> create(ObjectNode body, String userName) {
    return safeCreate.send(() -> client.exchange(UpstreamCall.send(HttpMethod.POST, "/Users", body)).map(this::learned),
            () -> findByUserName(userName))
        .recover(failure -> isStatus(failure, 409)
            ? explainConflict(userName, (ScimFailure) failure)
            : Future.failedFuture(failure));
  }

  /**
   * A 409 means Postman has this userName in some case. Learns which user it is (a case variant the
   * IdP's look-up missed is found by a scan), so that the IdP's next look-up finds it, and names it.
   */
  private Future<ObjectNode> explainConflict(String userName, ScimFailure conflict) {
    Future<Optional<ObjectNode>> existing = index.peekUserName(userName).isPresent()
        ? Future.succeededFuture(Optional.empty())
        : findByUserName(userName).compose(found -> found.isPresent()
            ? Future.succeededFuture(found)
            : scanFor(UserScan.Kind.USER_NAME, userName));
    return existing.transform(found -> {
      if (found.succeeded() && found.result().isPresent()) {
        ObjectNode user = found.result().get();
        return Future.failedFuture(new ScimFailure(409, conflict.scimType().orElse(null), conflict.detail()
            + " (Postman has this person as '" + user.path("userName").asText() + "', id " + user.path("id").asText()
            + ".)"));
      }
      return Future.failedFuture(conflict);
    });
  }

  @Override
  public Future<ObjectNode> get(String id, AttributeSelection selection) {
    return read(id);
  }

  @Override
  public Future<ResourcePage> list(ListQuery query) {
    if (query.filter().isEmpty()) {
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("startIndex", String.valueOf(query.startIndex()));
      parameters.put("count", String.valueOf(query.count()));
      return client.call(UpstreamCall.get("/Users", parameters)).map(this::page);
    }
    ListFilter.Comparison filter = query.filter().get().single().orElseThrow();
    Future<Optional<ObjectNode>> found = filter.attribute().equalsIgnoreCase("externalId")
        ? findByExternalId(filter.value())
        : findByUserName(filter.value());
    return found.map(user -> {
      List<ObjectNode> matches = user.map(List::of).orElse(List.of());
      boolean onPage = query.startIndex() == 1 && query.count() > 0;
      return new ResourcePage(onPage ? matches : List.of(), matches.size(), query.startIndex());
    });
  }

  /** A PUT for the names, then a PATCH if Postman's answer does not have the {@code active} asked for. */
  @Override
  public Future<ObjectNode> replace(String id, ObjectNode resource) {
    return put(id, resource).compose(stored -> resource.has("active") && !resource.get("active").equals(stored.get("active"))
        ? setActive(id, resource.get("active").asBoolean())
        : Future.succeededFuture(stored));
  }

  /**
   * A change of {@code active} alone is Postman's replace-active PATCH, sent without reading the user:
   * it writes nothing else, so no outdated attribute can reach Postman. A change of nothing Postman
   * stores (Entra's manager, say) writes nothing and answers the user as Postman returned it in the last
   * {@code idCache.recentUserSeconds}, or as read now. Anything else starts from a fresh read: a name
   * change is a PUT of both names, then a PATCH if {@code active} changed too.
   */
  @Override
  public Future<ObjectNode> modify(String id, ResourceChange change) {
    if (change.attributes().isEmpty()) {
      return recent.get(id).map(PostmanUserBodies::fromPostman).map(Future::succeededFuture).orElseGet(() -> read(id));
    }
    Optional<JsonNode> active = change.assignedValue("active");
    if (change.targetsOnly(Set.of("active")) && active.isPresent()) {
      return active.get().isBoolean() ? setActive(id, active.get().asBoolean()) : cannotUnsetActive();
    }
    return change.resolve().compose(changes -> modify(id, changes));
  }

  private Future<ObjectNode> modify(String id, ChangeSet changes) {
    boolean namesChanged = changes.changed("userName") || changes.changed("name.givenName")
        || changes.changed("name.familyName") || changes.changed("externalId");
    boolean activeChanged = changes.changed("active");
    if (activeChanged && !changes.newValue("active").isBoolean()) {
      return cannotUnsetActive();
    }
    Future<ObjectNode> afterPut = namesChanged ? put(id, changes.after()) : Future.succeededFuture(changes.current());
    return afterPut.compose(stored -> activeChanged
        ? setActive(id, changes.newValue("active").asBoolean())
        : Future.succeededFuture(stored));
  }

  private static Future<ObjectNode> cannotUnsetActive() {
    return Future.failedFuture(ScimFailure.badRequest(ScimErrorType.MUTABILITY,
        "Postman cannot unset active; replace it with true or false."));
  }

  @Override
  public Future<Void> delete(String id) {
    return setActive(id, false).mapEmpty();
  }

  // ---- look-ups

  /** The user whose userName equals {@code userName} ignoring case, as Postman has it now. */
  Future<Optional<ObjectNode>> findByUserName(String userName) {
    Optional<UserIndex.Known> known = index.byUserName(userName);
    if (known.isEmpty()) { // another replica may have seen the user: one read of that id
      return client.sharedIds().find("userName", UserIndex.key(userName)).compose(shared -> shared.isEmpty()
          ? findBySpellings(userName, Optional.empty())
          : readIf(shared.get(), user -> userName.equalsIgnoreCase(user.path("userName").asText()))
              .compose(user -> user.isPresent() ? Future.succeededFuture(user) : findBySpellings(userName, Optional.empty())));
    }
    return findBySpellings(userName, known);
  }

  private Future<Optional<ObjectNode>> findBySpellings(String userName, Optional<UserIndex.Known> known) {
    Set<String> spellings = new LinkedHashSet<>();
    known.map(UserIndex.Known::userName).ifPresent(spellings::add);
    spellings.add(userName);
    spellings.add(userName.toLowerCase(Locale.ROOT));
    return findByUserName(userName, new ArrayList<>(spellings), 0, known);
  }

  private Future<Optional<ObjectNode>> findByUserName(String userName, List<String> spellings, int next,
      Optional<UserIndex.Known> known) {
    if (next >= spellings.size()) {
      return Future.succeededFuture(Optional.empty());
    }
    String spelling = spellings.get(next);
    return exactUserName(spelling).compose(users -> {
      Optional<ObjectNode> match = users.stream()
          .filter(user -> user.path("userName").asText().equalsIgnoreCase(userName))
          .findFirst();
      if (match.isPresent()) {
        return Future.succeededFuture(match);
      }
      known.filter(k -> spelling.equals(k.userName())).ifPresent(k -> index.forgetUserName(userName, k.id()));
      return findByUserName(userName, spellings, next + 1, known);
    });
  }

  /** Postman's own (case-sensitive) {@code userName eq} filter. */
  private Future<List<ObjectNode>> exactUserName(String userName) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("filter", "userName eq \"" + userName.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    parameters.put("startIndex", "1");
    parameters.put("count", String.valueOf(UserScan.PAGE_SIZE));
    return client.call(UpstreamCall.get("/Users", parameters)).map(answer -> page(answer).resources());
  }

  /** The user whose externalId is exactly {@code externalId}, as Postman has it now. */
  Future<Optional<ObjectNode>> findByExternalId(String externalId) {
    Optional<UserIndex.Known> known = index.byExternalId(externalId);
    if (known.isEmpty()) { // another replica may have seen the user: one read of that id instead of a scan
      return client.sharedIds().find("externalId", externalId).compose(shared -> shared.isEmpty()
          ? scanFor(UserScan.Kind.EXTERNAL_ID, externalId)
          : readIfExternalId(shared.get(), externalId)
              .compose(user -> user.isPresent() ? Future.succeededFuture(user) : scanFor(UserScan.Kind.EXTERNAL_ID, externalId)));
    }
    return readIfExternalId(known.get().id(), externalId)
        .compose(user -> user.isPresent() ? Future.succeededFuture(user) : scanFor(UserScan.Kind.EXTERNAL_ID, externalId));
  }

  /** The user with this id if it still has this externalId; empty (and forgotten) if not. */
  private Future<Optional<ObjectNode>> readIfExternalId(String id, String externalId) {
    return read(id)
        .map(user -> {
          if (externalId.equals(user.path("externalId").asText(null))) {
            return Optional.of(user);
          }
          index.forgetExternalId(externalId, id);
          return Optional.<ObjectNode>empty();
        })
        .recover(failure -> isStatus(failure, 404) ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(failure));
  }

  /** The user with this id if {@code matches} it; empty if not, or if there is no such user. */
  private Future<Optional<ObjectNode>> readIf(String id, java.util.function.Predicate<ObjectNode> matches) {
    return read(id).map(user -> Optional.of(user).filter(matches))
        .recover(failure -> isStatus(failure, 404) ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(failure));
  }

  private Future<Optional<ObjectNode>> scanFor(UserScan.Kind kind, String value) {
    return scan.find(kind, value, CallerContext.executor(vertx)).compose(found -> {
      if (found.user() != null) {
        // A scan may hand the one user it found to several callers: each changes a copy.
        return Future.succeededFuture(Optional.of(PostmanUserBodies.fromPostman(found.user().deepCopy())));
      }
      if (found.knownId() == null) {
        return Future.succeededFuture(Optional.empty());
      }
      // Learned while this look-up waited for a scan: read it and check the value.
      return read(found.knownId())
          .map(user -> kind == UserScan.Kind.EXTERNAL_ID
              ? Optional.of(user).filter(u -> value.equals(u.path("externalId").asText(null)))
              : Optional.of(user).filter(u -> value.equalsIgnoreCase(u.path("userName").asText())))
          .compose(user -> user.isPresent() ? Future.succeededFuture(user) : scanFor(kind, value));
    });
  }

  // ---- upstream calls

  private Future<ObjectNode> read(String id) {
    return client.exchange(UpstreamCall.get(userPath(id), Map.of()))
        .map(this::learned)
        .recover(failure -> {
          if (isStatus(failure, 404)) {
            index.forget(id);
            recent.forget(id);
          }
          return Future.failedFuture(failure);
        });
  }

  private Future<ObjectNode> put(String id, ObjectNode user) {
    ObjectNode body;
    try {
      body = PostmanUserBodies.user(user);
    } catch (ScimFailure e) {
      return Future.failedFuture(e);
    }
    return write(id, HttpMethod.PUT, body);
  }

  private Future<ObjectNode> setActive(String id, boolean active) {
    return write(id, HttpMethod.PATCH, PostmanUserBodies.setActive(active));
  }

  private Future<ObjectNode> write(String id, HttpMethod method, ObjectNode body) {
    return client.exchange(UpstreamCall.send(method, userPath(id), body))
        .map(this::learned)
        .recover(failure -> {
          if (isStatus(failure, 404)) {
            index.forget(id);
            recent.forget(id);
          }
          return Future.failedFuture(failure);
        });
  }

  private Future<JsonNode> page(int startIndex, int count, boolean background) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("startIndex", String.valueOf(startIndex));
    parameters.put("count", String.valueOf(count));
    UpstreamCall call = UpstreamCall.get("/Users", parameters);
    return background ? client.call(call, WARM_UP_WAIT) : client.call(call);
  }

  /** The user Postman answered with, learned and remembered. */
  private ObjectNode learned(UpstreamAnswer answer) {
    ObjectNode user = indexed(answer.json());
    recent.remember(user.get("id").asText(), answer.body());
    return user;
  }

  private ObjectNode indexed(JsonNode postmanUser) {
    ObjectNode user = PostmanUserBodies.fromPostman(postmanUser);
    index.learn(user);
    client.sharedIds().learn(user.path("id").asText(null), "userName", UserIndex.key(user.path("userName").asText("")),
        "externalId", user.path("externalId").asText(null));
    return user;
  }

  private ResourcePage page(JsonNode answer) {
    List<ObjectNode> users = new ArrayList<>();
    answer.path("Resources").forEach(postmanUser -> {
      ObjectNode user = indexed(postmanUser);
      recent.remember(user.get("id").asText(), postmanUser);
      users.add(user);
    });
    int startIndex = answer.path("startIndex").asInt(1);
    int total = answer.path("totalResults").asInt(users.size());
    return new ResourcePage(users, Math.max(total, users.size()), Math.max(1, startIndex));
  }

  private static boolean isStatus(Throwable failure, int status) {
    return failure instanceof ScimFailure scim && scim.status() == status;
  }

  private static String userPath(String id) {
    return "/Users/" + UpstreamCall.pathSegment(id);
  }
}
