package dev.scimgateway.adapter.support.upstream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A 2xx answer of the upstream: its JSON (an empty object for no body) and the bytes it was read from, for a
 * caller that keeps the answer as it came (re-encoding the JSON would cost as much as reading it).
 *
 * @param json the answer's body, parsed
 * @param body the answer's body as received, empty for none; never modified by the client after the answer
 */
public record UpstreamAnswer(JsonNode json, byte[] body) {}
