package org.tariffscope.schedule;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 */
final class HtsJsonReader {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The fields of a record we use; the export also has quota and additional-duty fields. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record RawRecord(String htsno, String indent, String description, List<String> units,
      String general, String special, String other, List<RawFootnote> footnotes) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record RawFootnote(List<String> columns, String value) {
  }

  /** A record in the hierarchy, numbered or not ("Horses:" rows have no number). */
  private static final class Node {
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
      this.description = interned.computeIfAbsent(clean(raw.description()), k -> k);
      List<String> p = new ArrayList<>(parent == null ? 1 : parent.path.size() + 1);
      if (parent != null) {
        p.addAll(parent.path);
      }
      if (!description.isEmpty()) {
        p.add(description);
      }
      this.path = List.copyOf(p);
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

  static HtsRevision read(RevisionInfo info, InputStream in) throws IOException {
    List<HtsLine> lines = new ArrayList<>(36_000);
    Map<String, String> interned = TEXTS;
    Deque<Node> stack = new ArrayDeque<>();
    try (JsonParser p = MAPPER.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new InvalidInputException(info.source().name() + " is not a USITC HTS JSON export (expected a JSON array)");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        RawRecord r = MAPPER.readValue(p, RawRecord.class);
        int indent = parseIndent(r.indent());
        while (!stack.isEmpty() && stack.peek().indent >= indent) {
          stack.pop();
        }
        HtsCode code = codeOf(r.htsno());
        Node node = new Node(r, indent, stack.peek(), code, interned);
        stack.push(node);
        if (code != null) {
          HtsLine line = line(node, interned);
          lines.add(LINES.computeIfAbsent(line, l -> l));
        }
      }
    }
    if (lines.isEmpty()) {
      throw new InvalidInputException(info.source().name() + " holds no numbered HTS lines");
    }
    return new HtsRevision(info, lines);
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
        out.add(Footnote.of(f.columns(), f.value()));
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
    return s == null ? "" : interned.computeIfAbsent(s.strip(), k -> k);
  }
}
