package dev.scimgateway.simulator;

import java.util.function.Predicate;

/** A filter GET /Users supports: {@code userName eq "<value>"} or {@code active eq "true"|"false"}. */
sealed interface UserFilter extends Predicate<StoredUser> {

  /** Matches the userName exactly: Postman documents filter values as case-sensitive. */
  record UserNameEq(String userName) implements UserFilter {
    @Override
    public boolean test(StoredUser user) {
      return user.userName().equals(userName);
    }
  }

  record ActiveEq(boolean active) implements UserFilter {
    @Override
    public boolean test(StoredUser user) {
      return user.active() == active;
    }
  }
}
