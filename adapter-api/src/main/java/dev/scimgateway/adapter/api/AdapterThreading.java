package dev.scimgateway.adapter.api;

/**
 * Which event loops the gateway calls an adapter's provider operations on (see {@link ScimAdapter},
 * "Threading").
 */
public enum AdapterThreading {

  /**
   * Every provider operation runs on the adapter's home loop, one thread: a request served on another
   * loop hands its call over and gets the answer back. The adapter's own state needs no locks, but one
   * tenant's adapter work runs on one core.
   */
  HOME_LOOP,

  /**
   * Provider operations run on the event loop that serves the request, so one tenant uses every loop.
   * Several operations may then run at the same time on different threads: everything the adapter
   * keeps between calls must be thread-safe, and each loop's upstream calls should use connections of
   * that loop.
   */
  ANY_LOOP
}
