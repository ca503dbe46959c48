package dev.scimgateway.scim;

import dev.scimgateway.adapter.api.AttributePaths;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceCapabilities.Filterable;
import dev.scimgateway.adapter.api.ResourceCapabilities.Operation;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.scim.ScimSettings.DeleteMode;
import dev.scimgateway.scim.ScimSettings.PatchMode;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How one resource type is served over the upstream, settled at start-up from the configuration and the
 * upstream's discovery documents.
 *
 * @param type the type, with the upstream's endpoint (e.g. {@code Users})
 * @param attributes the attribute paths the upstream stores
 * @param filters the filters pushed down to it
 * @param booleans the boolean attributes, unquoted in filters
 * @param lookUps the attributes a resource is found again by after a create whose outcome is unknown, in order
 * @param patch how a PATCH is sent
 * @param delete what a DELETE does
 * @param origins where each of the above came from, for the start-up log, e.g. {@code attributes: /Schemas}
 */
record TypePlan(ResourceType type, Set<String> attributes, Set<Filterable> filters, Set<String> booleans,
    List<String> lookUps, PatchMode patch, DeleteMode delete, Origins origins) {

  /** Where the attributes, filters and PATCH mode came from: {@code configured}, {@code /Schemas}, {@code default}… */
  record Origins(String attributes, String filters, String patch) {}

  ResourceCapabilities capabilities() {
    // RFC 7644 §3.4.2.2's filters have "and": an upstream that filters takes an "and" of the filters it takes.
    return new ResourceCapabilities(attributes, filters, !filters.isEmpty(), EnumSet.allOf(Operation.class),
        delete == DeleteMode.DEACTIVATE);
  }

  /** One readable line: what the gateway serves of this type and where it learned it. */
  String describe() {
    return type.name() + " at /" + type.endpoint() + ": stores " + stored() + " (" + origins.attributes()
        + "), filters " + (filters.isEmpty() ? "none" : new TreeSet<>(filters.stream().map(Filterable::toString).toList()))
        + " (" + origins.filters() + "), PATCH sent as " + patch.name().toLowerCase(Locale.ROOT) + " (" + origins.patch()
        + "), DELETE " + (delete == DeleteMode.DELETE ? "deletes" : "deactivates");
  }

  /** E.g. {@code [active, userName] and of urn:…:enterprise:2.0:User [department]}: an extension's paths apart. */
  private String stored() {
    Map<String, Set<String>> byExtension = new TreeMap<>();
    for (String path : attributes) {
      String topLevel = AttributePaths.topLevel(path);
      boolean extension = AttributePaths.isSchemaUrn(topLevel);
      byExtension.computeIfAbsent(extension ? topLevel : "", ignored -> new TreeSet<>())
          .add(extension ? path.substring(topLevel.length() + 1) : path);
    }
    StringBuilder text = new StringBuilder(String.valueOf(byExtension.getOrDefault("", Set.of())));
    byExtension.forEach((urn, paths) -> {
      if (!urn.isEmpty()) {
        text.append(" and of ").append(urn).append(' ').append(paths);
      }
    });
    return text.toString();
  }
}
