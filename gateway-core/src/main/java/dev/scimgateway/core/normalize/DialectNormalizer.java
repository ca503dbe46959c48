package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
        new CapitalisedPatchOps(), new DottedKeysInValueObjects(), new WrappedScalarValues(), new StringBooleans()));
  }

  /** Rewrites {@code body} in place and returns it. */
  public ObjectNode normalize(ObjectNode body) {
    rules.forEach(rule -> rule.apply(body));
    return body;
  }

  public List<String> ruleNames() {
    return rules.stream().map(NormalizationRule::name).toList();
  }
}
