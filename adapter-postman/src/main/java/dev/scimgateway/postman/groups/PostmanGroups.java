package dev.scimgateway.postman.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.AttributeSelection;
import dev.scimgateway.adapter.api.ChangeSet;
import dev.scimgateway.adapter.api.ListFilter;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.MultiValuedDelta;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceCapabilities.Operation;
import dev.scimgateway.adapter.api.ResourceChange;
import dev.scimgateway.adapter.api.ResourcePage;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.adapter.support.upstream.CallerContext;
import dev.scimgateway.adapter.support.upstream.SafeCreate;
import dev.scimgateway.adapter.support.upstream.UncertainOutcome;
import dev.scimgateway.adapter.support.upstream.UpstreamCall;
import dev.scimgateway.postman.client.PostmanClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Groups on Postman: created, read, listed, changed with Postman's own member operations and deleted.
 *
 * <h2>Look-ups</h2>
 * Postman filters only on {@code displayName eq}, case-sensitively, while SCIM's displayName is not
 * case-exact. {@code displayName eq v} tries the spelling the {@link GroupIndex} last saw for v (ignoring
 * case), then v as given, each as Postman's exact filter; if neither finds a group whose displayName
 * equals v ignoring case, the answer "none" is only given after paging through Postman's whole group list
 * (100 groups a read): Postman's group names are unique only case-sensitively, so a missed case variant
 * would make the IdP create a second group for one name.
 *
 * <h2>Changes</h2>
 * A PATCH that adds or removes members is Postman's PATCH with exactly those members, without a read; a
 * rename whose name Postman already has (Okta sends one with every membership change) costs nothing when
 * the index knows the group's name, and otherwise rides in the same request. {@code replace} of
 * {@code members} (and PUT) read the group and send the difference. Changes naming more members than
 * {@code groups.maxMembersPerRequest} are split into parts; if a later part fails, the parts already
 * applied are undone, so the IdP sees all or nothing (see {@link #apply}).
 */
public final class PostmanGroups implements ResourceProvider {

  private static final ResourceCapabilities CAPABILITIES = new ResourceCapabilities(
      PostmanGroupBodies.STORED_ATTRIBUTES, ResourceCapabilities.equalityOn("displayName"), false,
      EnumSet.allOf(Operation.class), false);
  static final int PAGE_SIZE = 100;

  private final PostmanClient client;
  private final GroupIndex index;
  private final Predicate<String> knownUser;
  private final int maxMembersPerRequest;
  private final SafeCreate safeCreate;
  private final GroupScan scan = new GroupScan(this::page, PAGE_SIZE);

  /**
   * @param knownUser whether Postman has returned a user with this id to the tenant, to name the likely
   *     culprits when Postman refuses one of several members without saying which
   */
  public PostmanGroups(PostmanClient client, Predicate<String> knownUser) {
    this.client = client;
    this.knownUser = knownUser;
    this.index = new GroupIndex(client.settings().idCache().maxSize());
    this.maxMembersPerRequest = client.settings().groups().maxMembersPerRequest();
    this.safeCreate = new SafeCreate(client.vertx(), client.settings().retry().policy(), client.tenant(), "the group");
  }

  @Override
  public ResourceCapabilities capabilities() {
    return CAPABILITIES;
  }

  /** Exports the group index's statistics, tagged with the tenant's tags. */
  public void bindMetrics(MeterRegistry registry, Iterable<Tag> tags) {
    index.bindMetrics(registry, tags);
  }

  // ---- create, read, list, delete

  /**
   * One POST with the name and up to {@code maxMembersPerRequest} members; more members are added in
   * further parts, and if one fails the group is deleted again, so that the IdP's retry starts afresh.
   */
  @Override
  public Future<ObjectNode> create(ObjectNode resource) {
    String displayName = resource.path("displayName").asText();
    List<String> members;
    try {
      members = PostmanGroupBodies.values(resource.path("members"));
    } catch (ScimFailure e) {
      return Future.failedFuture(e);
    }
    List<String> first = members.subList(0, Math.min(members.size(), maxMembersPerRequest));
    List<String> rest = members.subList(first.size(), members.size());
    Future<ObjectNode> created = post(PostmanGroupBodies.create(displayName, first), displayName, first);
    if (rest.isEmpty()) {
      return UncertainOutcome.reportedAsScimFailure(created);
    }
    return UncertainOutcome.reportedAsScimFailure(created).compose(group -> {
      String id = group.path("id").asText();
      return apply(id, new GroupEdit(Optional.empty(), rest, List.of()))
          .recover(failure -> deleteAfterFailedCreate(id, first.size(), members.size(), failure));
    });
  }

  /** The POST, never blindly re-sent (see {@link SafeCreate}): found again by its exact name. */
  private Future<ObjectNode> post(ObjectNode body, String displayName, List<String> members) {
    return safeCreate.send(() -> client.call(UpstreamCall.send(HttpMethod.POST, "/Groups", body)).map(this::learned),
            () -> exactDisplayName(displayName).map(found -> found.stream().findFirst()))
        .recover(failure -> Future.failedFuture(explainRefusedMembers(failure, members)));
  }

  private Future<ObjectNode> deleteAfterFailedCreate(String id, int sent, int total, Throwable failure) {
    ScimFailure cause = asScimFailure(failure);
    return delete(id).transform(deleted -> Future.failedFuture(deleted.succeeded()
        ? new ScimFailure(cause.status(), cause.scimType().orElse(null), cause.detail() + " (The group was created"
            + " with the first " + sent + " of its " + total + " members and deleted again when adding the rest failed;"
            + " nothing was created.)")
        : ScimFailure.badGateway(cause.detail() + " (The group was created in Postman with id " + id + " and the first "
            + sent + " of its " + total + " members; adding the rest failed, and deleting it again failed too: "
            + deleted.cause().getMessage() + " Delete or complete the group in Postman.)")));
  }

  /** The group; its members are left out when the IdP excluded them (Postman always sends them). */
  @Override
  public Future<ObjectNode> get(String id, AttributeSelection selection) {
    return read(id).map(group -> shown(group, selection));
  }

  @Override
  public Future<ResourcePage> list(ListQuery query) {
    if (query.filter().isEmpty()) {
      return page(query.startIndex(), query.count()).map(page -> new ResourcePage(
          page.resources().stream().map(group -> shown(group, query.selection())).toList(),
          page.totalResults(), page.startIndex()));
    }
    ListFilter.Comparison filter = query.filter().get().single().orElseThrow();
    return findByDisplayName(filter.value(), filter.caseExact()).map(groups -> {
      boolean onPage = query.startIndex() == 1 && query.count() > 0;
      List<ObjectNode> shown = groups.stream().map(group -> shown(group, query.selection())).toList();
      return new ResourcePage(onPage ? shown.subList(0, Math.min(shown.size(), query.count())) : List.of(),
          groups.size(), query.startIndex());
    });
  }

  @Override
  public Future<Void> delete(String id) {
    return client.call(UpstreamCall.send(HttpMethod.DELETE, groupPath(id), null))
        .andThen(result -> {
          if (result.succeeded() || isStatus(result.cause(), 404)) {
            index.forget(id);
          }
        })
        .mapEmpty();
  }

  // ---- changes

  /** A PUT (older Okta apps): one read, then the difference as Postman's operations; nothing if none. */
  @Override
  public Future<ObjectNode> replace(String id, ObjectNode resource) {
    List<String> wanted;
    try {
      wanted = PostmanGroupBodies.values(resource.path("members"));
    } catch (ScimFailure e) {
      return Future.failedFuture(e);
    }
    return read(id).compose(current -> {
      GroupEdit edit = difference(current, resource.path("displayName").asText(), wanted);
      return edit.isEmpty() ? Future.succeededFuture(current) : apply(id, edit).map(answer -> withMembers(answer, current, edit));
    });
  }

  /**
   * Adds and removes by {@code value eq} (what {@link ResourceChange#delta} decides) are sent without a
   * read; {@code replace} or removal of all {@code members} reads the group ({@link ResourceChange#resolve})
   * and sends the difference. A rename to the name the index knows the group has is not sent.
   */
  @Override
  public Future<ObjectNode> modify(String id, ResourceChange change) {
    if (change.attributes().isEmpty()) {
      return read(id);
    }
    boolean membersTargeted = change.attributes().stream().anyMatch("members"::equalsIgnoreCase);
    Optional<MultiValuedDelta> delta = change.delta("members");
    if (membersTargeted && delta.isEmpty()) {
      return change.resolve().compose(changes -> modify(id, changes));
    }
    GroupEdit edit;
    try {
      edit = new GroupEdit(rename(id, change.assignedValue("displayName")),
          delta.map(d -> PostmanGroupBodies.values(d.added())).orElse(List.of()),
          delta.map(d -> PostmanGroupBodies.values(d.removed())).orElse(List.of()));
    } catch (ScimFailure e) {
      return Future.failedFuture(e);
    }
    if (edit.isEmpty()) {
      return index.displayNameOf(id).map(name -> Future.succeededFuture(withoutMembers(id, name))).orElseGet(() -> read(id));
    }
    Optional<String> skippedRename = edit.rename().isPresent() ? Optional.empty()
        : change.assignedValue("displayName").filter(JsonNode::isTextual).map(JsonNode::asText);
    return apply(id, edit).compose(answer -> renameIfStale(id, answer, skippedRename));
  }

  /**
   * A rename left out because the index knew the name, when Postman's answer shows another (someone
   * renamed the group in Postman since): sent now, so Postman ends up with the name the IdP asked for.
   */
  private Future<ObjectNode> renameIfStale(String id, ObjectNode answer, Optional<String> skippedRename) {
    if (skippedRename.isEmpty() || skippedRename.get().equals(answer.path("displayName").asText())) {
      return Future.succeededFuture(answer);
    }
    GroupEdit rename = new GroupEdit(skippedRename, List.of(), List.of());
    return apply(id, rename).map(renamed -> withMembers(renamed, answer, rename));
  }

  private Future<ObjectNode> modify(String id, ChangeSet changes) {
    GroupEdit edit;
    try {
      edit = new GroupEdit(
          changes.changed("displayName") ? Optional.of(changes.newValue("displayName").asText()) : Optional.empty(),
          PostmanGroupBodies.values(changes.added("members")), PostmanGroupBodies.values(changes.removed("members")));
    } catch (ScimFailure e) {
      return Future.failedFuture(e);
    }
    ObjectNode before = changes.before().deepCopy();
    before.putArray("schemas").add(PostmanGroupBodies.GROUP_SCHEMA);
    before.put("id", id);
    return edit.isEmpty() ? Future.succeededFuture(before) : apply(id, edit).map(answer -> withMembers(answer, before, edit));
  }

  /** The new name, unless Postman's group already has exactly it (as far as the index knows). */
  private Optional<String> rename(String id, Optional<JsonNode> displayName) {
    return displayName.filter(JsonNode::isTextual).map(JsonNode::asText)
        .filter(name -> !index.displayNameOf(id).map(name::equals).orElse(false));
  }

  /** From {@code current} to the name and members asked for. */
  private static GroupEdit difference(JsonNode current, String displayName, List<String> wanted) {
    List<String> present = PostmanGroupBodies.values(current.path("members"));
    Set<String> presentSet = new LinkedHashSet<>(present);
    Set<String> wantedSet = new LinkedHashSet<>(wanted);
    return new GroupEdit(
        displayName.equals(current.path("displayName").asText()) ? Optional.empty() : Optional.of(displayName),
        wanted.stream().filter(value -> !presentSet.contains(value)).toList(),
        present.stream().filter(value -> !wantedSet.contains(value)).toList());
  }

  /**
   * Sends {@code edit} in parts of at most {@code maxMembersPerRequest} member entries, one after the
   * other, and answers Postman's answer to the last. Postman applies each request whole or not at all;
   * if a part fails, the parts already applied are undone (their members removed or added back, last
   * first) and the IdP gets the part's error, saying so. If an undo fails too, the IdP gets 502 naming
   * what remains applied. The rename rides in the last part, so it never needs undoing.
   */
  Future<ObjectNode> apply(String id, GroupEdit edit) {
    List<GroupEdit> parts = edit.parts(maxMembersPerRequest);
    return applyFrom(id, parts, 0, null);
  }

  private Future<ObjectNode> applyFrom(String id, List<GroupEdit> parts, int next, ObjectNode last) {
    if (next == parts.size()) {
      return Future.succeededFuture(last);
    }
    return patch(id, parts.get(next)).transform(sent -> {
      if (sent.succeeded()) {
        return applyFrom(id, parts, next + 1, sent.result());
      }
      if (next == 0) {
        return Future.failedFuture(sent.cause());
      }
      return undo(id, parts, next, next - 1, asScimFailure(sent.cause()));
    });
  }

  /** Undoes parts {@code [0, undoing]} in reverse after part {@code failed} failed with {@code cause}. */
  private Future<ObjectNode> undo(String id, List<GroupEdit> parts, int failed, int undoing, ScimFailure cause) {
    String context = " (The change was sent to Postman in " + parts.size() + " parts of at most "
        + maxMembersPerRequest + " members (tenants." + client.tenant() + ".postman.groups.maxMembersPerRequest); part "
        + (failed + 1) + " failed";
    if (undoing < 0) {
      return Future.failedFuture(new ScimFailure(cause.status(), cause.scimType().orElse(null), cause.detail()
          + context + ", and the gateway undid the " + failed + " part" + (failed == 1 ? "" : "s")
          + " already applied: the group is as it was.)"));
    }
    return patch(id, parts.get(undoing).undo()).transform(undone -> {
      if (undone.succeeded()) {
        return undo(id, parts, failed, undoing - 1, cause);
      }
      List<String> remaining = new ArrayList<>();
      for (int i = 0; i <= undoing; i++) {
        remaining.add(parts.get(i).describe());
      }
      return Future.failedFuture(ScimFailure.badGateway(cause.detail() + context + "; undoing the parts already"
          + " applied failed too (" + undone.cause().getMessage() + "), so Postman's group " + id + " keeps part of the"
          + " change: " + String.join("; ", remaining) + ". Send the change again, or read the group to see its state.)"));
    });
  }

  private Future<ObjectNode> patch(String id, GroupEdit part) {
    return client.call(UpstreamCall.send(HttpMethod.PATCH, groupPath(id), PostmanGroupBodies.patch(id, part)))
        .map(this::learned)
        .recover(failure -> {
          if (isStatus(failure, 404)) {
            index.forget(id);
          }
          return Future.failedFuture(explainRefusedMembers(failure, part.added()));
        });
  }

  /**
   * Postman refuses a request naming a member who is not a user of the team without saying which; of
   * several members added, those Postman never returned to this tenant as users are named as the likely ones.
   */
  private Throwable explainRefusedMembers(Throwable failure, List<String> added) {
    if (added.size() < 2 || !(failure instanceof ScimFailure scim) || scim.status() != 400
        || scim.scimType().filter(ScimErrorType.INVALID_VALUE::equals).isEmpty()) {
      return failure;
    }
    List<String> unseen = added.stream().filter(value -> !knownUser.test(value)).toList();
    if (unseen.isEmpty() || unseen.size() == added.size()) {
      return failure;
    }
    String named = String.join(", ", unseen.subList(0, Math.min(10, unseen.size()))) + (unseen.size() > 10 ? ", …" : "");
    return ScimFailure.badRequest(ScimErrorType.INVALID_VALUE, scim.detail() + " Of them, the gateway has never seen "
        + (unseen.size() == 1 ? "this one" : "these " + unseen.size()) + " as a Postman user: " + named + ".");
  }

  // ---- look-ups

  /** The groups whose displayName equals {@code displayName} (ignoring case unless {@code caseExact}). */
  Future<List<ObjectNode>> findByDisplayName(String displayName, boolean caseExact) {
    Set<String> spellings = new LinkedHashSet<>();
    Optional<GroupIndex.Known> known = caseExact ? Optional.empty() : index.byDisplayName(displayName);
    known.map(GroupIndex.Known::displayName).ifPresent(spellings::add);
    spellings.add(displayName);
    return findBySpellings(displayName, caseExact, new ArrayList<>(spellings), 0, known);
  }

  private Future<List<ObjectNode>> findBySpellings(String displayName, boolean caseExact, List<String> spellings,
      int next, Optional<GroupIndex.Known> known) {
    if (next == spellings.size()) {
      return caseExact ? Future.succeededFuture(List.of()) : scan.find(displayName, CallerContext.executor(client.vertx()));
    }
    String spelling = spellings.get(next);
    return exactDisplayName(spelling).compose(groups -> {
      List<ObjectNode> matches = groups.stream().filter(group -> sameName(group, displayName, caseExact)).toList();
      if (!matches.isEmpty()) {
        return Future.succeededFuture(matches);
      }
      known.filter(k -> k.displayName().equals(spelling)).ifPresent(index::forgetName);
      return findBySpellings(displayName, caseExact, spellings, next + 1, known);
    });
  }

  /** Postman's own (case-sensitive) {@code displayName eq} filter. */
  private Future<List<ObjectNode>> exactDisplayName(String displayName) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("filter", "displayName eq \"" + displayName.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    parameters.put("startIndex", "1");
    parameters.put("count", String.valueOf(PAGE_SIZE));
    return client.call(UpstreamCall.get("/Groups", parameters)).map(answer -> pageOf(answer).resources());
  }

  private static boolean sameName(JsonNode group, String displayName, boolean caseExact) {
    String name = group.path("displayName").asText();
    return caseExact ? name.equals(displayName) : name.equalsIgnoreCase(displayName);
  }

  // ---- upstream reads and answers

  private Future<ObjectNode> read(String id) {
    return client.call(UpstreamCall.get(groupPath(id), Map.of()))
        .map(this::learned)
        .recover(failure -> {
          if (isStatus(failure, 404)) {
            index.forget(id);
          }
          return Future.failedFuture(failure);
        });
  }

  private Future<ResourcePage> page(int startIndex, int count) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("startIndex", String.valueOf(startIndex));
    parameters.put("count", String.valueOf(count));
    return client.call(UpstreamCall.get("/Groups", parameters)).map(this::pageOf);
  }

  private ResourcePage pageOf(JsonNode answer) {
    List<ObjectNode> groups = new ArrayList<>();
    answer.path("Resources").forEach(group -> groups.add(learned(group)));
    int startIndex = answer.path("startIndex").asInt(1);
    int total = answer.path("totalResults").asInt(groups.size());
    return new ResourcePage(groups, Math.max(total, groups.size()), Math.max(1, startIndex));
  }

  private ObjectNode learned(JsonNode answer) {
    ObjectNode group = PostmanGroupBodies.fromPostman(answer);
    index.learn(group);
    return group;
  }

  /** The group without {@code members} when the IdP will not be shown them. */
  private static ObjectNode shown(ObjectNode group, AttributeSelection selection) {
    if (!selection.includes("members") && group.has("members")) {
      ObjectNode copy = group.deepCopy();
      copy.remove("members");
      return copy;
    }
    return group;
  }

  /** A group Postman answered without members (a rename) gets those of {@code before} when the edit kept them. */
  private static ObjectNode withMembers(ObjectNode answer, JsonNode before, GroupEdit edit) {
    if (answer.has("members") || edit.changesMembers() || !before.has("members")) {
      return answer;
    }
    ObjectNode copy = answer.deepCopy();
    copy.set("members", before.get("members").deepCopy());
    return copy;
  }

  /** The answer to a PATCH that changes nothing Postman has: what is known, without a call. */
  private static ObjectNode withoutMembers(String id, String displayName) {
    ObjectNode group = PostmanGroupBodies.fromPostman(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
        .objectNode().put("id", id).put("displayName", displayName));
    group.putArray("schemas").add(PostmanGroupBodies.GROUP_SCHEMA);
    return group;
  }

  private static ScimFailure asScimFailure(Throwable failure) {
    if (failure instanceof ScimFailure scim) {
      return scim;
    }
    if (failure instanceof UncertainOutcome uncertain) {
      return uncertain.failure();
    }
    return ScimFailure.badGateway("Postman's group request failed: " + failure.getMessage());
  }

  private static boolean isStatus(Throwable failure, int status) {
    return failure instanceof ScimFailure scim && scim.status() == status;
  }

  private static String groupPath(String id) {
    return "/Groups/" + UpstreamCall.pathSegment(id);
  }
}
