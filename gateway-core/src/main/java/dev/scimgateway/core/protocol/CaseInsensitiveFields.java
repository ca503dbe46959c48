package dev.scimgateway.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of a {@link CaseInsensitiveObjectNode}, in their order, under the spelling each was first
 * put with. A name is looked up as given first; only a miss compares names ignoring case, by a scan
 * while the object is small and through an index of lower-cased names once it is not. No two names
 * differ only in case: a put under another spelling replaces the value and keeps the first spelling.
 */
final class CaseInsensitiveFields extends AbstractMap<String, JsonNode> {

  /** Up to this many fields a miss scans them; beyond, it asks {@link #spellings}. */
  private static final int SCANNED_UP_TO = 16;

  private final LinkedHashMap<String, JsonNode> fields = new LinkedHashMap<>();
  /**
   * Lower-cased name → the spelling stored, once there are more than {@link #SCANNED_UP_TO} fields. It
   * may still name fields removed since (through the key or entry views), so what it says is checked.
   */
  private HashMap<String, String> spellings;

  @Override
  public JsonNode get(Object name) {
    JsonNode value = fields.get(name);
    if (value != null || !(name instanceof String given)) {
      return value;
    }
    String stored = storedSpelling(given);
    return stored == null ? null : fields.get(stored);
  }

  @Override
  public boolean containsKey(Object name) {
    return fields.containsKey(name) || (name instanceof String given && storedSpelling(given) != null);
  }

  @Override
  public JsonNode put(String name, JsonNode value) {
    if (fields.containsKey(name)) {
      return fields.put(name, value);
    }
    String stored = storedSpelling(name);
    if (stored != null) {
      return fields.put(stored, value);
    }
    fields.put(name, value);
    if (spellings != null) {
      spellings.put(lowerCase(name), name);
    } else if (fields.size() > SCANNED_UP_TO) {
      spellings = new HashMap<>();
      fields.keySet().forEach(spelling -> spellings.put(lowerCase(spelling), spelling));
    }
    return null;
  }

  @Override
  public JsonNode remove(Object name) {
    if (fields.containsKey(name)) {
      return fields.remove(name);
    }
    String stored = name instanceof String given ? storedSpelling(given) : null;
    return stored == null ? null : fields.remove(stored);
  }

  @Override
  public void clear() {
    fields.clear();
    spellings = null;
  }

  @Override
  public int size() {
    return fields.size();
  }

  @Override
  public boolean isEmpty() {
    return fields.isEmpty();
  }

  @Override
  public Set<Entry<String, JsonNode>> entrySet() {
    return fields.entrySet();
  }

  @Override
  public Set<String> keySet() {
    return fields.keySet();
  }

  @Override
  public Collection<JsonNode> values() {
    return fields.values();
  }

  /** Equal maps hash alike whatever the case of their names. */
  @Override
  public int hashCode() {
    int hash = 0;
    for (Entry<String, JsonNode> field : fields.entrySet()) {
      hash += lowerCase(field.getKey()).hashCode() ^ Objects.hashCode(field.getValue());
    }
    return hash;
  }

  /** Equal to a map with as many fields that has each of these, named in any case, with an equal value. */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Map<?, ?> map) || map.size() != fields.size()) {
      return false;
    }
    for (Entry<String, JsonNode> field : fields.entrySet()) {
      if (!field.getValue().equals(map.get(field.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** The spelling under which a field named {@code name} ignoring case is stored, if there is one. */
  private String storedSpelling(String name) {
    if (spellings != null) {
      String stored = spellings.get(lowerCase(name));
      return stored != null && fields.containsKey(stored) ? stored : null;
    }
    for (String spelling : fields.keySet()) {
      if (spelling.equalsIgnoreCase(name)) {
        return spelling;
      }
    }
    return null;
  }

  private static String lowerCase(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
