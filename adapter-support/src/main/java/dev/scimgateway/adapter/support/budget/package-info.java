/**
 * Request budgets of upstream teams: {@link dev.scimgateway.adapter.support.budget.RequestBudget}, a
 * sliding-log lane for reads or writes; {@link dev.scimgateway.adapter.support.budget.TeamBudget}, the
 * two lanes of one team; {@link dev.scimgateway.adapter.support.budget.TeamBudgets}, the registry an
 * adapter factory owns so that tenants of one team share one budget.
 */
package dev.scimgateway.adapter.support.budget;
