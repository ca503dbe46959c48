package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.core.resource.ResourceDefinition;
import java.util.List;

/** Applies every {@link NormalizationRule}, in order, to a request body. */
public final class DialectNormalizer {

  private final List<NormalizationRule> rules;

  DialectNormalizer(List<NormalizationRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules for the dialects of Okta and Microsoft Entra ID. */
  public static DialectNormalizer standard() {
    return new DialectNormalizer(List.of(
        new CapitalisedPatchOps(), new ExtensionUrnPaths(), new QualifiedKeysInValueObjects(),
        new DottedKeysInValueObjects(), new WrappedScalarValues(), new StringBooleans(),
        new NullSubAttributes(), new RemovalByValueList(), new EmptyListReplace(), new ReadOnlyAttributesInValue()));
  }

  /** Rewrites {@code body}, a request body for a resource of {@code type}, in place and returns it. */
  public ObjectNode normalize(ResourceDefinition type, ObjectNode body) {
    rules.forEach(rule -> rule.apply(type, body));
    return body;
  }

  public List<String> ruleNames() {
    return rules.stream().map(NormalizationRule::name).toList();
  }
}
