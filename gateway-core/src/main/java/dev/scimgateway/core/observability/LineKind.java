package dev.scimgateway.core.observability;

/** The lines the gateway writes, and whether a log that cannot keep up may leave one out. */
public enum LineKind {
  /** One line per IdP request: dropped (and counted) rather than holding up the event loop. */
  REQUEST("request", true),
  /** One line per change made upstream: never dropped. */
  AUDIT("audit", false);

  private final String label;
  private final boolean droppable;

  LineKind(String label, boolean droppable) {
    this.label = label;
    this.droppable = droppable;
  }

  /** The line's type as written in it, and the {@code kind} tag of the log's meters. */
  public String label() {
    return label;
  }

  public boolean droppable() {
    return droppable;
  }
}
