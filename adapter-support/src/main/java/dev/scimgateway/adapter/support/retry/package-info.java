/** How failed upstream requests are tried again: {@link dev.scimgateway.adapter.support.retry.RetryPolicy}. */
package dev.scimgateway.adapter.support.retry;
