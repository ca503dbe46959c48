package dev.scimgateway.postman.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A change of one Postman group in Postman's terms: a new displayName, and the user ids to add and to
 * remove. Split into {@link #parts} of a size Postman takes, and turned back by {@link #undo}.
 *
 * @param rename the new displayName, when the name changes
 * @param added the user ids to add
 * @param removed the user ids to remove
 */
record GroupEdit(Optional<String> rename, List<String> added, List<String> removed) {

  GroupEdit {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
  }

  /** Whether it changes nothing. */
  boolean isEmpty() {
    return rename.isEmpty() && added.isEmpty() && removed.isEmpty();
  }

  /** Whether it changes members (Postman then answers with them; a rename alone answers {@code members: null}). */
  boolean changesMembers() {
    return !added.isEmpty() || !removed.isEmpty();
  }

  /** How many member entries a request of it names: each member added, and one per member removed. */
  int memberEntries() {
    return added.size() + removed.size();
  }

  /**
   * This edit as requests of at most {@code maxMembers} member entries each, removals before adds, the
   * rename in the last (so that a failed part never leaves a rename to undo); one part when it fits.
   */
  List<GroupEdit> parts(int maxMembers) {
    if (memberEntries() <= maxMembers) {
      return List.of(this);
    }
    List<GroupEdit> parts = new ArrayList<>();
    List<String> entries = new ArrayList<>(removed);
    entries.addAll(added);
    for (int start = 0; start < entries.size(); start += maxMembers) {
      int end = Math.min(entries.size(), start + maxMembers);
      List<String> removes = new ArrayList<>();
      List<String> adds = new ArrayList<>();
      for (int i = start; i < end; i++) {
        (i < removed.size() ? removes : adds).add(entries.get(i));
      }
      parts.add(new GroupEdit(end == entries.size() ? rename : Optional.empty(), adds, removes));
    }
    return parts;
  }

  /**
   * What undoes the member changes of this edit once applied: the members it added removed, those it
   * removed added back. Only parts without a rename are ever undone (see {@link #parts}).
   */
  GroupEdit undo() {
    return new GroupEdit(Optional.empty(), removed, added);
  }

  /** E.g. {@code rename, 2 members added, 1 removed}. */
  String describe() {
    List<String> parts = new ArrayList<>();
    rename.ifPresent(name -> parts.add("renamed to '" + name + "'"));
    if (!added.isEmpty()) {
      parts.add(added.size() + " member" + (added.size() == 1 ? "" : "s") + " added");
    }
    if (!removed.isEmpty()) {
      parts.add(removed.size() + " member" + (removed.size() == 1 ? "" : "s") + " removed");
    }
    return parts.isEmpty() ? "nothing" : String.join(", ", parts);
  }
}
