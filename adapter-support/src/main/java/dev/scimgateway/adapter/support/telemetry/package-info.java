/** The gateway's upstream and budget meters, reported by an adapter's upstream client. */
package dev.scimgateway.adapter.support.telemetry;
