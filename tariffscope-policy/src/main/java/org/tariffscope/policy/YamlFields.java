package org.tariffscope.policy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Typed access to the fields of one YAML mapping that records a problem, with the field's file and
 * line, for each bad value instead of throwing: a reader goes on and reports every problem of a file
 * at once. Shared by the policy files and the scenario files, whose readers add their own field kinds.
 */
public class YamlFields {
  /** The file, as problems name it. */
  public final String file;
  /** The mapping read (or another node, whose fields are then all absent). */
  public final Node node;
  /** Where the problems go. */
  public final List<PolicyProblem> problems;
  private final Map<String, Node> map;
  private final Map<String, Integer> lines;

  public YamlFields(String file, Node node, List<PolicyProblem> problems) {
    this.file = file;
    this.node = node;
    Map<String, Node> m = YamlDoc.mapping(node);
    this.map = m == null ? Map.of() : m;
    this.lines = YamlDoc.keyLines(node);
    this.problems = problems;
  }

  public boolean has(String field) {
    return map.containsKey(field);
  }

  public Node node(String field) {
    return map.get(field);
  }

  /** The line of a field, or of the mapping when the field is absent. */
  public int lineOf(String field) {
    Integer line = lines.get(field);
    return line != null ? line : YamlDoc.line(node);
  }

  public SourceLocation at(String field) {
    return new SourceLocation(file, lineOf(field));
  }

  /** Records an error on a field; {@code subject} names what the mapping is (empty at a file's top). */
  public void error(String field, String subject, String message) {
    problems.add(PolicyProblem.error(at(field), subject.isEmpty() ? field : subject + " " + field, message));
  }

  public void rejectUnknown(Set<String> known, String subject) {
    for (String key : map.keySet()) {
      if (!known.contains(key)) {
        problems.add(PolicyProblem.error(at(key), subject.isEmpty() ? key : subject + " " + key,
            "unknown field (known: " + String.join(", ", new TreeSet<>(known)) + ")"));
      }
    }
  }

  /** The field's text, stripped; empty when absent or not a text. */
  public String text(String field) {
    Node n = map.get(field);
    String s = n == null ? null : YamlDoc.scalar(n);
    return s == null ? "" : s.strip();
  }

  public String requiredText(String field, String subject) {
    Node n = map.get(field);
    if (n == null) {
      error(field, subject, "missing");
      return null;
    }
    String s = YamlDoc.scalar(n);
    if (s == null || s.isBlank()) {
      error(field, subject, "must be a non-empty text");
      return null;
    }
    return s.strip();
  }

  /** A date; null when the field is absent or empty, or after recording a bad one. */
  public LocalDate date(String field, String subject) {
    String s = text(field);
    if (s.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      error(field, subject, "bad date '" + s + "' (use YYYY-MM-DD)");
      return null;
    }
  }

  public LocalDate requiredDate(String field, String subject) {
    if (!has(field)) {
      error(field, subject, "missing");
      return null;
    }
    return date(field, subject);
  }
}
