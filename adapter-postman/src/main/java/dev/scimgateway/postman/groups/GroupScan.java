package dev.scimgateway.postman.groups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ResourcePage;
import dev.scimgateway.postman.scan.ScanRounds;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Pages through the team's groups for those named a displayName in any case, which Postman's own filter
 * (case-sensitive) cannot find.
 *
 * <p>Scans are shared ({@link ScanRounds}), so a burst of look-ups of names Postman does not hold (an IdP's
 * check before each create) costs two scans, not one each. A look-up never takes its answer from a scan
 * that started before it arrived: that scan may have passed the page of a group created since.
 */
final class GroupScan {

  /** A safety stop for an upstream that ignores {@code startIndex}. */
  private static final int MAX_PAGES = 100_000;

  /** Reads one page of {@code GET /Groups}. */
  interface Pages {
    Future<ResourcePage> page(int startIndex, int count);
  }

  private record Wanted(String displayName, List<ObjectNode> matches, Promise<List<ObjectNode>> promise,
      Executor executor) {

    void complete(Throwable failure) {
      executor.execute(() -> {
        if (failure != null) {
          promise.tryFail(failure);
        } else {
          // Each caller gets groups of its own: a group two look-ups share goes on to two requests.
          promise.tryComplete(matches.stream().map(ObjectNode::deepCopy).toList());
        }
      });
    }
  }

  private final Pages pages;
  private final int pageSize;
  private final ScanRounds<List<Wanted>> rounds = new ScanRounds<>(ArrayList::new);

  GroupScan(Pages pages, int pageSize) {
    this.pages = pages;
    this.pageSize = pageSize;
  }

  /** The groups named {@code displayName} ignoring case, from a scan that started after this call; answered on {@code executor}. */
  Future<List<ObjectNode>> find(String displayName, Executor executor) {
    Wanted wanted = new Wanted(displayName, new ArrayList<>(), Promise.promise(), executor);
    rounds.join(round -> round.add(wanted)).ifPresent(round -> read(round, 1, 0));
    return wanted.promise().future();
  }

  private void read(List<Wanted> round, int startIndex, int pagesRead) {
    pages.page(startIndex, pageSize).onComplete(result -> {
      if (result.failed()) {
        finish(round, result.cause());
        return;
      }
      ResourcePage page = result.result();
      for (ObjectNode group : page.resources()) {
        String name = group.path("displayName").asText();
        for (Wanted wanted : round) {
          if (name.equalsIgnoreCase(wanted.displayName())) {
            wanted.matches().add(group);
          }
        }
      }
      int items = page.resources().size();
      boolean more = items > 0 && page.startIndex() + items - 1 < page.totalResults() && pagesRead < MAX_PAGES;
      if (more) {
        read(round, page.startIndex() + items, pagesRead + 1);
      } else {
        finish(round, null);
      }
    });
  }

  private void finish(List<Wanted> round, Throwable failure) {
    round.forEach(wanted -> wanted.complete(failure));
    rounds.finish(following -> true).ifPresent(following -> read(following, 1, 0));
  }
}
