package dev.scimgateway.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.core.protocol.ScimJson;
import dev.scimgateway.core.resource.ResourceDefinition;
import dev.scimgateway.core.resource.ResourceTypeRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DialectNormalizerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResourceDefinition USER = ResourceTypeRegistry.fromClasspath().byName("User").orElseThrow();
  private static final String PATCH = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(text, e);
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // Entra's capitalised ops
        Arguments.of("Replace is lowercased",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"X\"}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"X\"}]}"),
        Arguments.of("Add and REMOVE are lowercased, each operation",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"Add\",\"path\":\"title\",\"value\":\"T\"},{\"op\":\"REMOVE\",\"path\":\"title\"}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"add\",\"path\":\"title\",\"value\":\"T\"},{\"op\":\"remove\",\"path\":\"title\"}]}"),
        Arguments.of("lower-case ops stay as they are",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}"),
        Arguments.of("an unknown op is only lowercased, not validated",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"Move\",\"path\":\"title\"}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"move\",\"path\":\"title\"}]}"),
        Arguments.of("a non-text op is left alone",
            "{" + PATCH + ",\"Operations\":[{\"op\":1,\"path\":\"title\"}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":1,\"path\":\"title\"}]}"),

        // string booleans in a resource
        Arguments.of("\"True\" active in a resource",
            "{\"userName\":\"a@example.com\",\"active\":\"True\"}",
            "{\"userName\":\"a@example.com\",\"active\":true}"),
        Arguments.of("\"False\" active in a resource",
            "{\"userName\":\"a@example.com\",\"active\":\"False\"}",
            "{\"userName\":\"a@example.com\",\"active\":false}"),
        Arguments.of("\"true\" active in a resource",
            "{\"active\":\"true\"}",
            "{\"active\":true}"),
        Arguments.of("attribute names are case-insensitive: \"Active\":\"TRUE\"",
            "{\"Active\":\"TRUE\"}",
            "{\"Active\":true}"),
        Arguments.of("primary inside a multi-valued attribute",
            "{\"emails\":[{\"value\":\"a@example.com\",\"primary\":\"True\"},{\"value\":\"b@example.com\",\"primary\":\"False\"}]}",
            "{\"emails\":[{\"value\":\"a@example.com\",\"primary\":true},{\"value\":\"b@example.com\",\"primary\":false}]}"),
        Arguments.of("real booleans stay",
            "{\"active\":false}",
            "{\"active\":false}"),
        Arguments.of("a non-boolean string in active stays a string",
            "{\"active\":\"yes\"}",
            "{\"active\":\"yes\"}"),

        // string booleans in PATCH operations
        Arguments.of("no-path PATCH value object",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"Replace\",\"value\":{\"active\":\"False\"}}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}"),
        Arguments.of("value of path: active",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}"),
        Arguments.of("value of path: active, lower-case true",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"true\"}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]}"),
        Arguments.of("value of a path ending in .primary",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].primary\",\"value\":\"True\"}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].primary\",\"value\":true}]}"),

        // non-boolean attributes are untouched
        Arguments.of("displayName \"True\" in a resource stays a string",
            "{\"displayName\":\"True\",\"active\":\"True\"}",
            "{\"displayName\":\"True\",\"active\":true}"),
        Arguments.of("displayName \"True\" in a no-path value stays a string",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"value\":{\"displayName\":\"True\",\"active\":\"False\"}}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"value\":{\"displayName\":\"True\",\"active\":false}}]}"),
        Arguments.of("value of path: displayName stays a string",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"False\"}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"False\"}]}"),
        Arguments.of("a path that only contains 'active' stays a string",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"inactiveReason\",\"value\":\"True\"}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"inactiveReason\",\"value\":\"True\"}]}"),
        Arguments.of("extension attributes with other names stay strings",
            "{\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"True\"}}",
            "{\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"True\"}}"),

        // attributes named by their qualified paths in a no-path value (Microsoft's SCIM validator)
        Arguments.of("an extension attribute's qualified key goes into the extension's object",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"value\":{\"" + ENTERPRISE + ":employeeNumber\":\"42\",\"displayName\":\"X\"}}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"value\":{\"displayName\":\"X\",\"" + ENTERPRISE + "\":{\"employeeNumber\":\"42\"}}}]}"),
        Arguments.of("a qualified sub-attribute joins the extension's object the value already has",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"add\",\"value\":{\"" + ENTERPRISE + "\":{\"department\":\"S\"},\"" + ENTERPRISE + ":manager.value\":\"m-1\"}}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"add\",\"value\":{\"" + ENTERPRISE + "\":{\"department\":\"S\",\"manager\":{\"value\":\"m-1\"}}}}]}"),
        Arguments.of("a core attribute's qualified key goes to the top",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"value\":{\"urn:ietf:params:scim:schemas:core:2.0:User:name.givenName\":\"Jo\"}}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"value\":{\"name\":{\"givenName\":\"Jo\"}}}]}"),
        Arguments.of("a qualified key joins the extension's object the value spells in another case",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"value\":{\"" + ENTERPRISE.toLowerCase() + "\":{\"department\":\"X\"},\"" + ENTERPRISE + ":employeeNumber\":\"42\"}}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"value\":{\"" + ENTERPRISE.toLowerCase() + "\":{\"department\":\"X\",\"employeeNumber\":\"42\"}}}]}"),
        Arguments.of("a bare manager id under a qualified key becomes a reference",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"value\":{\"" + ENTERPRISE + ":manager\":\"m-9\"}}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"value\":{\"" + ENTERPRISE + "\":{\"manager\":{\"value\":\"m-9\"}}}}]}"),
        Arguments.of("a bare manager id in the extension's object given with its URN as path becomes a reference",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"add\",\"path\":\"" + ENTERPRISE + "\",\"value\":{\"manager\":\"m-9\"}}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"add\",\"value\":{\"" + ENTERPRISE + "\":{\"manager\":{\"value\":\"m-9\"}}}}]}"),
        Arguments.of("a key of an unknown URN stays as it is",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"value\":{\"urn:example:unknown:1.0:User:x\":\"1\"}}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"value\":{\"urn:example:unknown:1.0:User:x\":\"1\"}}]}"),

        // an extension's URN alone as the path
        Arguments.of("a replace of the extension's object has it in a no-path value",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"Replace\",\"path\":\"" + ENTERPRISE + "\",\"value\":{\"department\":\"S\"}}]}",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"replace\",\"value\":{\"" + ENTERPRISE + "\":{\"department\":\"S\"}}}]}"),
        Arguments.of("a remove of the extension removes each of its attributes, in place",
            "{" + PATCH + ",\"Operations\":[{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + "\"},{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}",
            "{" + PATCH + ",\"Operations\":["
                + Stream.of("employeeNumber", "costCenter", "organization", "division", "department", "manager")
                    .map(name -> "{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + ":" + name + "\"}").reduce((a, b) -> a + "," + b).orElseThrow()
                + ",{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void normalizesEntraAndOktaDialectsToPlainRfc7644(String name, String input, String expected) {
    ObjectNode body = json(input);

    ObjectNode result = DialectNormalizer.standard().normalize(USER, body);

    assertEquals(json(expected), result);
    assertSame(body, result, "normalizes in place");
  }

  /** The cases whose rewrite is a field of an object other than an operation: a resource or a no-path value. */
  private static boolean rewritesAFieldInsideAnObject(String input, String expected) {
    return !json(input).path("Operations").isArray() && !json(input).equals(json(expected))
        || json(input).path("Operations").isArray() && json(input).path("Operations").get(0).path("value").isContainerNode()
            && !json(input).path("Operations").get(0).path("value").equals(json(expected).path("Operations").get(0).path("value"));
  }

  static Stream<Arguments> casesTheServerParserHandles() {
    return cases().filter(arguments -> !rewritesAFieldInsideAnObject((String) arguments.get()[1], (String) arguments.get()[2]));
  }

  static Stream<Arguments> casesTheServerParserBreaks() {
    return cases().filter(arguments -> rewritesAFieldInsideAnObject((String) arguments.get()[1], (String) arguments.get()[2]));
  }

  /** The gateway parses request bodies with the SCIM SDK's mapper, whose objects ignore the case of field names. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("casesTheServerParserHandles")
  void normalizesBodiesAsTheServerParsesThem(String name, String input, String expected) {
    ObjectNode body = ScimJson.parseObject(input.getBytes(StandardCharsets.UTF_8));

    ObjectNode result = DialectNormalizer.standard().normalize(USER, body);

    assertEquals(json(expected), json(result.toString()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("casesTheServerParserBreaks")
  void normalizesStringBooleansInsideObjectsAsTheServerParsesThem(String name, String input, String expected) {
    ObjectNode body = ScimJson.parseObject(input.getBytes(StandardCharsets.UTF_8));

    ObjectNode result = DialectNormalizer.standard().normalize(USER, body);

    assertEquals(json(expected), json(result.toString()));
  }

  @Test
  void standardRulesLowercaseOpsFirstAndIncludeStringBooleans() {
    List<String> names = DialectNormalizer.standard().ruleNames();

    assertEquals("capitalised-patch-ops", names.get(0));
    assertTrue(names.contains("string-booleans"), names.toString());
    assertEquals(names.size(), Set.copyOf(names).size(), "rule names are unique: " + names);
  }

  @Test
  void rulesRunInTheGivenOrder() {
    NormalizationRule mark = new NormalizationRule() {
      @Override
      public String name() {
        return "mark";
      }

      @Override
      public void apply(ResourceDefinition type, ObjectNode body) {
        body.put("seen", body.path("active").isBoolean());
      }
    };

    ObjectNode before = new DialectNormalizer(List.of(mark, new StringBooleans())).normalize(USER, json("{\"active\":\"True\"}"));
    ObjectNode after = new DialectNormalizer(List.of(new StringBooleans(), mark)).normalize(USER, json("{\"active\":\"True\"}"));

    assertEquals(false, before.get("seen").asBoolean());
    assertEquals(true, after.get("seen").asBoolean());
  }
}
