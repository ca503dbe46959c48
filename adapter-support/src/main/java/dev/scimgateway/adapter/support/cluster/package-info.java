/**
 * What the replicas of a gateway share through Redis: {@link dev.scimgateway.adapter.support.cluster.ClusterRedis},
 * one gateway's Redis connection and whether Redis is reachable;
 * {@link dev.scimgateway.adapter.support.cluster.CreateGuard}, which keeps two replicas from creating one
 * resource twice; and {@link dev.scimgateway.adapter.support.cluster.SharedIdIndex}, which ids have which
 * attribute values. The shared budget is {@link dev.scimgateway.adapter.support.budget.SharedRequestBudget}.
 */
package dev.scimgateway.adapter.support.cluster;
