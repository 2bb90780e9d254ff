package org.tariffscope.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tariffscope.data.CsvTable;
import org.tariffscope.data.EmbeddedData;
import org.tariffscope.policy.PolicyProblem;
import org.tariffscope.policy.SourceLocation;

/**
 * Substitution elasticities between origins, by product: CEPII ProTEE trade elasticities by HS-6
 * (HS 2007), mapped to the HTS-10 products of the flows by their first six digits; a product whose
 * HS-6 has no estimate (codes changed since HS 2007, or no estimate published) takes the mean of
 * its HS-4, else of its HS-2, in the file; a product of a chapter without any estimate (chapter 45,
 * and the special provisions of chapters 98 and 99) takes the median of all. The substitution elasticity is the absolute value of the
 * trade elasticity (see {@code docs/model.md}). Immutable.
 */
public final class Elasticities {
  /** The embedded ProTEE file. */
  public static final String PROTEE = "data/elasticities/ProTEE_0_1.csv";

  private final String file;
  private final Map<String, Double> hs6;
  private final Map<String, Double> hs4;
  private final Map<String, Double> hs2;
  private final double median;

  private Elasticities(String file, Map<String, Double> hs6) {
    this.file = file;
    this.hs6 = Map.copyOf(hs6);
    Map<String, double[]> s4 = new HashMap<>();
    Map<String, double[]> s2 = new HashMap<>();
    hs6.forEach((k, v) -> {
      double[] a = s4.computeIfAbsent(k.substring(0, 4), x -> new double[2]);
      a[0] += v;
      a[1]++;
      double[] b = s2.computeIfAbsent(k.substring(0, 2), x -> new double[2]);
      b[0] += v;
      b[1]++;
    });
    Map<String, Double> m4 = new HashMap<>();
    s4.forEach((k, a) -> m4.put(k, a[0] / a[1]));
    Map<String, Double> m2 = new HashMap<>();
    s2.forEach((k, a) -> m2.put(k, a[0] / a[1]));
    this.hs4 = Map.copyOf(m4);
    this.hs2 = Map.copyOf(m2);
    double[] all = hs6.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    this.median = all.length == 0 ? Double.NaN : all.length % 2 == 1 ? all[all.length / 2]
        : (all[all.length / 2 - 1] + all[all.length / 2]) / 2;
  }

  /** The file read, for messages. */
  public String file() {
    return file;
  }

  /** How a product's elasticity was found. */
  public enum Level { HS6, HS4, HS2, MEDIAN }

  /** The elasticity of an HTS-10 product and the level it came from. */
  public record Match(double sigma, Level level) {
  }

  public Match of(String hts10) {
    Double v = hs6.get(hts10.substring(0, 6));
    if (v != null) {
      return new Match(v, Level.HS6);
    }
    v = hs4.get(hts10.substring(0, 4));
    if (v != null) {
      return new Match(v, Level.HS4);
    }
    v = hs2.get(hts10.substring(0, 2));
    return v != null ? new Match(v, Level.HS2) : new Match(median, Level.MEDIAN);
  }

  /** The mean elasticity of an HS chapter ("87"), NaN when the file has none. */
  public double chapterMean(String chapter) {
    return hs2.getOrDefault(chapter, Double.NaN);
  }

  /** The embedded ProTEE elasticities. */
  public static Elasticities protee() {
    try (InputStream in = EmbeddedData.open(PROTEE)) {
      return read(PROTEE, in).orThrow();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Elasticities from a file laid out like ProTEE ({@code HS6,zero,positive,sigma}). */
  public static Loaded read(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return read(path.toString(), in);
    } catch (IOException e) {
      return new Loaded(null, List.of(PolicyProblem.error(new SourceLocation(path.toString(), 0), "",
          "cannot read: " + e.getMessage())));
    }
  }

  /** Elasticities as read, with every problem (file, line, field). */
  public record Loaded(Elasticities elasticities, List<PolicyProblem> problems) {
    public Elasticities orThrow() {
      if (elasticities == null || problems.stream().anyMatch(PolicyProblem::isError)) {
        throw new ScenarioException(problems.stream().filter(PolicyProblem::isError).toList());
      }
      return elasticities;
    }
  }

  static Loaded read(String file, InputStream in) throws IOException {
    CsvTable table = CsvTable.read(file, in);
    List<PolicyProblem> problems = new ArrayList<>();
    for (String col : List.of("HS6", "sigma")) {
      if (!table.hasColumn(col)) {
        problems.add(PolicyProblem.error(new SourceLocation(file, 1), col, "missing column (need HS6 and sigma)"));
      }
    }
    if (!problems.isEmpty()) {
      return new Loaded(null, problems);
    }
    Map<String, Double> values = new HashMap<>();
    for (CsvTable.Row r : table.rows()) {
      SourceLocation at = new SourceLocation(file, r.line());
      String code = r.get("HS6").strip();
      if (!code.matches("\\d{6}")) {
        problems.add(PolicyProblem.error(at, "HS6", "not a 6-digit HS code: '" + code + "'"));
        continue;
      }
      String s = r.get("sigma").strip();
      if (s.isEmpty()) {
        continue; // no estimate published: the product falls back to its HS-4 or HS-2 mean
      }
      try {
        double v = Double.parseDouble(s);
        if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) > 500) {
          problems.add(PolicyProblem.error(at, "sigma", "out of range: " + s));
        } else if (values.put(code, Math.abs(v)) != null) {
          problems.add(PolicyProblem.error(at, "HS6", "product " + code + " appears twice"));
        }
      } catch (NumberFormatException e) {
        problems.add(PolicyProblem.error(at, "sigma", "not a number: '" + s + "'"));
      }
    }
    if (values.isEmpty() && problems.isEmpty()) {
      problems.add(PolicyProblem.error(new SourceLocation(file, 1), "sigma", "no elasticity in the file"));
    }
    return new Loaded(problems.isEmpty() ? new Elasticities(file, values) : null, problems);
  }

  /**
   * Chapters of the flows without any elasticity in the file (they take the median): a warning
   * naming the file, the field and the chapters, or an error when they carry more than a quarter of
   * 2024 imports (the file does not fit the flows).
   */
  public List<PolicyProblem> coverageProblems(FlowTable flows) {
    Map<String, Double> missing = new java.util.TreeMap<>();
    for (int p = 0; p < flows.products.length; p++) {
      if (of(flows.products[p]).level() == Level.MEDIAN) {
        double v = 0;
        for (int i = flows.start[p]; i < flows.start[p + 1]; i++) {
          v += flows.value[i];
        }
        missing.merge(flows.products[p].substring(0, 2), v, Double::sum);
      }
    }
    if (missing.isEmpty()) {
      return List.of();
    }
    double total = missing.values().stream().mapToDouble(Double::doubleValue).sum();
    String message = "no product of chapter(s) " + String.join(", ", new TreeSet<>(missing.keySet()))
        + ": $" + String.format(java.util.Locale.ROOT, "%.1f", total / 1e9) + "B of 2024 imports take the median elasticity";
    SourceLocation at = new SourceLocation(file, 0);
    return List.of(total > 0.25 * flows.totalValue() ? PolicyProblem.error(at, "HS6", message + " (too many: add rows for them)")
        : PolicyProblem.warning(at, "HS6", message));
  }
}
