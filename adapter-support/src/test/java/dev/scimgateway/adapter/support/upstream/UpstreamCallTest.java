package dev.scimgateway.adapter.support.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpstreamCallTest {

  @ParameterizedTest
  @ValueSource(strings = {"2819c223-7f76-453a-919d-413861904646", "a.b_c*d", "a b", "a+b", "a/b", "a?b#c", "a%20b",
      "a~b", "jané", "名前", "🔑", ""})
  void aPathSegmentIsEncodedAsUrlEncoderWithSpacesAsPercent20(String id) {
    assertEquals(URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"), UpstreamCall.pathSegment(id));
  }

  @Test
  void anIdOfLettersDigitsAndUnreservedSignsIsItsOwnSegment() {
    String id = "00u1ABCD-ef.gh_ij*42";
    assertSame(id, UpstreamCall.pathSegment(id));
  }
}
