package org.tariffscope.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for the terminal: columns sized to their content (long cells wrap at a
 * maximum width), numbers right-aligned. Small enough not to need a library.
 */
final class TextTable {
  private final List<String> header;
  private final boolean[] rightAligned;
  private final int[] maxWidth;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String... header) {
    this.header = List.of(header);
    this.rightAligned = new boolean[header.length];
    this.maxWidth = new int[header.length];
    java.util.Arrays.fill(maxWidth, 60);
  }

  TextTable right(int... columns) {
    for (int c : columns) {
      rightAligned[c] = true;
    }
    return this;
  }

  TextTable maxWidth(int column, int width) {
    maxWidth[column] = width;
    return this;
  }

  TextTable row(Object... cells) {
    List<String> r = new ArrayList<>();
    for (Object c : cells) {
      r.add(c == null ? "" : c.toString());
    }
    rows.add(r);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  String render() {
    int n = header.size();
    int[] width = new int[n];
    for (int c = 0; c < n; c++) {
      width[c] = Math.min(maxWidth[c], header.get(c).length());
      for (List<String> r : rows) {
        width[c] = Math.max(width[c], Math.min(maxWidth[c], r.get(c).length()));
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, width);
    for (int c = 0; c < n; c++) {
      sb.append("-".repeat(width[c])).append(c < n - 1 ? "  " : "\n");
    }
    for (List<String> r : rows) {
      line(sb, r, width);
    }
    return sb.toString();
  }

  private void line(StringBuilder sb, List<String> cells, int[] width) {
    List<List<String>> wrapped = new ArrayList<>();
    int height = 1;
    for (int c = 0; c < cells.size(); c++) {
      List<String> w = wrap(cells.get(c), width[c]);
      wrapped.add(w);
      height = Math.max(height, w.size());
    }
    for (int l = 0; l < height; l++) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < cells.size(); c++) {
        String text = l < wrapped.get(c).size() ? wrapped.get(c).get(l) : "";
        String pad = " ".repeat(Math.max(0, width[c] - text.length()));
        line.append(rightAligned[c] ? pad + text : text + (c < cells.size() - 1 ? pad : ""));
        if (c < cells.size() - 1) {
          line.append("  ");
        }
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
  }

  static List<String> wrap(String text, int width) {
    List<String> out = new ArrayList<>();
    String rest = text;
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) {
        cut = width;
      }
      out.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
    }
    out.add(rest);
    return out;
  }
}
