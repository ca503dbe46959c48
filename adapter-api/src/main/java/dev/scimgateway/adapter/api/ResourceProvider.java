package dev.scimgateway.adapter.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;

/**
 * The operations an adapter performs on one resource type upstream.
 *
 * <p>Resources are RFC 7643 JSON objects. What the provider receives has already been authenticated,
 * normalized to plain RFC 7644 and validated by the gateway; what it returns is sent to the IdP after
 * projection. Failures are reported as a failed future carrying a {@link ScimFailure}; any other
 * exception reaches the IdP as a 500 with a generic detail and is logged.
 *
 * <p>A provider only receives operations it declares in {@link #capabilities()}.
 *
 * <p>Every operation is called on its adapter's home context only, never concurrently from two
 * threads, unless the adapter's {@link ScimAdapter#threading()} is {@link AdapterThreading#ANY_LOOP}:
 * then on the event loop that serves the request (see {@link ScimAdapter}, "Threading");
 * {@link #capabilities()} on any event loop, so it returns an immutable value. A
 * {@link ResourceChange#resolve()} the provider asks for runs on the thread that asks. The gateway
 * may change the resources a provider answers with (projection, {@code meta}): keep a copy of what you
 * cache.
 */
public interface ResourceProvider {

  /** What this provider supports; the gateway plans requests and discovery answers from it. */
  ResourceCapabilities capabilities();

  /** Creates a resource and returns it as stored, with its {@code id}. */
  Future<ObjectNode> create(ObjectNode resource);

  /**
   * Returns the resource, or fails with a 404 {@link ScimFailure}. {@code selection} says what the IdP
   * will be shown, so that the provider may leave out what it would have to load separately.
   */
  Future<ObjectNode> get(String id, AttributeSelection selection);

  /** Returns the resource with its default attributes. */
  default Future<ObjectNode> get(String id) {
    return get(id, AttributeSelection.DEFAULT);
  }

  /** Returns one page of resources matching the query. */
  Future<ResourcePage> list(ListQuery query);

  /**
   * Replaces the resource with {@code resource} (a PUT). Attributes the provider does not support have
   * already been removed. Returns the resource as stored afterwards.
   */
  Future<ObjectNode> replace(String id, ObjectNode resource);

  /**
   * Applies a PATCH and returns the resource as stored afterwards. A provider whose upstream takes the
   * operations applies them from {@code change} directly (a member added is one upstream call, without
   * a read); one that must write whole state asks {@link ResourceChange#resolve()} for it and writes only
   * what differs, so that a PATCH that changes nothing costs no upstream write. A change whose
   * {@link ResourceChange#attributes()} are empty targets nothing the upstream stores: it writes nothing
   * and answers the resource as it is, from a recent answer if the provider keeps one.
   */
  Future<ObjectNode> modify(String id, ResourceChange change);

  /**
   * Deletes the resource, or does what the upstream offers instead (Postman deactivates), as its
   * capabilities describe.
   */
  Future<Void> delete(String id);
}
