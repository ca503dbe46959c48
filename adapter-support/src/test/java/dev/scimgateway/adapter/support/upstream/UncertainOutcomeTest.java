package dev.scimgateway.adapter.support.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.scimgateway.adapter.api.ScimFailure;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

/** "Outcome unknown" stays inside the adapter and reaches the IdP as the failure it carries. */
class UncertainOutcomeTest {

  private final ScimFailure carried = ScimFailure.badGateway("Postman failed on POST /Users with HTTP 500");

  @Test
  void isNotAScimFailure() {
    Throwable uncertain = new UncertainOutcome(carried);

    assertFalse(uncertain instanceof ScimFailure);
    assertEquals(carried.detail(), uncertain.getMessage());
  }

  @Test
  void anUnresolvedOneIsReportedAsTheFailureItCarries() {
    Future<String> reported = UncertainOutcome.reportedAsScimFailure(Future.failedFuture(new UncertainOutcome(carried)));

    assertSame(carried, reported.cause());
  }

  @Test
  void otherOutcomesPassUnchanged() {
    ScimFailure conflict = ScimFailure.conflict("taken");
    IllegalStateException bug = new IllegalStateException("bug");

    assertEquals("done", UncertainOutcome.reportedAsScimFailure(Future.succeededFuture("done")).result());
    assertSame(conflict, UncertainOutcome.reportedAsScimFailure(Future.failedFuture(conflict)).cause());
    assertSame(bug, UncertainOutcome.reportedAsScimFailure(Future.failedFuture(bug)).cause());
  }
}
