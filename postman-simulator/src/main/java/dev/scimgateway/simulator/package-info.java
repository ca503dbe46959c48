/**
 * An in-memory, faithful implementation of Postman's SCIM 2.0 Users and Groups APIs, for tests and the gateway's
 * demo mode.
 *
 * <p>Start one with {@link dev.scimgateway.simulator.PostmanSimulator#create} and
 * {@link dev.scimgateway.simulator.PostmanSimulator#start()}; steer it with
 * {@link dev.scimgateway.simulator.Fault faults}, and inspect what it received with
 * {@link dev.scimgateway.simulator.PostmanSimulator#requests()}. Its behaviour follows
 * {@code shared/docs/postman-scim.md}; where that digest is silent the simulator takes the stricter reading.
 */
package dev.scimgateway.simulator;
