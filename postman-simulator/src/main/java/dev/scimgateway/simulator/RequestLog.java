package dev.scimgateway.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Received requests in arrival order. A request takes its place when it arrives and is filled in when it is
 * answered (or dropped), so a delayed request still appears before the ones that arrived after it. Thread-safe.
 */
final class RequestLog {

  private final Map<Long, RecordedRequest> entries = new LinkedHashMap<>();
  private long nextTicket;

  /** Reserves the next place; pass the ticket to {@link #complete}. */
  synchronized long arrive() {
    long ticket = nextTicket++;
    entries.put(ticket, null);
    return ticket;
  }

  /** Fills in a place; ignored when the log was cleared since the request arrived. */
  synchronized void complete(long ticket, RecordedRequest request) {
    if (entries.containsKey(ticket)) {
      entries.put(ticket, request);
    }
  }

  /** The answered requests, in arrival order. */
  synchronized List<RecordedRequest> snapshot() {
    List<RecordedRequest> done = new ArrayList<>();
    for (RecordedRequest r : entries.values()) {
      if (r != null) {
        done.add(r);
      }
    }
    return List.copyOf(done);
  }

  synchronized void clear() {
    entries.clear();
  }
}
