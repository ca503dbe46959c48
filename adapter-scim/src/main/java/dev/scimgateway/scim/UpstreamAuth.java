package dev.scimgateway.scim;

import dev.scimgateway.adapter.api.ConfigSection;
import dev.scimgateway.adapter.api.InvalidConfigException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * How the gateway authenticates to the upstream: one header and its value, from exactly one of
 * {@code bearer: TOKEN}, {@code basic: {username, password}} or {@code header: {name, value}}.
 *
 * @param header the header's name
 * @param value its value; never logged, never in a message
 * @param key the configuration key that holds the credential, for messages, e.g.
 *     {@code tenants.slack.scim.auth.bearer}
 */
record UpstreamAuth(String header, String value, String key) {

  static UpstreamAuth from(ConfigSection auth) {
    if (!auth.isPresent()) {
      throw new InvalidConfigException(auth.path() + ": is required: one of bearer, basic or header");
    }
    auth.requireOnlyKeys(Set.of("bearer", "basic", "header"));
    if (auth.keys().size() != 1) {
      throw new InvalidConfigException(auth.path() + ": give exactly one of bearer, basic or header");
    }
    if (auth.section("basic").isPresent()) {
      ConfigSection basic = auth.section("basic").requireOnlyKeys(Set.of("username", "password"));
      String pair = basic.requiredString("username") + ":" + basic.requiredString("password");
      return new UpstreamAuth("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)), basic.path());
    }
    if (auth.section("header").isPresent()) {
      ConfigSection header = auth.section("header").requireOnlyKeys(Set.of("name", "value"));
      return new UpstreamAuth(header.requiredString("name"), header.requiredString("value"), header.path() + ".value");
    }
    return new UpstreamAuth("Authorization", "Bearer " + auth.requiredString("bearer"), auth.path() + ".bearer");
  }

  @Override
  public String toString() {
    return "UpstreamAuth[" + header + "=<redacted> from " + key + "]";
  }
}
