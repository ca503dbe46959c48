/**
 * The scim-gateway adapter SPI.
 *
 * <p>An adapter connects the gateway to one upstream SCIM-like API. The gateway handles the IdP side
 * (authentication, dialect normalization, PATCH, filters, paging, errors); the adapter only sees plain
 * RFC 7643 resources as Jackson {@link com.fasterxml.jackson.databind.node.ObjectNode}s and answers with
 * {@link io.vertx.core.Future}s. Adapters are discovered with {@link java.util.ServiceLoader} through
 * {@link dev.scimgateway.adapter.api.ScimAdapterFactory}.
 */
package dev.scimgateway.adapter.api;
