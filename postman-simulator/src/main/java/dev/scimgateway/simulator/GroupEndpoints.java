package dev.scimgateway.simulator;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GET, POST, PATCH and DELETE on /Groups, as Postman documents them (digest §1.2, §7, §8.5).
 *
 * <p>Where the digest is silent:
 * <ul>
 *   <li>a member {@code value} must be the id of a user of the team (active or deactivated); any other answers
 *       403 "This person isn’t a member of the team." ({@link PostmanError#NOT_MEMBER_FORBIDDEN}, the NotMember
 *       status the digest shows for PATCH /Groups; 404 stays the group's own) and changes nothing;</li>
 *   <li>a member without {@code display} gets the user's userName; adding a member already present keeps it as it
 *       is; removing a member who is not in the group is a no-op;</li>
 *   <li>a request naming more than {@code maxMembersPerRequest} members (listed members plus one per removal,
 *       summed over its operations) is an invalid body, so a client must split large changes;</li>
 *   <li>a rename to another group's displayName is refused with the POST 409, {@link PostmanError#ALREADY_MEMBER};
 *       a rename whose {@code id} is not the group's is an invalid body;</li>
 *   <li>deleting a group deactivates nobody (the simulator does not know how the IdP assigns the app), and
 *       deactivating a user leaves their memberships alone;</li>
 *   <li>{@code excludedAttributes} and {@code attributes} are ignored: groups always come with their members.</li>
 * </ul>
 */
final class GroupEndpoints {

  private final GroupStore groups;
  private final UserStore users;
  private final int maxMembersPerRequest;

  GroupEndpoints(GroupStore groups, UserStore users, int maxMembersPerRequest) {
    this.groups = groups;
    this.users = users;
    this.maxMembersPerRequest = maxMembersPerRequest;
  }

  /** Paged as {@link ListResponse} describes; the only filter is {@code displayName eq "<name>"}. */
  ScimResponse list(MultiMap params) {
    GroupFilter filter = null;
    String filterText = params.get("filter");
    if (filterText != null) {
      Optional<GroupFilter> parsed = FilterParser.parseGroupFilter(filterText);
      if (parsed.isEmpty()) {
        return ScimResponse.error(PostmanError.UNSUPPORTED_FILTER);
      }
      filter = parsed.get();
    }
    List<StoredGroup> matches = filter == null ? groups.all() : groups.all().stream().filter(filter).toList();
    return ListResponse.page(matches, params, StoredGroup::toJson);
  }

  ScimResponse get(String id) {
    return groups.find(id)
        .map(group -> ScimResponse.json(200, group.toJson()))
        .orElseGet(() -> ScimResponse.error(PostmanError.GROUP_NOT_MEMBER));
  }

  ScimResponse create(ScimRequest request) {
    Optional<GroupValidator.NewGroup> group = request.jsonObject().flatMap(GroupValidator::forCreate);
    if (group.isEmpty() || group.get().members().size() > maxMembersPerRequest) {
      return ScimResponse.error(PostmanError.INVALID_BODY);
    }
    Map<String, StoredGroup.Member> members = new LinkedHashMap<>();
    if (!addAll(members, group.get().members())) {
      return ScimResponse.error(PostmanError.NOT_MEMBER_FORBIDDEN);
    }
    return groups.create(group.get().displayName(), group.get().externalId(), members)
        .map(created -> ScimResponse.json(201, created.toJson()))
        .orElseGet(() -> ScimResponse.error(PostmanError.ALREADY_MEMBER));
  }

  /**
   * Applies the operations in order to a copy of the group and stores the copy only when all of them succeed. A
   * rename-only PATCH answers {@code "members": null}, as Postman's example does; any other answers the members.
   */
  ScimResponse patch(String id, ScimRequest request) {
    if (groups.find(id).isEmpty()) {
      return ScimResponse.error(PostmanError.GROUP_NOT_MEMBER_ON_PATCH);
    }
    Optional<JsonObject> body = request.jsonObject();
    if (body.isEmpty()) {
      return ScimResponse.error(PostmanError.INVALID_BODY);
    }
    GroupPatchParser.Result patch = GroupPatchParser.parse(body.get());
    if (!patch.ok()) {
      return ScimResponse.error(patch.error());
    }
    if (GroupPatchParser.memberCount(patch.operations()) > maxMembersPerRequest) {
      return ScimResponse.error(PostmanError.INVALID_BODY);
    }
    Optional<GroupStore.Change> change = groups.update(id, (group, now) -> apply(group, patch.operations(), now));
    if (change.isEmpty()) {
      return ScimResponse.error(PostmanError.GROUP_NOT_MEMBER_ON_PATCH);
    }
    if (!change.get().ok()) {
      return ScimResponse.error(change.get().error());
    }
    StoredGroup patched = change.get().group();
    return ScimResponse.json(200, GroupPatchParser.isRenameOnly(patch.operations())
        ? patched.toJsonWithoutMembers()
        : patched.toJson());
  }

  ScimResponse delete(String id) {
    return groups.delete(id) ? ScimResponse.noContent() : ScimResponse.error(PostmanError.GROUP_NOT_MEMBER);
  }

  private GroupStore.Change apply(StoredGroup group, List<GroupPatchParser.Operation> operations, Instant now) {
    String displayName = group.displayName();
    Map<String, StoredGroup.Member> members = new LinkedHashMap<>(group.members());
    for (GroupPatchParser.Operation op : operations) {
      if (op instanceof GroupPatchParser.Operation.Rename rename) {
        if (rename.groupId() != null && !rename.groupId().equals(group.id())) {
          return GroupStore.Change.refused(PostmanError.INVALID_BODY);
        }
        displayName = rename.displayName();
      } else if (op instanceof GroupPatchParser.Operation.AddMembers add) {
        if (!addAll(members, add.members())) {
          return GroupStore.Change.refused(PostmanError.NOT_MEMBER_FORBIDDEN);
        }
      } else if (op instanceof GroupPatchParser.Operation.RemoveMember remove) {
        members.remove(remove.value());
      } else if (op instanceof GroupPatchParser.Operation.ReplaceMembers replace) {
        members.clear();
        if (!addAll(members, replace.members())) {
          return GroupStore.Change.refused(PostmanError.NOT_MEMBER_FORBIDDEN);
        }
      }
    }
    return GroupStore.Change.to(group.with(displayName, members, now));
  }

  /** Adds the members not yet in {@code members}; false when one is not a user of the team. */
  private boolean addAll(Map<String, StoredGroup.Member> members, List<GroupValidator.MemberRef> refs) {
    for (GroupValidator.MemberRef ref : refs) {
      if (members.containsKey(ref.value())) {
        continue;
      }
      Optional<StoredUser> user = users.find(ref.value());
      if (user.isEmpty()) {
        return false;
      }
      members.put(ref.value(), new StoredGroup.Member(ref.value(),
          ref.display() != null ? ref.display() : user.get().userName()));
    }
    return true;
  }
}
