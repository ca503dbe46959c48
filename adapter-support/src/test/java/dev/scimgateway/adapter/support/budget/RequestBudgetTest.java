package dev.scimgateway.adapter.support.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/** The sliding-log budget on a manual clock: nothing sleeps, every time is exact. */
class RequestBudgetTest {

  private static final long MS = 1_000_000L;
  private static final long S = 1_000 * MS;

  /** A clock that only moves when told, running due timers in time order. */
  static final class ManualScheduler implements RequestBudget.Scheduler {

    private record Task(long at, long sequence, Runnable run, boolean[] cancelled) {}

    private final PriorityQueue<Task> tasks =
        new PriorityQueue<>(Comparator.comparingLong(Task::at).thenComparingLong(Task::sequence));
    private long now;
    private long sequence;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public Runnable schedule(long delayNanos, Runnable task) {
      boolean[] cancelled = {false};
      tasks.add(new Task(now + delayNanos, sequence++, task, cancelled));
      return () -> cancelled[0] = true;
    }

    void advanceTo(long time) {
      while (!tasks.isEmpty() && tasks.peek().at() <= time) {
        Task task = tasks.poll();
        now = Math.max(now, task.at());
        if (!task.cancelled()[0]) {
          task.run().run();
        }
      }
      now = Math.max(now, time);
    }
  }

  private final ManualScheduler clock = new ManualScheduler();
  private long tickets;

  private RequestBudget budget(int limit, Duration window) {
    return new RequestBudget("write", limit, window, clock);
  }

  /** A request of tenant {@code a} with the given wait bound. */
  private Future<RequestBudget.Permit> ask(RequestBudget budget, Duration maxWait) {
    return ask(budget, "a", 1000, maxWait);
  }

  private Future<RequestBudget.Permit> ask(RequestBudget budget, String tenant, int maxQueue, Duration maxWait) {
    return budget.acquire(++tickets, tenant, maxQueue, clock.nanoTime() + maxWait.toNanos(), Runnable::run);
  }

  /** Takes a slot and ends the request at once. */
  private void sendAndEnd(RequestBudget budget) {
    Future<RequestBudget.Permit> permit = ask(budget, Duration.ofSeconds(1));
    assertTrue(permit.succeeded(), "expected to go at once");
    permit.result().release();
  }

  private static RequestBudget.BudgetExceededException refusal(Future<?> future) {
    assertTrue(future.failed(), "expected a refusal, got " + future);
    return assertInstanceOf(RequestBudget.BudgetExceededException.class, future.cause());
  }

  @Test
  void theFirstNRequestsGoAtOnce() {
    RequestBudget budget = budget(3, Duration.ofSeconds(10));

    for (int i = 0; i < 3; i++) {
      assertTrue(ask(budget, Duration.ofSeconds(25)).succeeded());
      clock.advanceTo(clock.nanoTime() + MS);
    }
  }

  @Test
  void theNextWaitsUntilTheFirstLeavesTheWindowPlusAMarginOfOnePercent() {
    RequestBudget budget = budget(3, Duration.ofSeconds(10));
    sendAndEnd(budget);
    clock.advanceTo(1 * MS);
    sendAndEnd(budget);
    clock.advanceTo(2 * MS);
    sendAndEnd(budget);
    clock.advanceTo(3 * MS);

    Future<RequestBudget.Permit> fourth = ask(budget, Duration.ofSeconds(25));

    clock.advanceTo(10 * S + 100 * MS - 1);
    assertFalse(fourth.isComplete(), "window 10 s + margin 100 ms, from the first end at 0");
    clock.advanceTo(10 * S + 100 * MS);
    assertTrue(fourth.succeeded());
  }

  @Test
  void theMarginIsAtLeastFiftyMilliseconds() {
    RequestBudget budget = budget(1, Duration.ofSeconds(1));
    sendAndEnd(budget);

    Future<RequestBudget.Permit> next = ask(budget, Duration.ofSeconds(25));

    clock.advanceTo(1 * S + 50 * MS - 1);
    assertFalse(next.isComplete());
    clock.advanceTo(1 * S + 50 * MS);
    assertTrue(next.succeeded());
  }

  @Test
  void aMinuteWindowHasASixHundredMillisecondMargin() {
    RequestBudget budget = budget(1, Duration.ofSeconds(60));
    sendAndEnd(budget);

    Future<RequestBudget.Permit> next = ask(budget, Duration.ofSeconds(120));

    clock.advanceTo(60 * S + 600 * MS - 1);
    assertFalse(next.isComplete());
    clock.advanceTo(60 * S + 600 * MS);
    assertTrue(next.succeeded());
  }

  @Test
  void aRequestHoldsItsSlotUntilItEndsAndAWindowAfter() {
    RequestBudget budget = budget(1, Duration.ofSeconds(1));
    RequestBudget.Permit slow = ask(budget, Duration.ofSeconds(1)).result();
    Future<RequestBudget.Permit> next = ask(budget, Duration.ofSeconds(25));

    clock.advanceTo(5 * S);
    assertFalse(next.isComplete(), "the first request has not ended yet");
    slow.release();
    clock.advanceTo(6 * S + 50 * MS - 1);
    assertFalse(next.isComplete(), "a window after it ended, not after it started");
    clock.advanceTo(6 * S + 50 * MS);
    assertTrue(next.succeeded());
  }

  @Test
  void waitsAreHandedOutInArrivalOrder() {
    RequestBudget budget = budget(3, Duration.ofSeconds(10));
    clock.advanceTo(5 * MS);
    List<Integer> order = new ArrayList<>();
    List<Long> sendTimes = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      int request = i;
      ask(budget, Duration.ofSeconds(25)).onSuccess(permit -> {
        order.add(request);
        sendTimes.add(clock.nanoTime());
        permit.release();
      });
    }

    clock.advanceTo(60 * S);

    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), order);
    assertEquals(List.of(5 * MS, 5 * MS, 5 * MS,
        5 * MS + 10_100 * MS, 5 * MS + 10_100 * MS, 5 * MS + 10_100 * MS,
        5 * MS + 20_200 * MS, 5 * MS + 20_200 * MS, 5 * MS + 20_200 * MS), sendTimes);
  }

  @Test
  void noWindowEverHoldsMoreThanNRequests() {
    RequestBudget budget = budget(4, Duration.ofSeconds(10));
    List<long[]> requests = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      clock.advanceTo(clock.nanoTime() + 700 * MS);
      ask(budget, Duration.ofSeconds(60)).onSuccess(permit -> {
        long started = clock.nanoTime();
        long duration = (requests.size() % 3) * 400 * MS;
        clock.schedule(duration, () -> {
          permit.release();
          requests.add(new long[] {started, clock.nanoTime()});
        });
      });
    }

    clock.advanceTo(200 * S);

    assertEquals(20, requests.size());
    // The upstream sees each request somewhere between its start and its end: count the worst case.
    for (long[] request : requests) {
      long windowStart = request[1];
      long inWindow = requests.stream().filter(other -> other[1] >= windowStart - 10 * S && other[0] <= windowStart).count();
      assertTrue(inWindow <= 4, "a window ending at " + windowStart + " may hold " + inWindow);
    }
  }

  @Test
  void aRequestAfterTheWindowGoesAtOnce() {
    RequestBudget budget = budget(2, Duration.ofSeconds(10));
    sendAndEnd(budget);
    sendAndEnd(budget);

    clock.advanceTo(10 * S + 100 * MS);
    assertTrue(ask(budget, Duration.ZERO).succeeded());
    clock.advanceTo(20 * S);
    assertTrue(ask(budget, Duration.ZERO).succeeded());
  }

  @Test
  void beyondMaxWaitItIsRefusedWithARetryAfterAndReservesNothing() {
    RequestBudget budget = budget(2, Duration.ofSeconds(10));
    sendAndEnd(budget);
    sendAndEnd(budget);
    Future<RequestBudget.Permit> third = ask(budget, Duration.ofSeconds(15));
    Future<RequestBudget.Permit> fourth = ask(budget, Duration.ofSeconds(15));

    RequestBudget.BudgetExceededException refused = refusal(ask(budget, Duration.ofSeconds(15)));

    assertEquals(21, refused.retryAfterSeconds(), "the next slot is at 20.2 s, beyond the 15 s bound");
    assertFalse(refused.paused());
    assertEquals(21, refusal(ask(budget, Duration.ofSeconds(15))).retryAfterSeconds(), "the refusal reserved nothing");
    assertEquals(2, budget.queued());
    clock.advanceTo(6 * S);
    Future<RequestBudget.Permit> fits = ask(budget, Duration.ofSeconds(15));
    assertFalse(fits.failed(), "once the wait fits, the same slot is handed out");
    clock.advanceTo(10 * S + 100 * MS);
    assertTrue(third.succeeded() && fourth.succeeded());
    third.result().release();
    fourth.result().release();
    clock.advanceTo(20 * S + 200 * MS);
    assertTrue(fits.succeeded());
  }

  @Test
  void aWaitOfExactlyMaxWaitIsAllowed() {
    RequestBudget budget = budget(1, Duration.ofSeconds(1));
    sendAndEnd(budget);

    assertFalse(ask(budget, Duration.ofMillis(1050)).isComplete());
    assertEquals(3, refusal(ask(budget, Duration.ofMillis(1050))).retryAfterSeconds(), "2.1 s rounds up");
  }

  @Test
  void aWaiterWhoseTurnDoesNotComeIsRefusedAtItsDeadline() {
    RequestBudget budget = budget(1, Duration.ofSeconds(1));
    ask(budget, Duration.ZERO).result(); // in flight and never ends
    Future<RequestBudget.Permit> waiting = ask(budget, Duration.ofSeconds(2));

    clock.advanceTo(2 * S - 1);
    assertFalse(waiting.isComplete());
    clock.advanceTo(2 * S);
    assertTrue(refusal(waiting).retryAfterSeconds() >= 1);
    assertEquals(0, budget.queued());
  }

  @Test
  void theQueueIsBoundedPerTenant() {
    RequestBudget budget = budget(1, Duration.ofSeconds(10));
    sendAndEnd(budget);
    ask(budget, "a", 2, Duration.ofSeconds(60));
    ask(budget, "a", 2, Duration.ofSeconds(60));

    RequestBudget.BudgetExceededException refused = refusal(ask(budget, "a", 2, Duration.ofSeconds(60)));

    assertTrue(refused.getMessage().contains("rateLimit.maxQueue"), refused.getMessage());
    assertTrue(refused.retryAfterSeconds() >= 30, "after the two ahead: " + refused.retryAfterSeconds());
    assertFalse(ask(budget, "b", 2, Duration.ofSeconds(60)).failed(), "another tenant's backlog does not fill b's share");
    assertEquals(3, budget.queued());
  }

  @Test
  void aRetryKeepsItsPlaceInLine() {
    RequestBudget budget = budget(1, Duration.ofSeconds(1));
    sendAndEnd(budget);
    List<String> order = new ArrayList<>();
    budget.acquire(50, "a", 10, 60 * S, Runnable::run).onSuccess(permit -> {
      order.add("later arrival");
      permit.release();
    });
    budget.acquire(7, "a", 10, 60 * S, Runnable::run).onSuccess(permit -> {
      order.add("earlier arrival, retried");
      permit.release();
    });

    clock.advanceTo(10 * S);

    assertEquals(List.of("earlier arrival, retried", "later arrival"), order);
  }

  @Test
  void aPauseHoldsEveryoneAndRefusesAtOnceThoseItWouldMakeLate() {
    RequestBudget budget = budget(5, Duration.ofSeconds(1));
    Future<RequestBudget.Permit> patient = ask(budget, Duration.ofSeconds(5));
    assertTrue(patient.succeeded());
    patient.result().release();
    Future<RequestBudget.Permit> queuedLate = ask(budget, Duration.ofSeconds(30));
    assertTrue(queuedLate.succeeded());

    budget.pauseUntil(3 * S, "Postman answered 429");

    assertTrue(budget.isPaused());
    Future<RequestBudget.Permit> waits = ask(budget, Duration.ofSeconds(5));
    RequestBudget.BudgetExceededException refused = refusal(ask(budget, Duration.ofSeconds(1)));
    assertTrue(refused.paused());
    assertEquals(3, refused.retryAfterSeconds());
    assertTrue(refused.getMessage().contains("Postman answered 429"), refused.getMessage());
    clock.advanceTo(3 * S - 1);
    assertFalse(waits.isComplete());
    clock.advanceTo(3 * S);
    assertTrue(waits.succeeded());
  }

  @Test
  void aPauseRefusesWaitersAlreadyInLineWhoseDeadlineItPasses() {
    RequestBudget budget = budget(1, Duration.ofSeconds(1));
    sendAndEnd(budget);
    Future<RequestBudget.Permit> shortWait = ask(budget, Duration.ofSeconds(2));
    Future<RequestBudget.Permit> longWait = ask(budget, Duration.ofSeconds(20));

    budget.pauseUntil(10 * S, "Postman answered 429");

    assertTrue(refusal(shortWait).paused());
    assertFalse(longWait.isComplete());
    clock.advanceTo(10 * S);
    assertTrue(longWait.succeeded());
  }

  @Test
  void cancelRefusesOnlyThatTenantsWaiters() {
    RequestBudget budget = budget(1, Duration.ofSeconds(1));
    sendAndEnd(budget);
    Future<RequestBudget.Permit> a = ask(budget, "a", 10, Duration.ofSeconds(20));
    Future<RequestBudget.Permit> b = ask(budget, "b", 10, Duration.ofSeconds(20));

    budget.cancel("a", new IllegalStateException("closing"));

    assertTrue(a.failed());
    clock.advanceTo(2 * S);
    assertTrue(b.succeeded());
  }
}
