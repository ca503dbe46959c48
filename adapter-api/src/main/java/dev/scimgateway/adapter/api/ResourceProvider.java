package dev.scimgateway.adapter.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.Set;

/**
 * The operations an adapter performs on one resource type upstream.
 *
 * <p>Resources are RFC 7643 JSON objects. What the provider receives has already been authenticated,
 * normalized to plain RFC 7644 and validated by the gateway; what it returns is sent to the IdP after
 * projection. Failures are reported as a failed future carrying a {@link ScimFailure}; any other
 * exception reaches the IdP as a 500 with a generic detail and is logged.
 *
 * <p>A provider only receives operations it declares in {@link #capabilities()}.
 */
public interface ResourceProvider {

  /** What this provider supports; the gateway plans requests and discovery answers from it. */
  ResourceCapabilities capabilities();

  /** Creates a resource and returns it as stored, with its {@code id}. */
  Future<ObjectNode> create(ObjectNode resource);

  /** Returns the resource, or fails with a 404 {@link ScimFailure}. */
  Future<ObjectNode> get(String id);

  /**
   * Reads the resource before the gateway applies a PATCH that targets {@code targetedAttributes} (the
   * supported attribute paths its operations name). The default reads it with {@link #get}.
   *
   * <p>A provider that remembers recent answers may return one as a {@link Snapshot#remembered}
   * snapshot and save the upstream read, but only when writing the targeted attributes cannot carry
   * any other, possibly outdated, attribute of the remembered copy back upstream (for example, when
   * they are written by an operation of their own). The gateway uses the snapshot only when every
   * targeted attribute differs from it, and otherwise reads again with {@link #get}.
   */
  default Future<Snapshot> readForChange(String id, Set<String> targetedAttributes) {
    return get(id).map(Snapshot::fresh);
  }

  /** Returns one page of resources matching the query. */
  Future<ResourcePage> list(ListQuery query);

  /**
   * Replaces the resource with {@code resource} (a PUT). Attributes the provider does not support have
   * already been removed. Returns the resource as stored afterwards.
   */
  Future<ObjectNode> replace(String id, ObjectNode resource);

  /**
   * Applies a change the gateway worked out from a PATCH: {@code changes.before()} is the resource as
   * read with {@link #readForChange}, {@code changes.after()} the state the IdP asked for. Returns the
   * resource as stored afterwards.
   */
  Future<ObjectNode> modify(String id, ChangeSet changes);

  /**
   * Deletes the resource, or does what the upstream offers instead (Postman deactivates), as its
   * capabilities describe.
   */
  Future<Void> delete(String id);
}
