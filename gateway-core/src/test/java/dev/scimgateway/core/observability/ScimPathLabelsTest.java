package dev.scimgateway.core.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScimPathLabelsTest {

  /** What the request line's labels were read from before: the path split on {@code /}. */
  private static ScimPathLabels bySplit(String path) {
    String[] segments = path.split("/");
    if (!(segments.length > 3 && segments[1].equals("scim") && segments[2].equals("v2"))) {
      return null;
    }
    return new ScimPathLabels(segments[3], segments.length > 4 ? segments[4] : null, segments.length > 5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "", "/scim", "/scim/v2", "/scim/v2/", "/scim/v2//", "/scim/v2///", "/scim/v2/acme",
      "/scim/v2/acme/", "/scim/v2/acme//", "/scim/v2/acme/Users", "/scim/v2/acme/Users/", "/scim/v2/acme/Users//",
      "/scim/v2/acme/Users/42", "/scim/v2/acme/Users/42/", "/scim/v2/acme/Users/42/x", "/scim/v2/acme//42",
      "/scim/v2//Users", "/scim/v2//Users/42", "/scim/v2/acme///x", "/scim/v3/acme/Users", "/scimx/v2/acme/Users",
      "scim/v2/acme/Users", "/health", "/metrics", "/scim/v2/ac%20me/us%65rs/a%2Fb", "*"})
  void labelsArePathSegmentsAsSplitGivesThem(String path) {
    assertEquals(bySplit(path), ScimPathLabels.of(path), path);
  }
}
