package org.tariffscope.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tariffscope.basics.HtsCode;

/**
 * A footnote of a schedule line, e.g. {@code See 9903.88.15.} on the general column. Footnotes are
 * how the schedule links product lines to Chapter 99 headings. Immutable.
 *
 * @param columns the columns it annotates ({@code general}, {@code other}, ...)
 * @param text the footnote text
 * @param chapter99 the Chapter 99 headings it refers to, in order of appearance
 */
public record Footnote(List<String> columns, String text, List<HtsCode> chapter99) {
  private static final Pattern HEADING = Pattern.compile("\\b(99\\d\\d\\.\\d\\d\\.\\d\\d)\\b");

  public Footnote {
    columns = List.copyOf(columns);
    chapter99 = List.copyOf(chapter99);
  }

  /** A footnote from its text, finding the Chapter 99 headings it names. */
  public static Footnote of(List<String> columns, String text) {
    String t = text == null ? "" : text.strip();
    List<HtsCode> refs = new ArrayList<>();
    Matcher m = HEADING.matcher(t);
    while (m.find()) {
      refs.add(HtsCode.parse(m.group(1)));
    }
    return new Footnote(columns == null ? List.of() : columns, t, refs);
  }
}
