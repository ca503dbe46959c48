package dev.scimgateway.postman.scan;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The rounds of a scan that look-ups share: the first look-up starts a round; those that arrive while it
 * runs join the next round, which starts when the running one ends and serves all of them at once. So a
 * burst of look-ups costs two scans, not one each, and none takes its answer from a scan that started
 * before it arrived. Thread-safe; the caller reads the pages of the round it is handed.
 *
 * @param <R> what one round collects: the look-ups it serves and what it found
 */
public final class ScanRounds<R> {

  private final Supplier<R> newRound;
  private R running;
  private R next;

  public ScanRounds(Supplier<R> newRound) {
    this.newRound = newRound;
  }

  /**
   * Adds a look-up with {@code joining}: to a new round if none runs, which is returned for the caller to
   * start, or else to the next round (nothing returned: it starts when the running one ends).
   */
  public synchronized Optional<R> join(Consumer<R> joining) {
    if (running == null) {
      running = newRound.get();
      joining.accept(running);
      return Optional.of(running);
    }
    if (next == null) {
      next = newRound.get();
    }
    joining.accept(next);
    return Optional.empty();
  }

  /** Makes {@code round} the running one if none runs; whether it did. */
  public synchronized boolean startAlone(R round) {
    if (running != null) {
      return false;
    }
    running = round;
    return true;
  }

  /**
   * Ends the running round and hands over the next, if there is one and {@code stillNeeded} says it has
   * look-ups left (it may answer some itself, under the lock: none can join meanwhile). The round
   * returned is running, for the caller to start.
   */
  public synchronized Optional<R> finish(Predicate<R> stillNeeded) {
    R following = next;
    next = null;
    running = following != null && stillNeeded.test(following) ? following : null;
    return Optional.ofNullable(running);
  }
}
