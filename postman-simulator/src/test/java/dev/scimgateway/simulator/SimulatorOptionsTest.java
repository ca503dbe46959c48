package dev.scimgateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

  @Test
  void defaultsAreDocumentedValues() {
    assertEquals(new SimulatorOptions("127.0.0.1", 0, "PMAK-simulator-key", 180, 300, Duration.ofSeconds(60)),
        SimulatorOptions.defaults());
    assertEquals(1000, SimulatorOptions.defaults().maxMembersPerRequest());
    assertEquals(5, SimulatorOptions.defaults().withMaxMembersPerRequest(5).withPort(1).maxMembersPerRequest());
  }

  @Test
  void toStringHidesTheKey() {
    assertFalse(SimulatorOptions.defaults().withApiKey("secret-key").toString().contains("secret-key"));
  }

  @Test
  void refusesNonsense() {
    SimulatorOptions d = SimulatorOptions.defaults();
    assertThrows(IllegalArgumentException.class, () -> d.withApiKey(""));
    assertThrows(IllegalArgumentException.class, () -> d.withPort(70000));
    assertThrows(IllegalArgumentException.class, () -> d.withBudget(0, 1, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> d.withBudget(1, 1, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> d.withMaxMembersPerRequest(0));
  }

  @Test
  void mainParsesItsFlags() {
    SimulatorOptions parsed = SimulatorMain.parse(new String[] {"--port", "8099", "--api-key", "k",
        "--window-seconds", "5", "--writes", "7"});
    assertEquals(new SimulatorOptions("127.0.0.1", 8099, "k", 7, 300, Duration.ofSeconds(5)), parsed);
    assertEquals(250, SimulatorMain.parse(new String[] {"--max-members", "250"}).maxMembersPerRequest());
    assertThrows(IllegalArgumentException.class, () -> SimulatorMain.parse(new String[] {"--port"}));
    assertThrows(IllegalArgumentException.class, () -> SimulatorMain.parse(new String[] {"--bogus", "1"}));
  }
}
