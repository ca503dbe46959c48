package dev.scimgateway.core.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokenTest {

  private static final String SECRET = "acme-idp-token-0123456789";

  @Test
  void theSameTokenMatches() {
    assertTrue(BearerToken.of(SECRET).matches(SECRET));
    assertTrue(BearerToken.of(SECRET).matches(new String(SECRET.toCharArray())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "acme-idp-token-012345678", "acme-idp-token-01234567890", "ACME-IDP-TOKEN-0123456789",
      " acme-idp-token-0123456789", "Bearer acme-idp-token-0123456789"})
  void anyOtherTokenDoesNotMatch(String presented) {
    assertFalse(BearerToken.of(SECRET).matches(presented));
  }

  @Test
  void nullPresentedDoesNotMatchARealToken() {
    assertFalse(BearerToken.of(SECRET).matches((String) null));
  }

  @Test
  void nonAsciiTokensCompareByTheirUtf8Bytes() {
    assertTrue(BearerToken.of("clé-🔑").matches("clé-🔑"));
    assertFalse(BearerToken.of("clé-🔑").matches("cle-🔑"));
  }

  @Test
  void duringARotationEveryListedTokenOrDigestMatchesAndNoOther() {
    String digest = java.util.HexFormat.of().formatHex(BearerToken.sha256("third"));
    BearerToken tokens = BearerToken.anyOf(java.util.List.of("first", "second"), java.util.List.of(digest));

    assertTrue(tokens.matches("first"));
    assertTrue(tokens.matches("second"));
    assertTrue(tokens.matches("third"));
    assertFalse(tokens.matches("fourth"));
    assertFalse(tokens.matches(digest));
  }

  @Test
  void toStringIsRedacted() {
    String text = BearerToken.of(SECRET).toString();

    assertEquals("BearerToken[redacted]", text);
    assertFalse(text.contains(SECRET));
  }

  @Test
  void theDigestIsSha256() {
    assertEquals(32, BearerToken.sha256("x").length);
  }

  @Test
  void tenantToStringNeitherShowsTheTokenNorItsDigest() {
    Tenant tenant = new Tenant("acme", "memory", BearerToken.of(SECRET), type -> Optional.empty());

    assertEquals("Tenant[acme, adapter=memory]", tenant.toString());
  }
}
