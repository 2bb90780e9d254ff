package org.tariffscope.policy;

import java.util.List;
import org.tariffscope.basics.HtsCode;

/**
 * The products a measure applies to: all products, or HTS prefixes and named product lists, less
 * excluded prefixes and lists. Immutable.
 *
 * @param all whether every product is included before exclusions
 * @param include HTS prefixes included (any length, 2 to 10 digits)
 * @param lists product lists included, by name
 * @param exclude HTS prefixes taken out again
 * @param excludeLists product lists taken out again
 */
public record ProductScope(boolean all, List<String> include, List<String> lists, List<String> exclude,
    List<String> excludeLists) {
  public static final ProductScope ALL = new ProductScope(true, List.of(), List.of(), List.of(), List.of());

  public ProductScope {
    include = List.copyOf(include);
    lists = List.copyOf(lists);
    exclude = List.copyOf(exclude);
    excludeLists = List.copyOf(excludeLists);
  }

  public boolean hasExclusions() {
    return !exclude.isEmpty() || !excludeLists.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(all ? "all products" : "");
    if (!include.isEmpty()) {
      sb.append(sb.length() > 0 ? "; " : "").append(include.size() <= 6
          ? String.join(", ", include.stream().map(HtsCode::dotted).toList()) : include.size() + " HTS prefixes");
    }
    if (!lists.isEmpty()) {
      sb.append(sb.length() > 0 ? "; " : "").append("lists ").append(String.join(", ", lists));
    }
    if (hasExclusions()) {
      sb.append(" except ");
      if (!exclude.isEmpty()) {
        sb.append(exclude.size() <= 6 ? String.join(", ", exclude.stream().map(HtsCode::dotted).toList())
            : exclude.size() + " HTS prefixes");
      }
      if (!excludeLists.isEmpty()) {
        sb.append(exclude.isEmpty() ? "" : ", ").append("lists ").append(String.join(", ", excludeLists));
      }
    }
    return sb.toString();
  }
}
