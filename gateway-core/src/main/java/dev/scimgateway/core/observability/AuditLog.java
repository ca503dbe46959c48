package dev.scimgateway.core.observability;

import dev.scimgateway.adapter.api.ScimFailure;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line for every change the gateway makes upstream: who (tenant, request), what (action,
 * resource, the names of the attributes changed — never their values) and how it ended.
 */
public final class AuditLog {

  private final StructuredLog log;

  public AuditLog(StructuredLog log) {
    this.log = log;
  }

  /**
   * @param display the value of the resource type's display attribute ({@code userName}, {@code displayName})
   * @param failure the failure, or {@code null} when the change went through
   */
  public void change(String requestId, String tenant, String action, String resourceType, String id, String display,
      Collection<String> attributes, Throwable failure) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("requestId", requestId);
    line.put("tenant", tenant);
    line.put("action", action);
    line.put("resourceType", resourceType);
    line.put("id", id);
    line.put("display", display);
    String[] sorted = attributes.toArray(String[]::new);
    Arrays.sort(sorted);
    line.put("attributes", List.of(sorted));
    line.put("outcome", failure == null ? "success" : "failure");
    if (failure != null) {
      line.put("status", failure instanceof ScimFailure scim ? scim.status() : 500);
    }
    log.write(LineKind.AUDIT, line);
  }
}
