package dev.scimgateway.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.core.protocol.ScimJson;
import dev.scimgateway.core.resource.ResourceDefinition;
import dev.scimgateway.core.resource.ResourceTypeRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The group dialects of Okta and Entra, rewritten by {@link DialectNormalizer#standard()} to plain RFC 7644. */
class GroupDialectRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResourceTypeRegistry REGISTRY = ResourceTypeRegistry.fromClasspath();
  private static final ResourceDefinition GROUP = REGISTRY.byName("Group").orElseThrow();
  private static final ResourceDefinition USER = REGISTRY.byName("User").orElseThrow();
  private static final String PATCH = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(text, e);
    }
  }

  private static String patch(String operations) {
    return "{" + PATCH + ",\"Operations\":[" + operations + "]}";
  }

  static Stream<Arguments> groupCases() {
    return Stream.of(
        // Entra's member removal by a value list
        Arguments.of("Entra's Remove with a value list is one value-filter removal per value",
            patch("{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"u1\"},{\"value\":\"u2\"}]}"),
            patch("{\"op\":\"remove\",\"path\":\"members[value eq \\\"u1\\\"]\"},{\"op\":\"remove\",\"path\":\"members[value eq \\\"u2\\\"]\"}")),
        Arguments.of("a removal by a single value object too",
            patch("{\"op\":\"remove\",\"path\":\"members\",\"value\":{\"value\":\"u1\"}}"),
            patch("{\"op\":\"remove\",\"path\":\"members[value eq \\\"u1\\\"]\"}")),
        Arguments.of("operations around the removal keep their order",
            patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u3\"}]},"
                + "{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"}]},"
                + "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"X\"}"),
            patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u3\"}]},"
                + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"u1\\\"]\"},"
                + "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"X\"}")),
        Arguments.of("a quote in a value is escaped in the filter",
            patch("{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"a\\\"b\"}]}"),
            patch("{\"op\":\"remove\",\"path\":\"members[value eq \\\"a\\\\\\\"b\\\"]\"}")),
        Arguments.of("a plain remove of all members stays as it is",
            patch("{\"op\":\"remove\",\"path\":\"members\"}"),
            patch("{\"op\":\"remove\",\"path\":\"members\"}")),
        Arguments.of("a value without a string value is left for the gateway to refuse",
            patch("{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"display\":\"Ann\"}]}"),
            patch("{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"display\":\"Ann\"}]}")),

        // "$ref": null
        Arguments.of("null sub-attributes of added members are dropped",
            patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"u1\"},{\"value\":\"u2\",\"display\":null}]}"),
            patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"},{\"value\":\"u2\"}]}")),
        Arguments.of("and in a created group",
            "{\"displayName\":\"G\",\"members\":[{\"$ref\":null,\"value\":\"u1\"}]}",
            "{\"displayName\":\"G\",\"members\":[{\"value\":\"u1\"}]}"),
        Arguments.of("and in a path-less value",
            patch("{\"op\":\"add\",\"value\":{\"members\":[{\"$ref\":null,\"value\":\"u1\"}]}}"),
            patch("{\"op\":\"add\",\"value\":{\"members\":[{\"value\":\"u1\"}]}}")),
        Arguments.of("members without type are accepted as they are",
            patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u1\",\"display\":\"ann@example.com\"}]}"),
            patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u1\",\"display\":\"ann@example.com\"}]}")),

        // Okta's replace with members: []
        Arguments.of("replace members with [] is a removal of all members",
            patch("{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}"),
            patch("{\"op\":\"remove\",\"path\":\"members\"}")),
        Arguments.of("a path-less replace keeps its other attributes and is followed by the removal",
            patch("{\"op\":\"replace\",\"value\":{\"displayName\":\"G\",\"members\":[]}}"),
            patch("{\"op\":\"replace\",\"value\":{\"displayName\":\"G\"}},{\"op\":\"remove\",\"path\":\"members\"}")),
        Arguments.of("a path-less replace of only members: [] is only the removal",
            patch("{\"op\":\"replace\",\"value\":{\"members\":[]}}"),
            patch("{\"op\":\"remove\",\"path\":\"members\"}")),
        Arguments.of("a replace with members stays",
            patch("{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"}]}"),
            patch("{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"}]}")),

        // Okta's path-less rename names the read-only id
        Arguments.of("the id in Okta's rename value is dropped",
            patch("{\"op\":\"replace\",\"value\":{\"id\":\"g1\",\"displayName\":\"Engineering\"}}"),
            patch("{\"op\":\"replace\",\"value\":{\"displayName\":\"Engineering\"}}")),
        Arguments.of("a value with a path keeps what it has",
            patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Engineering\"}"),
            patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Engineering\"}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groupCases")
  void rewritesGroupDialects(String name, String input, String expected) {
    assertEquals(json(expected), DialectNormalizer.standard().normalize(GROUP, json(input)));
  }

  /** The gateway parses bodies with the SCIM SDK's mapper, whose objects ignore the case of field names. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("groupCases")
  void rewritesGroupDialectsAsTheServerParsesThem(String name, String input, String expected) {
    ObjectNode body = ScimJson.parseObject(input.getBytes(StandardCharsets.UTF_8));

    assertEquals(json(expected), json(DialectNormalizer.standard().normalize(GROUP, body).toString()));
  }

  @Test
  void theRulesAskTheRegistryNotAListOfNames() {
    // emails is multi-valued and complex with a value sub-attribute, like members.
    ObjectNode body = json(patch("{\"op\":\"Remove\",\"path\":\"emails\",\"value\":[{\"value\":\"a@example.com\"}]},"
        + "{\"op\":\"replace\",\"path\":\"emails\",\"value\":[]},"
        + "{\"op\":\"replace\",\"value\":{\"id\":\"u1\",\"userName\":\"a@example.com\"}}"));

    DialectNormalizer.standard().normalize(USER, body);

    assertEquals(json(patch("{\"op\":\"remove\",\"path\":\"emails[value eq \\\"a@example.com\\\"]\"},"
        + "{\"op\":\"remove\",\"path\":\"emails\"},"
        + "{\"op\":\"replace\",\"value\":{\"userName\":\"a@example.com\"}}")), body);
  }

  @Test
  void theGroupRulesAreStandardAndRunAfterTheOpsAreLowercased() {
    List<String> names = DialectNormalizer.standard().ruleNames();

    for (String rule : List.of("null-sub-attributes", "removal-by-value-list", "empty-list-replace",
        "read-only-attributes-in-value")) {
      assertTrue(names.indexOf(rule) > names.indexOf("capitalised-patch-ops"), rule + " in " + names);
    }
  }
}
