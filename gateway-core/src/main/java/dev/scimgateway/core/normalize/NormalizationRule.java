package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.core.resource.ResourceDefinition;

/**
 * One IdP quirk turned into plain RFC 7644, applied in place to a request body before anything else
 * reads it. A new quirk is one more rule.
 */
public interface NormalizationRule {

  /** A short name for logs and tests, e.g. {@code capitalised-patch-ops}. */
  String name();

  /** Rewrites {@code body}, a request body for a resource of {@code type}, in place. */
  void apply(ResourceDefinition type, ObjectNode body);
}
