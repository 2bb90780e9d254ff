package org.tariffscope.schedule;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.InvalidInputException;

/**
 * Reads a USITC HTS JSON export (a JSON array of records) into an {@link HtsRevision}, streaming,
 * straight from the {@code .json.gz}. Builds the indent hierarchy, the description paths, and the
 * rates statistical lines inherit from their legal line.
 *
 * <p>Records are read field by field with Jackson's streaming parser rather than bound to classes:
 * the panel reads all 44 revisions (1.5 million records) before it can start, and binding was a
 * third of that time.
 */
final class HtsJsonReader {
  private static final JsonFactory JSON = new JsonFactory();

  /** The fields of a record we use; the export also has quota and additional-duty fields. */
  record RawRecord(String htsno, String indent, String description, List<String> units,
      String general, String special, String other, List<RawFootnote> footnotes) {
  }

  record RawFootnote(List<String> columns, String value) {
  }

  /** A record in the hierarchy, numbered or not ("Horses:" rows have no number). */
  private static final class Node {
    /** Description paths shared by all revisions read, so that equal lines compare by identity. */
    private static final Map<List<String>, List<String>> PATHS = new ConcurrentHashMap<>();

    final RawRecord raw;
    final int indent;
    final Node parent;
    final HtsCode code;
    /** Cleaned description, and the descriptions from the top down to this record (shared with children). */
    final String description;
    final List<String> path;

    Node(RawRecord raw, int indent, Node parent, HtsCode code, Map<String, String> interned) {
      this.raw = raw;
      this.indent = indent;
      this.parent = parent;
      this.code = code;
      String d = clean(raw.description());
      String shared = interned.get(d);
      this.description = shared != null ? shared : interned.computeIfAbsent(d, k -> k);
      List<String> p = new ArrayList<>(parent == null ? 1 : parent.path.size() + 1);
      if (parent != null) {
        p.addAll(parent.path);
      }
      if (!description.isEmpty()) {
        p.add(description);
      }
      List<String> path = List.copyOf(p);
      List<String> shared2 = PATHS.get(path);
      this.path = shared2 != null ? shared2 : PATHS.computeIfAbsent(path, k -> k);
    }
  }

  private HtsJsonReader() {
  }

  static HtsRevision read(RevisionInfo info) throws IOException {
    try (InputStream raw = info.source().open()) {
      InputStream in = new BufferedInputStream(raw, 1 << 16);
      if (info.source().name().endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return read(info, in);
    }
  }

  /**
   * Lines and texts shared by all revisions read: most lines are identical from one revision to the
   * next, so the 44 revisions together cost little more memory than one.
   */
  private static final Map<HtsLine, HtsLine> LINES = new ConcurrentHashMap<>();
  private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();
  /** Footnotes by their columns and text: the same few thousand recur on every revision. */
  private static final Map<RawFootnote, Footnote> FOOTNOTES = new ConcurrentHashMap<>();

  static HtsRevision read(RevisionInfo info, InputStream in) throws IOException {
    List<HtsLine> lines = new ArrayList<>(36_000);
    Map<String, String> interned = TEXTS;
    Deque<Node> stack = new ArrayDeque<>();
    try (JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new InvalidInputException(info.source().name() + " is not a USITC HTS JSON export (expected a JSON array)");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        RawRecord r = record(p);
        int indent = parseIndent(r.indent());
        while (!stack.isEmpty() && stack.peek().indent >= indent) {
          stack.pop();
        }
        HtsCode code = codeOf(r.htsno());
        Node node = new Node(r, indent, stack.peek(), code, interned);
        stack.push(node);
        if (code != null) {
          HtsLine line = line(node, interned);
          HtsLine shared = LINES.get(line);
          lines.add(shared != null ? shared : LINES.computeIfAbsent(line, l -> l));
        }
      }
    }
    if (lines.isEmpty()) {
      throw new InvalidInputException(info.source().name() + " holds no numbered HTS lines");
    }
    return new HtsRevision(info, lines);
  }

  /** One record, the parser on its START_OBJECT; leaves the parser on its END_OBJECT. */
  private static RawRecord record(JsonParser p) throws IOException {
    String htsno = null;
    String indent = null;
    String description = null;
    List<String> units = null;
    String general = null;
    String special = null;
    String other = null;
    List<RawFootnote> footnotes = null;
    for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
      JsonToken value = p.nextToken();
      switch (field) {
        case "htsno" -> htsno = text(p, value);
        case "indent" -> indent = text(p, value);
        case "description" -> description = text(p, value);
        case "general" -> general = text(p, value);
        case "special" -> special = text(p, value);
        case "other" -> other = text(p, value);
        case "units" -> units = texts(p, value);
        case "footnotes" -> footnotes = footnotes(p, value);
        default -> p.skipChildren();
      }
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw new IOException("expected a field name or the end of a record at " + p.currentLocation());
    }
    return new RawRecord(htsno, indent, description, units, general, special, other, footnotes);
  }

  /** A scalar as text (the export prints some numbers unquoted); null for null, objects and arrays. */
  private static String text(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
      p.skipChildren();
      return null;
    }
    return value == JsonToken.VALUE_NULL ? null : p.getText();
  }

  private static List<String> texts(JsonParser p, JsonToken value) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      String single = text(p, value); // null for null and for an object, which is skipped
      return single == null ? null : List.of(single);
    }
    List<String> out = new ArrayList<>(2);
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      String s = text(p, t);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<RawFootnote> footnotes(JsonParser p, JsonToken value) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      p.skipChildren();
      return null;
    }
    List<RawFootnote> out = new ArrayList<>(2);
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      List<String> columns = null;
      String text = null;
      for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
        JsonToken v = p.nextToken();
        switch (field) {
          case "columns" -> columns = texts(p, v);
          case "value" -> text = text(p, v);
          default -> p.skipChildren();
        }
      }
      out.add(new RawFootnote(columns, text));
    }
    return out;
  }

  private static HtsLine line(Node node, Map<String, String> interned) {
    RawRecord r = node.raw;
    Node rateNode = node;
    if (isBlank(r.general()) && node.code.length() == 10) {
      for (Node a = node.parent; a != null; a = a.parent) {
        if (a.code != null && !isBlank(a.raw.general())) {
          rateNode = a;
          break;
        }
      }
    }
    List<Footnote> footnotes = new ArrayList<>(footnotes(r));
    if (rateNode != node) {
      footnotes.addAll(footnotes(rateNode.raw));
    }
    List<String> units = r.units() == null ? List.of()
        : r.units().stream().map(u -> interned.computeIfAbsent(u.strip(), k -> k)).toList();
    RawRecord rates = rateNode.raw;
    return new HtsLine(node.code, node.indent, node.description, node.path, units,
        intern(rates.general(), interned), intern(rates.special(), interned), intern(rates.other(), interned),
        footnotes, rateNode.code);
  }

  private static List<Footnote> footnotes(RawRecord r) {
    if (r.footnotes() == null) {
      return List.of();
    }
    List<Footnote> out = new ArrayList<>(r.footnotes().size());
    for (RawFootnote f : r.footnotes()) {
      if (f != null && f.value() != null && !f.value().isBlank()) {
        RawFootnote key = new RawFootnote(f.columns() == null ? List.of() : f.columns(), f.value());
        Footnote shared = FOOTNOTES.get(key);
        out.add(shared != null ? shared : FOOTNOTES.computeIfAbsent(key, k -> Footnote.of(k.columns(), k.value())));
      }
    }
    return out;
  }

  private static HtsCode codeOf(String htsno) {
    if (htsno == null || htsno.isBlank()) {
      return null;
    }
    try {
      return HtsCode.parse(htsno);
    } catch (InvalidInputException e) {
      return null; // a few records carry stray text in htsno; they are description rows
    }
  }

  private static int parseIndent(String indent) {
    try {
      return indent == null ? 0 : Integer.parseInt(indent.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** Removes markup and collapses white space; most descriptions have neither, so that path is cheap. */
  private static String clean(String s) {
    if (s == null) {
      return "";
    }
    boolean plain = s.indexOf('<') < 0;
    for (int i = 0; plain && i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\t' || c == '\r' || (c == ' ' && i + 1 < s.length() && s.charAt(i + 1) == ' ')) {
        plain = false;
      }
    }
    return plain ? s.strip() : s.replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").strip();
  }

  private static String intern(String s, Map<String, String> interned) {
    if (s == null) {
      return "";
    }
    String key = s.strip();
    String shared = interned.get(key);
    return shared != null ? shared : interned.computeIfAbsent(key, k -> k);
  }
}
