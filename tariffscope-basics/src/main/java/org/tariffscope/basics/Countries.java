package org.tariffscope.basics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.tariffscope.data.CsvTable;
import org.tariffscope.data.EmbeddedData;

/**
 * The registry of countries of origin and of named groups ({@code EU}, {@code USMCA}).
 *
 * <p>{@link #parse(String)} accepts an ISO-2 or ISO-3 code, a Census code ({@code 5880}) or an
 * English name ({@code Japan}, {@code South Korea}, {@code Türkiye}), case and accents ignored. A
 * name that fits several countries ({@code Korea}) or none is an {@link InvalidInputException}
 * listing the candidates. Immutable and thread-safe; {@link #standard()} is loaded once.
 */
public final class Countries {
  private static final class Holder {
    static final Countries STANDARD = loadEmbedded();
  }

  private final List<Country> all;
  private final Map<String, List<Country>> byKey;
  private final Map<String, Set<Country>> groups;
  private final Map<Country, List<String>> searchNames;

  private Countries(List<Country> all, Map<String, List<Country>> byKey,
      Map<String, Set<Country>> groups, Map<Country, List<String>> searchNames) {
    this.all = List.copyOf(all);
    this.byKey = byKey;
    this.groups = groups;
    this.searchNames = searchNames;
  }

  /** The registry built from the embedded Census country list, aliases and groups. */
  public static Countries standard() {
    return Holder.STANDARD;
  }

  /** All countries, in registry order ({@link Country#index()}). */
  public List<Country> all() {
    return all;
  }

  public int size() {
    return all.size();
  }

  public Country get(int index) {
    return all.get(index);
  }

  /** Group names known to the registry, e.g. {@code EU}. */
  public Set<String> groupNames() {
    return groups.keySet();
  }

  /** The members of a named group, if the name is a group. */
  public Optional<Set<Country>> group(String name) {
    return Optional.ofNullable(groups.get(name.strip().toUpperCase(Locale.ROOT)));
  }

  /** The country with this Census code, if any. */
  public Optional<Country> byCensusCode(String code) {
    List<Country> hits = byKey.get(code);
    return hits == null || hits.size() != 1 ? Optional.empty() : Optional.of(hits.get(0));
  }

  /**
   * One country from any of its codes or names.
   *
   * @throws InvalidInputException when the text fits no country or several, naming candidates
   */
  public Country parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("A country of origin is required (e.g. JP, JPN, 5880 or Japan)");
    }
    String key = normalize(text);
    List<Country> hits = byKey.get(key);
    if (hits != null && hits.size() == 1) {
      return hits.get(0);
    }
    if (groups.containsKey(text.strip().toUpperCase(Locale.ROOT))) {
      throw new InvalidInputException("'" + text.strip() + "' is a group of countries; give one country of origin");
    }
    if (hits != null) {
      throw ambiguous(text, hits);
    }
    List<Country> byWords = wordMatches(key);
    if (byWords.size() > 1) {
      throw ambiguous(text, byWords);
    }
    List<Country> candidates = byWords.isEmpty() ? nearMisses(key) : byWords;
    List<String> names = candidates.stream().map(Country::toString).toList();
    throw new InvalidInputException("Unknown country '" + text.strip() + "'"
        + (names.isEmpty() ? " (use an ISO code such as JP, a Census code such as 5880, or an English name)"
            : ": did you mean " + String.join(", ", names) + "?"), names);
  }

  private static InvalidInputException ambiguous(String text, List<Country> candidates) {
    List<String> names = candidates.stream().map(Country::toString).toList();
    return new InvalidInputException("Ambiguous country '" + text.strip() + "': did you mean "
        + String.join(" or ", names) + "?", names);
  }

  /**
   * Countries named by a scope entry: a single country as in {@link #parse(String)} or a group name.
   */
  public Set<Country> parseMembers(String text) {
    Optional<Set<Country>> group = group(text);
    return group.orElseGet(() -> Set.of(parse(text)));
  }

  /** Countries one of whose names contains the words typed, or starts with them. */
  private List<Country> wordMatches(String key) {
    Set<Country> out = new LinkedHashSet<>();
    if (key.length() >= 3) {
      for (Map.Entry<Country, List<String>> e : searchNames.entrySet()) {
        for (String name : e.getValue()) {
          if ((" " + name + " ").contains(" " + key + " ") || name.startsWith(key)) {
            out.add(e.getKey());
          }
        }
      }
    }
    return out.stream().limit(8).toList();
  }

  /** Countries a small edit away from what was typed (typos), nearest first. */
  private List<Country> nearMisses(String key) {
    if (key.length() < 4) {
      return List.of();
    }
    record Scored(Country country, int distance) {
    }
    List<Scored> scored = new ArrayList<>();
    int limit = key.length() <= 6 ? 1 : 2;
    for (Map.Entry<Country, List<String>> e : searchNames.entrySet()) {
      int best = Integer.MAX_VALUE;
      for (String name : e.getValue()) {
        best = Math.min(best, levenshtein(key, name, limit));
      }
      if (best <= limit) {
        scored.add(new Scored(e.getKey(), best));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(s -> s.country().name()));
    return scored.stream().map(Scored::country).limit(8).toList();
  }

  /** Lower case, no accents, punctuation as spaces, single spaces, no leading "the". */
  static String normalize(String text) {
    String s = Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replace("&", " and ")
        .replaceAll("[^a-z0-9]+", " ")
        .strip();
    return s.startsWith("the ") ? s.substring(4) : s;
  }

  /** Edit distance, giving up (returning limit + 1) once it must exceed {@code limit}. */
  private static int levenshtein(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  // ---- loading -------------------------------------------------------------------------------

  private static Countries loadEmbedded() {
    Map<String, String> iso3ByCensus = new HashMap<>();
    for (CsvTable.Row row : CsvTable.embedded("data/countries/census_iso3.csv").rows()) {
      iso3ByCensus.put(row.get("CTY_CODE"), row.get("ISO3"));
    }

    List<Country> all = new ArrayList<>();
    Map<Country, List<String>> names = new LinkedHashMap<>();
    readLines("data/countries/census_country_codes.txt", line -> {
      int first = line.indexOf('|');
      int last = line.lastIndexOf('|');
      if (first < 0 || last == first) {
        return;
      }
      String code = line.substring(0, first).strip();
      if (!code.matches("\\d{4}")) {
        return;
      }
      String rawName = line.substring(first + 1, last).strip();
      String tail = line.substring(last + 1).strip();
      // One Schedule C line is garbled ("(formerly Za|rCD"): the ISO code is always the last two letters.
      String iso2 = tail.substring(Math.max(0, tail.length() - 2)).toUpperCase(Locale.ROOT);
      String iso3 = iso3ByCensus.getOrDefault(code, isoLocaleAlpha3(iso2));
      String display = displayName(rawName);
      Country c = new Country(iso2, iso3, code, display, all.size());
      all.add(c);
      List<String> n = new ArrayList<>();
      n.add(normalize(rawName));
      n.add(normalize(display));
      int paren = rawName.indexOf('(');
      if (paren > 0) {
        int close = rawName.indexOf(')', paren);
        n.add(normalize(rawName.substring(paren + 1, close > paren ? close : rawName.length())));
      }
      if (rawName.contains(",")) {
        // "Congo, Republic of the Congo" is also typed "Republic of the Congo".
        n.add(normalize(rawName.substring(rawName.indexOf(',') + 1)));
      }
      String localeName = new Locale("", iso2).getDisplayCountry(Locale.ENGLISH);
      if (!localeName.equals(iso2)) {
        n.add(normalize(localeName));
      }
      names.put(c, n);
    });

    Map<String, Country> byIso2 = new HashMap<>();
    all.forEach(c -> byIso2.put(c.iso2(), c));
    for (CsvTable.Row row : CsvTable.embedded("data/countries/aliases.csv").rows()) {
      Country c = byIso2.get(row.get("iso2"));
      if (c == null) {
        throw new IllegalStateException("aliases.csv line " + row.line() + " names unknown ISO code " + row.get("iso2"));
      }
      names.get(c).add(normalize(row.get("alias")));
    }

    Map<String, List<Country>> byKey = new HashMap<>();
    for (Country c : all) {
      add(byKey, c.iso2().toLowerCase(Locale.ROOT), c);
      if (!c.iso3().isEmpty()) {
        add(byKey, c.iso3().toLowerCase(Locale.ROOT), c);
      }
      add(byKey, c.censusCode(), c);
      new TreeSet<>(names.get(c)).forEach(n -> add(byKey, n, c));
    }

    Map<String, Set<Country>> groups = new LinkedHashMap<>();
    for (CsvTable.Row row : CsvTable.embedded("data/countries/groups.csv").rows()) {
      Country c = byIso2.get(row.get("iso2"));
      if (c == null) {
        throw new IllegalStateException("groups.csv line " + row.line() + " names unknown ISO code " + row.get("iso2"));
      }
      groups.computeIfAbsent(row.get("group").toUpperCase(Locale.ROOT), k -> new LinkedHashSet<>()).add(c);
    }
    groups.replaceAll((k, v) -> Set.copyOf(v));
    return new Countries(all, byKey, Map.copyOf(groups), names);
  }

  private static void add(Map<String, List<Country>> map, String key, Country c) {
    List<Country> list = map.computeIfAbsent(key, k -> new ArrayList<>(1));
    if (!list.contains(c)) {
      list.add(c);
    }
  }

  private static String displayName(String censusName) {
    int paren = censusName.indexOf(" (");
    String s = paren > 0 ? censusName.substring(0, paren) : censusName;
    return s.strip();
  }

  private static String isoLocaleAlpha3(String iso2) {
    try {
      return new Locale("", iso2).getISO3Country();
    } catch (java.util.MissingResourceException e) {
      return "";
    }
  }

  private static void readLines(String path, Consumer<String> line) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(EmbeddedData.open(path), StandardCharsets.UTF_8))) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        line.accept(l);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** For tests and diagnostics: every country with the names it answers to. */
  Map<Country, Collection<String>> names() {
    return java.util.Collections.unmodifiableMap(searchNames);
  }
}
