/**
 * What the replicas of a gateway share through Redis: {@link dev.scimgateway.adapter.support.cluster.ClusterRedis},
 * one gateway's Redis connection and whether Redis is reachable. The shared budget is
 * {@link dev.scimgateway.adapter.support.budget.SharedRequestBudget}.
 */
package dev.scimgateway.adapter.support.cluster;
