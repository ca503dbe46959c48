package dev.scimgateway.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.support.upstream.UpstreamCall;
import dev.scimgateway.adapter.support.upstream.UpstreamClient;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the upstream says of itself in its RFC 7643 §5–7 discovery documents, each of which may be missing
 * (then {@link #missing} says why).
 *
 * @param patchSupported {@code /ServiceProviderConfig}'s {@code patch.supported}
 * @param filterSupported its {@code filter.supported}
 * @param types {@code /ResourceTypes}, empty when not served
 * @param extensions the schema extensions {@code /ResourceTypes} lists for each type, by the type's name (lower case)
 * @param schemas what {@code /Schemas} says of each schema, by URN (lower case)
 * @param missing why a document is not known, by its path, e.g. {@code /Schemas → HTTP 404}
 */
record UpstreamDocuments(Optional<Boolean> patchSupported, Optional<Boolean> filterSupported, List<ResourceType> types,
    Map<String, List<String>> extensions, Map<String, SchemaFacts> schemas, Map<String, String> missing) {

  /**
   * @param attributes the writable attribute paths: {@code name.givenName} for a sub-attribute of a
   *     single-valued complex attribute, {@code emails} for a multi-valued one
   * @param booleans the single-valued boolean attributes, compared unquoted in filters
   * @param unique the attributes the upstream keeps unique
   */
  record SchemaFacts(Set<String> attributes, Set<String> booleans, Set<String> unique) {

    /** These facts of an extension schema, their paths behind its URN ({@code urn:…:User:department}). */
    SchemaFacts ofExtension(String urn) {
      return new SchemaFacts(behind(urn, attributes), behind(urn, booleans), behind(urn, unique));
    }

    private static Set<String> behind(String urn, Set<String> paths) {
      return paths.stream().map(path -> urn + ":" + path).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
  }

  /** Reads the three documents through {@code client} (inside the budget); never fails. */
  static Future<UpstreamDocuments> fetch(UpstreamClient client) {
    Map<String, String> missing = new java.util.concurrent.ConcurrentHashMap<>();
    Future<Optional<JsonNode>> config = read(client, "/ServiceProviderConfig", missing);
    Future<Optional<JsonNode>> types = read(client, "/ResourceTypes", missing);
    Future<Optional<JsonNode>> schemas = read(client, "/Schemas", missing);
    return Future.join(config, types, schemas).transform(ignored -> Future.succeededFuture(new UpstreamDocuments(
        config.result().map(node -> node.path("patch").path("supported")).filter(JsonNode::isBoolean).map(JsonNode::asBoolean),
        config.result().map(node -> node.path("filter").path("supported")).filter(JsonNode::isBoolean).map(JsonNode::asBoolean),
        types.result().map(UpstreamDocuments::resourceTypes).orElse(List.of()),
        types.result().map(UpstreamDocuments::extensions).orElse(Map.of()),
        schemas.result().map(UpstreamDocuments::schemaFacts).orElse(Map.of()),
        Map.copyOf(missing))));
  }

  private static Future<Optional<JsonNode>> read(UpstreamClient client, String path, Map<String, String> missing) {
    return client.call(UpstreamCall.get(path, Map.of()))
        .map(Optional::of)
        .otherwise(failure -> {
          missing.put(path, failure.getMessage());
          return Optional.empty();
        });
  }

  /** A list answer's resources: {@code Resources} of a ListResponse, or a bare array (some upstreams). */
  private static Iterable<JsonNode> resources(JsonNode answer) {
    return answer.isArray() ? answer : answer.path("Resources");
  }

  private static List<ResourceType> resourceTypes(JsonNode answer) {
    List<ResourceType> types = new ArrayList<>();
    for (JsonNode type : resources(answer)) {
      String name = type.path("name").asText("");
      String endpoint = type.path("endpoint").asText("").replaceFirst("^/", "");
      if (!name.isEmpty() && !endpoint.isEmpty()) {
        types.add(new ResourceType(name, endpoint, type.path("schema").asText("")));
      }
    }
    return List.copyOf(types);
  }

  private static Map<String, List<String>> extensions(JsonNode answer) {
    Map<String, List<String>> extensions = new java.util.HashMap<>();
    for (JsonNode type : resources(answer)) {
      List<String> urns = new ArrayList<>();
      type.path("schemaExtensions").forEach(extension -> {
        if (extension.path("schema").isTextual() && !extension.path("schema").asText().isBlank()) {
          urns.add(extension.path("schema").asText());
        }
      });
      if (!type.path("name").asText("").isEmpty() && !urns.isEmpty()) {
        extensions.put(KnownTypes.key(type.path("name").asText()), List.copyOf(urns));
      }
    }
    return Map.copyOf(extensions);
  }

  private static Map<String, SchemaFacts> schemaFacts(JsonNode answer) {
    Map<String, SchemaFacts> facts = new java.util.HashMap<>();
    for (JsonNode schema : resources(answer)) {
      Set<String> attributes = new LinkedHashSet<>();
      Set<String> booleans = new LinkedHashSet<>();
      Set<String> unique = new LinkedHashSet<>();
      for (JsonNode attribute : schema.path("attributes")) {
        String name = attribute.path("name").asText("");
        if (name.isEmpty() || readOnly(attribute)) {
          continue;
        }
        boolean multiValued = attribute.path("multiValued").asBoolean(false);
        if (attribute.path("type").asText().equals("complex") && !multiValued && attribute.path("subAttributes").size() > 0) {
          attribute.path("subAttributes").forEach(sub -> {
            if (!readOnly(sub) && !sub.path("name").asText("").isEmpty()) {
              attributes.add(name + "." + sub.path("name").asText());
            }
          });
          continue;
        }
        attributes.add(name);
        if (attribute.path("type").asText().equals("boolean") && !multiValued) {
          booleans.add(name);
        }
        if (Set.of("server", "global").contains(attribute.path("uniqueness").asText())) {
          unique.add(name);
        }
      }
      facts.put(KnownTypes.key(schema.path("id").asText("")), new SchemaFacts(Set.copyOf(attributes), Set.copyOf(booleans),
          Set.copyOf(unique)));
    }
    return Map.copyOf(facts);
  }

  private static boolean readOnly(JsonNode attribute) {
    return attribute.path("mutability").asText().equals("readOnly");
  }
}
