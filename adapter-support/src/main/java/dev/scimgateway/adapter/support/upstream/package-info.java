/**
 * Requests to an upstream API and what their answers mean beyond success: the call itself, the
 * pause a 429 asks for, and the result of a create whose outcome is unknown.
 */
package dev.scimgateway.adapter.support.upstream;
