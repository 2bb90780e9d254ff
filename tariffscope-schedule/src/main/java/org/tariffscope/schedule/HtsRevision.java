package org.tariffscope.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tariffscope.basics.CodeTable;
import org.tariffscope.basics.HtsCode;

/**
 * One revision of the Harmonized Tariff Schedule as published by the USITC: every numbered line,
 * with rates inherited down to the statistical lines. Immutable and thread-safe.
 */
public final class HtsRevision {
  private final RevisionInfo info;
  private final List<HtsLine> lines;
  /** The lines in code order, one per code, and their codes: prefix ranges by binary search. */
  private final HtsLine[] sorted;
  private final String[] sortedDigits;
  /** Exact lookups, the engine's hot path: no string comparisons, few cache misses. */
  private final CodeTable<HtsLine> exact;

  HtsRevision(RevisionInfo info, List<HtsLine> lines) {
    this.info = info;
    this.lines = List.copyOf(lines);
    // Schedule order is nearly code order, so this (stable) sort is close to one pass.
    HtsLine[] byCode = this.lines.toArray(new HtsLine[0]);
    Arrays.sort(byCode, Comparator.comparing((HtsLine l) -> l.code().digits()));
    List<HtsLine> unique = new ArrayList<>(byCode.length);
    Map<String, HtsLine> map = new HashMap<>(byCode.length * 2);
    for (HtsLine l : byCode) {
      // A few codes are printed twice (a heading repeated across page breaks); the first wins.
      if (unique.isEmpty() || !unique.get(unique.size() - 1).code().digits().equals(l.code().digits())) {
        unique.add(l);
        map.put(l.code().digits(), l);
      }
    }
    this.sorted = unique.toArray(new HtsLine[0]);
    this.sortedDigits = new String[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      sortedDigits[i] = sorted[i].code().digits();
    }
    this.exact = CodeTable.of(map);
  }

  /** The lines whose code starts with {@code prefix}, in code order (a view). */
  private List<HtsLine> range(String prefix) {
    int from = Arrays.binarySearch(sortedDigits, prefix);
    if (from < 0) {
      from = -from - 1;
    }
    int to = from;
    while (to < sortedDigits.length && sortedDigits[to].startsWith(prefix)) {
      to++;
    }
    return Arrays.asList(sorted).subList(from, to);
  }

  public RevisionInfo info() {
    return info;
  }

  /** The revision id, e.g. {@code 2025_rev_7}. */
  public String id() {
    return info.id();
  }

  public LocalDate effectiveDate() {
    return info.effectiveDate();
  }

  /** Every numbered line, in schedule order. */
  public List<HtsLine> lines() {
    return lines;
  }

  public int size() {
    return sorted.length;
  }

  public Optional<HtsLine> line(HtsCode code) {
    return Optional.ofNullable(exact.get(code.digits()));
  }

  /** Every line whose code starts with {@code prefix}, including a line equal to it, in code order. */
  public List<HtsLine> linesUnder(HtsCode prefix) {
    String p = prefix.digits();
    return List.copyOf(range(p));
  }

  /**
   * The lines an entry can be declared under below {@code prefix}: its 10-digit statistical lines,
   * and 8-digit lines that have none.
   */
  public List<HtsLine> reportingLinesUnder(HtsCode prefix) {
    List<HtsLine> under = linesUnder(prefix);
    List<HtsLine> out = new ArrayList<>();
    for (int i = 0; i < under.size(); i++) {
      HtsLine l = under.get(i);
      if (l.code().length() == 10) {
        out.add(l);
      } else if (l.code().length() == 8) {
        boolean hasChildren = i + 1 < under.size() && under.get(i + 1).code().length() == 10
            && l.code().contains(under.get(i + 1).code());
        if (!hasChildren) {
          out.add(l);
        }
      }
    }
    return out;
  }

  /**
   * Every product line an entry can be declared under (chapters 1-97): statistical lines, and tariff
   * lines without them. Computed once (the panel asks every revision for them twice).
   */
  public List<HtsLine> reportingLines() {
    List<HtsLine> out = reportingLines;
    if (out == null) {
      List<HtsLine> all = new ArrayList<>();
      for (int chapter = 1; chapter <= 97; chapter++) {
        all.addAll(reportingLinesUnder(HtsCode.of(String.format("%02d", chapter))));
      }
      out = List.copyOf(all);
      reportingLines = out;
    }
    return out;
  }

  private volatile List<HtsLine> reportingLines;

  /** The Chapter 99 headings ({@code 9903.xx.xx}) of this revision, in code order. */
  public List<HtsLine> chapter99Headings() {
    return linesUnder(HtsCode.of("9903"));
  }

  /**
   * Codes of this revision nearest to {@code digits} (for "did you mean" messages): lines sharing
   * the longest prefix, then the closest numbers.
   */
  public List<HtsCode> nearest(String digits, int limit) {
    for (int len = Math.min(digits.length(), 10); len >= 2; len--) {
      String p = digits.substring(0, len);
      List<HtsLine> sub = range(p);
      if (!sub.isEmpty()) {
        List<HtsLine> candidates = new ArrayList<>(sub);
        candidates.removeIf(l -> l.code().length() < Math.min(digits.length(), 8));
        if (candidates.isEmpty()) {
          candidates = new ArrayList<>(sub);
        }
        candidates.sort(Comparator.comparingLong(l -> distance(l.code().digits(), digits)));
        return candidates.stream().limit(limit).map(HtsLine::code).sorted().toList();
      }
    }
    return List.of();
  }

  private static long distance(String a, String b) {
    String x = (a + "0000000000").substring(0, 10);
    String y = (b + "0000000000").substring(0, 10);
    return Math.abs(Long.parseLong(x) - Long.parseLong(y));
  }

  /**
   * Lines whose description path contains every word (case-insensitive; a word matches the start of
   * a word, so "backhoe" finds "Backhoes"), statistical lines first, best matches first.
   */
  public List<HtsLine> search(String words, int limit) {
    String[] terms = words.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
    List<String> wanted = new ArrayList<>();
    for (String t : terms) {
      if (!t.isBlank()) {
        wanted.add(" " + t);
      }
    }
    if (wanted.isEmpty()) {
      return List.of();
    }
    record Hit(HtsLine line, int ownMatches) {
    }
    SearchIndex index = searchIndex();
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < index.lines.length; i++) {
      String path = index.paths[i];
      boolean all = true;
      for (String w : wanted) {
        if (!path.contains(w)) {
          all = false;
          break;
        }
      }
      if (all) {
        String own = index.own[i];
        int ownMatches = 0;
        for (String w : wanted) {
          if (own.contains(w)) {
            ownMatches++;
          }
        }
        hits.add(new Hit(index.lines[i], ownMatches));
      }
    }
    hits.sort(Comparator.comparingInt((Hit h) -> -h.ownMatches())
        .thenComparing(h -> h.line().code().length() == 10 ? 0 : 1)
        .thenComparing(h -> h.line().code()));
    return hits.stream().limit(limit).map(Hit::line).toList();
  }

  /**
   * The searchable lines (tariff and statistical lines of chapters 1-97) with their description path
   * and own description in lower case, words separated by single spaces and preceded by one: built on
   * the first search, so a search scans prepared text instead of normalising 30,000 paths each time.
   */
  private static final class SearchIndex {
    final HtsLine[] lines;
    final String[] paths;
    final String[] own;

    SearchIndex(List<HtsLine> all) {
      List<HtsLine> kept = new ArrayList<>(all.size());
      for (HtsLine line : all) {
        if (!line.code().isChapter99() && line.code().length() >= 8) {
          kept.add(line);
        }
      }
      lines = kept.toArray(new HtsLine[0]);
      paths = new String[lines.length];
      own = new String[lines.length];
      for (int i = 0; i < lines.length; i++) {
        paths[i] = " " + words(String.join(" ", lines[i].path()));
        own[i] = " " + words(lines[i].description());
      }
    }

    private static String words(String text) {
      return NON_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
    }
  }

  private static final java.util.regex.Pattern NON_WORD = java.util.regex.Pattern.compile("[^a-z0-9]+");
  private volatile SearchIndex searchIndex;

  private SearchIndex searchIndex() {
    SearchIndex index = searchIndex;
    if (index == null) {
      synchronized (this) {
        index = searchIndex;
        if (index == null) {
          index = new SearchIndex(lines);
          searchIndex = index;
        }
      }
    }
    return index;
  }

  @Override
  public String toString() {
    return "HTS " + info.id() + " (" + info.effectiveDate() + ", " + sorted.length + " lines)";
  }
}
