package dev.scimgateway.postman.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimgateway.postman.scan.ScanRounds;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Pages through Postman's whole user list, 100 users a request, inside the read budget: to find a
 * user by an attribute Postman cannot filter on (externalId, or a userName in another case), and to
 * warm the {@link UserIndex} up. Every user seen is learned.
 *
 * <p>Scans are shared ({@link ScanRounds}), so a burst of look-ups costs two scans, not one each. A
 * look-up must not take "not found" from a scan that started before it arrived (that scan
 * may have passed the user's page before the user was created). A user such a scan did see is a
 * valid answer, though: Postman never deletes users (it only deactivates them). So before the next
 * scan starts, the look-ups waiting for it are answered with the user the finished scan found for
 * the same value, or with the id the index learned meanwhile (for the caller to read and check);
 * only the rest are scanned for.
 */
final class UserScan {

  static final int PAGE_SIZE = 100;
  /** A safety stop for an upstream that ignores {@code startIndex}. */
  private static final int MAX_PAGES = 100_000;

  enum Kind { USER_NAME, EXTERNAL_ID }

  /**
   * What a look-up found: a user as Postman listed it, the id of a user the index learned while the
   * look-up waited (to be read and checked), or neither.
   */
  record Found(JsonNode user, String knownId) {

    static final Found NOTHING = new Found(null, null);
  }

  /** Reads one page of {@code GET /Users}; {@code background} for the warm-up, which may wait longer. */
  interface Pages {
    Future<JsonNode> page(int startIndex, int count, boolean background);
  }

  private final Pages pages;
  private final UserIndex index;
  private final ScanRounds<Round> rounds = new ScanRounds<>(() -> new Round(false));

  UserScan(Pages pages, UserIndex index) {
    this.pages = pages;
    this.index = index;
  }

  private record Wanted(Kind kind, String value, Promise<Found> promise, Executor executor) {

    boolean matches(JsonNode user) {
      JsonNode attribute = user.path(kind == Kind.USER_NAME ? "userName" : "externalId");
      return attribute.isTextual()
          && (kind == Kind.USER_NAME ? attribute.asText().equalsIgnoreCase(value) : attribute.asText().equals(value));
    }

    void complete(Found found, Throwable failure) {
      executor.execute(() -> {
        if (failure != null) {
          promise.tryFail(failure);
        } else {
          promise.tryComplete(found);
        }
      });
    }
  }

  private static final class Round {
    final boolean full;
    final List<Wanted> wanted = new ArrayList<>();
    final Map<Wanted, JsonNode> found = new IdentityHashMap<>();
    final Set<String> seen = new HashSet<>();
    final Promise<Integer> done = Promise.promise();

    Round(boolean full) {
      this.full = full;
    }

    boolean allFound() {
      return found.size() == wanted.size();
    }
  }

  /** The first user with this attribute value, from a scan that started after this call. */
  Future<Found> find(Kind kind, String value, Executor executor) {
    Wanted wanted = new Wanted(kind, value, Promise.promise(), executor);
    rounds.join(round -> round.wanted.add(wanted)).ifPresent(round -> read(round, 1));
    return wanted.promise.future();
  }

  /** Reads every page and learns every user; the number of users seen. */
  Future<Integer> warmUp() {
    Round round = new Round(true);
    if (!rounds.startAlone(round)) {
      return Future.failedFuture(new IllegalStateException("a scan is already running"));
    }
    read(round, 1);
    return round.done.future();
  }

  private void read(Round round, int startIndex) {
    pages.page(startIndex, PAGE_SIZE, round.full).onComplete(result -> {
      if (result.failed()) {
        finish(round, result.cause());
        return;
      }
      JsonNode answer = result.result();
      JsonNode resources = answer.path("Resources");
      int items = resources.size();
      int fresh = 0;
      for (JsonNode user : resources) {
        index.learn(user);
        if (user.path("id").isTextual() && round.seen.add(user.get("id").asText())) {
          fresh++;
        }
        for (Wanted wanted : round.wanted) {
          if (!round.found.containsKey(wanted) && wanted.matches(user)) {
            round.found.put(wanted, user);
          }
        }
      }
      int total = answer.path("totalResults").asInt(0);
      int pageStart = Math.max(1, answer.path("startIndex").asInt(startIndex));
      boolean more = items > 0 && fresh > 0
          && (items >= PAGE_SIZE || pageStart + items - 1 < total)
          && (round.full || !round.allFound())
          && pageStart / PAGE_SIZE < MAX_PAGES;
      if (more) {
        read(round, pageStart + items);
      } else {
        finish(round, null);
      }
    });
  }

  private void finish(Round round, Throwable failure) {
    for (Wanted wanted : round.wanted) {
      JsonNode user = round.found.get(wanted);
      wanted.complete(user == null ? Found.NOTHING : new Found(user, null), failure);
    }
    if (failure != null) {
      round.done.tryFail(failure);
    } else {
      round.done.tryComplete(round.seen.size());
    }
    rounds.finish(following -> {
      if (failure == null) {
        following.wanted.removeIf(wanted -> answeredFrom(round, wanted));
      }
      return !following.wanted.isEmpty();
    }).ifPresent(following -> read(following, 1));
  }

  /** Answers {@code wanted} with a user the finished round saw, or the id the index learned meanwhile; whether it could. */
  private boolean answeredFrom(Round round, Wanted wanted) {
    JsonNode seen = sighting(round, wanted);
    if (seen != null) {
      wanted.complete(new Found(seen, null), null);
      return true;
    }
    Optional<String> known = knownId(wanted);
    known.ifPresent(id -> wanted.complete(new Found(null, id), null));
    return known.isPresent();
  }

  private Optional<String> knownId(Wanted wanted) {
    return (wanted.kind() == Kind.USER_NAME ? index.peekUserName(wanted.value()) : index.peekExternalId(wanted.value()))
        .map(UserIndex.Known::id);
  }

  /** A user the finished round saw that {@code wanted} is looking for, or null. */
  private static JsonNode sighting(Round round, Wanted wanted) {
    for (JsonNode user : round.found.values()) {
      if (wanted.matches(user)) {
        return user;
      }
    }
    return null;
  }
}
