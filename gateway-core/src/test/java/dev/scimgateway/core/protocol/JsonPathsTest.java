package dev.scimgateway.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ChangeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JsonPathsTest {

  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @Test
  void theLeafPathsOfAResourceAreWhatAChangeFromNothingWrites() {
    ObjectNode resource = ScimJson.parseObject(("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"jane@example.com",
         "name":{"givenName":"Jane","familyName":null,"honorificPrefix":""},"nickName":null,"addresses":{},
         "emails":[],"active":false,"%s":{"department":"R&D","manager":{"value":"m-1","displayName":null}}}
        """.formatted(ENTERPRISE)).getBytes());

    List<String> paths = new ArrayList<>();
    JsonPaths.collectLeafPaths(resource, "", paths);

    Set<String> changedFromNothing = new ChangeSet(ScimJson.newObject(), resource).changedPaths();
    assertEquals(changedFromNothing, new TreeSet<>(paths));
    assertEquals(Set.of("schemas", "userName", "name.givenName", "name.honorificPrefix", "emails", "active",
        ENTERPRISE + ":department", ENTERPRISE + ":manager.value"), Set.copyOf(paths));
    assertEquals(paths.size(), Set.copyOf(paths).size(), "each path once");
  }
}
