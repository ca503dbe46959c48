package dev.scimgateway.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimgateway.adapter.api.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link SchemaDefinitions#typeOf} answers from an index exactly what walking the schema answers. */
class SchemaTypeIndexTest {

  /** The schema walk typeOf did before it was indexed. */
  private static Optional<String> walk(ResourceType type, String path) {
    if (path.equalsIgnoreCase("externalId") || path.equalsIgnoreCase("id")) {
      return Optional.of("string");
    }
    JsonNode attributes = SchemaDefinitions.schema(type).orElseThrow().path("attributes");
    JsonNode found = null;
    for (String segment : path.split("\\.")) {
      found = null;
      for (JsonNode attribute : attributes) {
        if (attribute.path("name").asText().equalsIgnoreCase(segment)) {
          found = attribute;
        }
      }
      if (found == null) {
        return Optional.empty();
      }
      attributes = found.path("subAttributes");
    }
    return Optional.ofNullable(found).map(attribute -> attribute.path("type").asText());
  }

  private static void paths(JsonNode attributes, String prefix, List<String> out) {
    for (JsonNode attribute : attributes) {
      String path = prefix + attribute.path("name").asText();
      out.add(path);
      paths(attribute.path("subAttributes"), path + ".", out);
    }
  }

  @Test
  void everyPathInAnyCaseAndOddPathsGetTheSameAnswer() {
    for (ResourceType type : List.of(ResourceType.USER, ResourceType.GROUP)) {
      List<String> paths = new ArrayList<>();
      paths(SchemaDefinitions.schema(type).orElseThrow().path("attributes"), "", paths);
      List<String> probes = new ArrayList<>();
      for (String path : paths) {
        probes.addAll(List.of(path, path.toUpperCase(Locale.ROOT), path.toLowerCase(Locale.ROOT), path + ".", path + ".nope",
            "nope." + path, "." + path));
      }
      probes.addAll(List.of("", ".", "..", "id", "ID", "externalId", "EXTERNALID", "name..givenName", "unknown",
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"));
      for (String probe : probes) {
        assertEquals(walk(type, probe), SchemaDefinitions.typeOf(type, probe), type + " " + probe);
      }
      assertEquals(Optional.of("complex"), SchemaDefinitions.typeOf(type, type == ResourceType.USER ? "Name" : "Members"));
    }
  }
}
