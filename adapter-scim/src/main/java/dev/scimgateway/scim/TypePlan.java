package dev.scimgateway.scim;

import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceCapabilities.Filterable;
import dev.scimgateway.adapter.api.ResourceCapabilities.Operation;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.scim.ScimSettings.DeleteMode;
import dev.scimgateway.scim.ScimSettings.PatchMode;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
    return new ResourceCapabilities(attributes, filters, false, EnumSet.allOf(Operation.class),
        delete == DeleteMode.DEACTIVATE);
  }

  /** One readable line: what the gateway serves of this type and where it learned it. */
  String describe() {
    return type.name() + " at /" + type.endpoint() + ": stores " + new TreeSet<>(attributes) + " (" + origins.attributes()
        + "), filters " + (filters.isEmpty() ? "none" : new TreeSet<>(filters.stream().map(Filterable::toString).toList()))
        + " (" + origins.filters() + "), PATCH sent as " + patch.name().toLowerCase(Locale.ROOT) + " (" + origins.patch()
        + "), DELETE " + (delete == DeleteMode.DELETE ? "deletes" : "deactivates");
  }
}
