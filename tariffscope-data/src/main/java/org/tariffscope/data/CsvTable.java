package org.tariffscope.data;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A CSV file read whole: a header and rows that remember their line numbers, so that loaders can
 * name the file and line of a bad value. Lines starting with {@code #} are comments (our files name
 * their sources there). Gzip files ({@code .gz}) are decompressed. Immutable.
 *
 * @param source the file name, for messages
 * @param header column names of the first non-comment line
 * @param rows the data rows
 */
public record CsvTable(String source, List<String> header, List<Row> rows) {
  private static final CsvMapper MAPPER = new CsvMapper();

  /** One data row and its line number in the file (1-based). */
  public record Row(int line, List<String> values, Map<String, Integer> columns) {
    /** The value of a column, stripped; empty when the row is short or the column unknown. */
    public String get(String column) {
      Integer i = columns.get(column);
      return i == null || i >= values.size() ? "" : values.get(i).strip();
    }

    public String get(int index) {
      return index < values.size() ? values.get(index).strip() : "";
    }

    /** The value, or empty when blank or one of the missing-value markers {@code NA}, {@code NULL}. */
    public Optional<String> optional(String column) {
      String v = get(column);
      return v.isEmpty() || v.equals("NA") || v.equals("NULL") ? Optional.empty() : Optional.of(v);
    }
  }

  public CsvTable {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /** A CSV file shipped in the embedded data, e.g. {@code data/hts/revisions.csv}. */
  public static CsvTable embedded(String path) {
    try (InputStream in = EmbeddedData.open(path)) {
      return read(path, path.endsWith(".gz") ? new GZIPInputStream(in) : in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  /** A CSV file on disk. */
  public static CsvTable file(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      String name = path.toString();
      return read(name, name.endsWith(".gz") ? new GZIPInputStream(in) : in);
    }
  }

  public static CsvTable read(String source, InputStream in) throws IOException {
    List<String> header = null;
    Map<String, Integer> columns = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    try (MappingIterator<String[]> it = MAPPER.readerForArrayOf(String.class)
        .with(CsvParser.Feature.WRAP_AS_ARRAY)
        .with(CsvParser.Feature.ALLOW_COMMENTS)
        .with(CsvParser.Feature.SKIP_EMPTY_LINES)
        .readValues(in)) {
      while (it.hasNextValue()) {
        String[] values = it.nextValue();
        int line = it.getParser().currentTokenLocation().getLineNr();
        if (header == null) {
          header = Arrays.stream(values).map(String::strip).toList();
          for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), i);
          }
        } else {
          rows.add(new Row(line, Arrays.asList(values), columns));
        }
      }
    }
    return new CsvTable(source, header == null ? List.of() : header, rows);
  }

  /** Whether the header has this column. */
  public boolean hasColumn(String column) {
    return header.contains(column);
  }
}
