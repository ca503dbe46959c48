package dev.scimgateway.scim;

import dev.scimgateway.adapter.api.FilterOperator;
import dev.scimgateway.adapter.api.InvalidConfigException;
import dev.scimgateway.adapter.api.ResourceCapabilities.Filterable;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.scim.ScimSettings.PatchMode;
import dev.scimgateway.scim.UpstreamDocuments.SchemaFacts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Settles each resource type's {@link TypePlan}: the configuration wins, then what the upstream's discovery
 * documents claim, then {@link KnownTypes}' defaults.
 */
final class UpstreamPlan {

  private UpstreamPlan() {}

  /**
   * @param tenantKey the tenant's scim section, e.g. {@code tenants.slack.scim}, for messages
   * @throws InvalidConfigException when a configured type is neither served by the upstream nor known
   */
  static List<TypePlan> of(ScimSettings settings, UpstreamDocuments documents, String tenantKey) {
    List<String> names = !settings.resourceTypes().isEmpty() ? settings.resourceTypes()
        : !documents.types().isEmpty() ? documents.types().stream().map(ResourceType::name).toList()
        : KnownTypes.names();
    List<TypePlan> plans = new ArrayList<>();
    for (String name : names) {
      Optional<KnownTypes.Known> known = KnownTypes.named(name);
      ResourceType type = documents.types().stream().filter(served -> served.name().equalsIgnoreCase(name)).findFirst()
          .or(() -> known.map(KnownTypes.Known::type))
          .orElseThrow(() -> new InvalidConfigException(tenantKey + ".resourceTypes: the upstream does not list '" + name
              + "' in /ResourceTypes and the gateway knows no endpoint for it"));
      if (known.isEmpty()) {
        continue; // a type the upstream serves that the gateway has no schema for: not served
      }
      plans.add(plan(settings, documents, type, known.get(), tenantKey));
    }
    return List.copyOf(plans);
  }

  private static TypePlan plan(ScimSettings settings, UpstreamDocuments documents, ResourceType type,
      KnownTypes.Known known, String tenantKey) {
    String key = KnownTypes.key(type.name());
    Optional<SchemaFacts> facts = Optional.ofNullable(documents.schemas().get(KnownTypes.key(type.schema())));
    List<SchemaFacts> extensions = documents.extensions().getOrDefault(key, List.of()).stream()
        .flatMap(urn -> Optional.ofNullable(documents.schemas().get(KnownTypes.key(urn))).map(ext -> ext.ofExtension(urn)).stream())
        .toList();
    Set<String> attributes;
    String attributesOrigin;
    if (settings.attributes().containsKey(key)) {
      attributes = settings.attributes().get(key);
      attributesOrigin = "configured";
      refuseSchemaUrns(attributes, documents, known, tenantKey + ".attributes." + type.name());
    } else if (facts.isPresent()) {
      Set<String> learned = new LinkedHashSet<>(facts.get().attributes());
      learned.add("externalId"); // a common attribute (RFC 7643 §3.1): in no schema, stored by every service provider
      extensions.forEach(extension -> learned.addAll(extension.attributes()));
      attributes = Set.copyOf(learned);
      attributesOrigin = "learned from /Schemas";
    } else {
      attributes = known.attributes();
      attributesOrigin = "default: /Schemas " + documents.missing().getOrDefault("/Schemas", "does not describe " + type.schema());
    }
    List<String> lookUps = new ArrayList<>(known.lookUps());
    facts.ifPresent(schema -> schema.unique().stream().filter(name -> !lookUps.contains(name)).forEach(lookUps::add));
    lookUps.removeIf(name -> attributes.stream().noneMatch(name::equalsIgnoreCase));

    Set<Filterable> filters;
    String filtersOrigin;
    if (settings.filters().containsKey(key)) {
      filters = settings.filters().get(key);
      filtersOrigin = "configured";
    } else if (documents.filterSupported().isPresent()) {
      filters = documents.filterSupported().get() ? equalityOn(lookUps) : Set.of();
      filtersOrigin = "learned from /ServiceProviderConfig";
    } else {
      filters = equalityOn(lookUps);
      filtersOrigin = "default";
    }

    PatchMode patch;
    String patchOrigin;
    if (settings.patch().isPresent()) {
      patch = settings.patch().get();
      patchOrigin = "configured";
    } else if (documents.patchSupported().isPresent()) {
      patch = documents.patchSupported().get() ? PatchMode.OPERATIONS : PatchMode.PUT;
      patchOrigin = "learned from /ServiceProviderConfig";
    } else {
      patch = PatchMode.PUT;
      patchOrigin = "default: /ServiceProviderConfig " + documents.missing().getOrDefault("/ServiceProviderConfig",
          "does not say whether PATCH is supported");
    }
    Set<String> booleans = new LinkedHashSet<>(facts.map(SchemaFacts::booleans).orElse(Set.of("active")));
    extensions.forEach(extension -> booleans.addAll(extension.booleans()));
    return new TypePlan(type, attributes, filters, Set.copyOf(booleans), List.copyOf(lookUps), patch, settings.delete(),
        new TypePlan.Origins(attributesOrigin, filtersOrigin, patchOrigin));
  }

  /** An extension's URN alone names no attribute: its attributes are listed one by one, behind the URN. */
  private static void refuseSchemaUrns(Set<String> attributes, UpstreamDocuments documents, KnownTypes.Known known,
      String settingKey) {
    List<String> urns = new ArrayList<>(known.extensions());
    urns.addAll(documents.extensions().getOrDefault(KnownTypes.key(known.type().name()), List.of()));
    for (String attribute : attributes) {
      if (urns.stream().anyMatch(attribute::equalsIgnoreCase)) {
        throw new InvalidConfigException(settingKey + ": '" + attribute + "' is a schema extension, not an attribute;"
            + " list the extension's attributes behind its URN, e.g. '" + attribute + ":department'");
      }
    }
  }

  private static Set<Filterable> equalityOn(List<String> attributes) {
    Set<Filterable> filters = new LinkedHashSet<>();
    attributes.forEach(attribute -> filters.add(new Filterable(attribute, FilterOperator.EQ)));
    return Set.copyOf(filters);
  }
}
