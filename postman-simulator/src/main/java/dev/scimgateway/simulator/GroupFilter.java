package dev.scimgateway.simulator;

import java.util.function.Predicate;

/**
 * The one filter GET /Groups supports, {@code displayName eq "<value>"}: it matches the displayName exactly, because
 * Postman documents filter values as case-sensitive.
 */
record GroupFilter(String displayName) implements Predicate<StoredGroup> {

  @Override
  public boolean test(StoredGroup group) {
    return group.displayName().equals(displayName);
  }
}
