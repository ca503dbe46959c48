package dev.scimgateway.adapter.support.upstream;

import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.adapter.support.retry.RetryPolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A create that is never blindly re-sent: when its outcome is unknown ({@link UncertainOutcome}: a
 * timeout, a dropped connection, a 5xx) the resource is looked up first; if the upstream has it, that is
 * the answer, else the create is sent again, at most {@link RetryPolicy#maxAttempts()} times in all, with
 * the policy's backoff. A 409 on such a repeat means the earlier attempt went through: it is answered
 * with what the look-up finds.
 *
 * @param vertx for the backoff timers
 * @param retry how often and how far apart creates are sent
 * @param tenant the tenant, for the log
 * @param what the resource for the log and details, e.g. {@code the user}
 */
public record SafeCreate(Vertx vertx, RetryPolicy retry, String tenant, String what) {

  private static final System.Logger LOG = System.getLogger(SafeCreate.class.getName());

  /**
   * Sends {@code create}, resolving unknown outcomes with {@code lookUp}; fails with a
   * {@link ScimFailure} only, never an {@link UncertainOutcome}.
   *
   * @param lookUp finds the resource {@code create} makes, or empty when there is none
   */
  public <T> Future<T> send(Supplier<Future<T>> create, Supplier<Future<Optional<T>>> lookUp) {
    return UncertainOutcome.reportedAsScimFailure(attempt(create, lookUp, 1, false));
  }

  private <T> Future<T> attempt(Supplier<Future<T>> create, Supplier<Future<Optional<T>>> lookUp, int attempt,
      boolean earlierUncertain) {
    return create.get().recover(failure -> {
      if (failure instanceof UncertainOutcome uncertain) {
        return afterUncertain(create, lookUp, attempt, uncertain);
      }
      if (earlierUncertain && failure instanceof ScimFailure refusal && refusal.status() == 409) {
        return lookUp.get().transform(found -> found.succeeded() && found.result().isPresent()
            ? Future.succeededFuture(found.result().get())
            : Future.failedFuture(failure));
      }
      return Future.failedFuture(failure);
    });
  }

  private <T> Future<T> afterUncertain(Supplier<Future<T>> create, Supplier<Future<Optional<T>>> lookUp, int attempt,
      UncertainOutcome uncertain) {
    LOG.log(System.Logger.Level.INFO, "tenant " + tenant + ": the outcome of a create is unknown (" + uncertain.detail()
        + "); looking " + what + " up before anything else");
    return lookUp.get().transform(found -> {
      if (found.failed()) {
        return Future.failedFuture(ScimFailure.badGateway(uncertain.detail() + " The gateway could not find out whether "
            + what + " was created; look it up before retrying."));
      }
      if (found.result().isPresent()) {
        return Future.succeededFuture(found.result().get());
      }
      if (attempt >= retry.maxAttempts()) {
        return Future.failedFuture(uncertain);
      }
      long backoff = RetryPolicy.backoffMillis(retry.initialBackoff(), attempt);
      return vertx.timer(Math.max(1, backoff)).compose(ignored -> attempt(create, lookUp, attempt + 1, true));
    });
  }
}
