package dev.scimgateway.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Injected faults in queue order, each with the number of matching requests it still applies to. Thread-safe. */
final class FaultQueue {

  private static final class Pending {
    final Fault fault;
    final Pattern path;
    int remaining;

    Pending(Fault fault) {
      this.fault = fault;
      this.path = Pattern.compile(fault.pathRegex());
      this.remaining = fault.times();
    }
  }

  private final List<Pending> pending = new ArrayList<>();

  synchronized void add(Fault fault) {
    pending.add(new Pending(fault));
  }

  /** The action of the first fault matching the request, using up one of its applications. */
  synchronized Optional<FaultAction> take(String method, String scimPath) {
    for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (p.fault.matchesMethod(method) && p.path.matcher(scimPath).matches()) {
        if (--p.remaining == 0) {
          it.remove();
        }
        return Optional.of(p.fault.action());
      }
    }
    return Optional.empty();
  }

  synchronized int size() {
    return pending.size();
  }

  synchronized void clear() {
    pending.clear();
  }
}
