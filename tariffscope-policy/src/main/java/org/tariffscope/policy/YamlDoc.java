package org.tariffscope.policy;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reading YAML as a node graph: every scalar keeps its raw text (no octal or float surprises for
 * HTS codes) and every node its line, so loaders can say exactly where a value is wrong.
 */
public final class YamlDoc {
  private YamlDoc() {
  }

  /** A YAML syntax error at a line. */
  public static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    SyntaxError(String message, int line) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  /** The root node of a one-document YAML text, or null for an empty text. */
  public static Node parse(Reader reader) throws SyntaxError {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(50);
    try {
      return new Yaml(options).compose(reader);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
      throw new SyntaxError(e.getProblem() + (e.getContext() != null ? " (" + e.getContext() + ")" : ""), line);
    } catch (RuntimeException e) {
      throw new SyntaxError(e.getMessage(), 0);
    }
  }

  /** 1-based line of a node. */
  public static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  /** A mapping's entries by key, in order; null when the node is not a mapping. */
  public static Map<String, Node> mapping(Node node) {
    if (!(node instanceof MappingNode m)) {
      return null;
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k) {
        out.put(k.getValue(), t.getValueNode());
      }
    }
    return out;
  }

  /** Lines of a mapping's keys (for "unknown field" messages). */
  public static Map<String, Integer> keyLines(Node node) {
    Map<String, Integer> out = new LinkedHashMap<>();
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k) {
          out.put(k.getValue(), line(k));
        }
      }
    }
    return out;
  }

  /** A sequence's items; a single scalar counts as a one-item sequence; null otherwise. */
  public static List<Node> sequence(Node node) {
    if (node instanceof SequenceNode s) {
      return s.getValue();
    }
    if (node instanceof ScalarNode) {
      return List.of(node);
    }
    return null;
  }

  /** A scalar's raw text, or null when the node is not a scalar. */
  public static String scalar(Node node) {
    return node instanceof ScalarNode s ? s.getValue() : null;
  }

  /** The raw texts of a sequence of scalars; null if any item is not a scalar. */
  public static List<String> scalars(Node node) {
    List<Node> items = sequence(node);
    if (items == null) {
      return null;
    }
    List<String> out = new ArrayList<>(items.size());
    for (Node n : items) {
      String s = scalar(n);
      if (s == null) {
        return null;
      }
      out.add(s);
    }
    return out;
  }
}
