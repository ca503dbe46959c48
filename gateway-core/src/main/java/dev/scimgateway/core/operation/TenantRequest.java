package dev.scimgateway.core.operation;

import dev.scimgateway.core.tenant.Tenant;

/**
 * Who an operation runs for: the authenticated tenant and the IdP request's id, for the audit line.
 *
 * @param tenant the tenant whose adapter serves the operation
 * @param requestId the request id of the IdP's request
 */
public record TenantRequest(Tenant tenant, String requestId) {}
