package dev.scimgateway.simulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserValidatorTest {

  @ParameterizedTest
  @ValueSource(strings = {"test.user@okta.local", "testUser@postman.local", "taylor-lee+test@example.com",
      "a@b.co", "x_y@sub.example.org"})
  void acceptsEmails(String email) {
    assertTrue(UserValidator.isEmail(email), email);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "plain", "@example.com", "a@", "a@localhost", "a@@example.com", "a b@example.com",
      ".a@example.com", "a..b@example.com", "a@-example.com", "a@example.c0m", "a@example..com"})
  void refusesNonEmails(String email) {
    assertFalse(UserValidator.isEmail(email), email);
  }
}
