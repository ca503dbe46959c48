/**
 * What the replicas of a gateway share through Redis: {@link dev.scimgateway.adapter.support.cluster.ClusterRedis},
 * one gateway's Redis client and whether Redis is reachable, and
 * {@link dev.scimgateway.adapter.support.cluster.CreateLock}, which keeps two replicas from creating one
 * resource twice. The shared budget is {@link dev.scimgateway.adapter.support.budget.SharedRequestBudget}.
 */
package dev.scimgateway.adapter.support.cluster;
