package org.tariffscope.analytics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.tariffscope.basics.Authority;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.data.CsvTable;
import org.tariffscope.engine.DutyEngine;
import org.tariffscope.policy.Measure;
import org.tariffscope.schedule.RevisionInfo;

/**
 * The panel in an embedded DuckDB database file: the rate rows, the countries and their origin
 * classes, the 2024 import weights, the revisions and measures, and the daily effective-rate
 * aggregates built from them. One file, created on demand, rebuilt when the policy files or the
 * schedule change (its {@code meta} table records a fingerprint of both).
 *
 * <p>Tables: {@code panel_rows} (one row per product x origin class x USMCA claim x run of days),
 * {@code countries}, view {@code panel} (the rows for every country), {@code flows} (2024 weights),
 * {@code flow_products} (the products each 2024 code is priced as, by day), {@code revisions},
 * {@code measures}, {@code sectors}, and {@code etr_daily_overall}, {@code etr_daily_country},
 * {@code etr_daily_sector}, {@code etr_daily_hs2}. Rates are percent; the base rate at its ad valorem
 * equivalent.
 */
public final class PanelDatabase implements AutoCloseable {
  /** Bump when the schema or the meaning of a column changes: older files are then rebuilt. */
  public static final String SCHEMA_VERSION = "3";
  public static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  /** The panel runs to the end of 2026: the newest revision is taken to hold after its date. */
  public static final LocalDate UNTIL = LocalDate.of(2027, 1, 1);

  /** Rate columns, in {@link Authority} order. */
  public static final List<String> RATE_COLUMNS = List.of("mfn_pct", "s232_pct", "s301_pct", "ieepa_reciprocal_pct",
      "ieepa_fentanyl_pct", "s122_pct", "s201_pct", "other_pct");

  private final Path file;
  private final Connection connection;

  private PanelDatabase(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Where the panel lives unless told otherwise: {@code $XDG_CACHE_HOME/tariffscope} or {@code ~/.cache/tariffscope}. */
  public static Path defaultFile() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("tariffscope").resolve("panel.duckdb");
  }

  /** What the panel was built from; a different fingerprint means the file is stale. */
  public static String fingerprint(DutyEngine engine) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(SCHEMA_VERSION.getBytes(StandardCharsets.UTF_8));
      for (RevisionInfo r : engine.schedule().revisions()) {
        md.update((r.id() + "@" + r.effectiveDate() + ";").getBytes(StandardCharsets.UTF_8));
      }
      for (Measure m : engine.book().measures()) {
        md.update(m.toString().getBytes(StandardCharsets.UTF_8));
        md.update(m.countries().toString().getBytes(StandardCharsets.UTF_8));
        md.update(m.products().toString().getBytes(StandardCharsets.UTF_8));
        md.update(m.yieldsTo().toString().getBytes(StandardCharsets.UTF_8));
        md.update(m.when().toString().getBytes(StandardCharsets.UTF_8));
        md.update(m.base().name().getBytes(StandardCharsets.UTF_8));
      }
      // Sorted: immutable maps iterate in an order that changes from one JVM run to the next.
      new java.util.TreeMap<>(engine.book().lists()).forEach((name, list) -> {
        md.update(name.getBytes(StandardCharsets.UTF_8));
        list.entries().forEach(e -> md.update((e.prefix() + "" + e.period()).getBytes(StandardCharsets.UTF_8)));
      });
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The state of a panel file, before opening it for queries. */
  public enum State { MISSING, READY, STALE, NOT_A_PANEL }

  /**
   * Inspects a file without changing it.
   *
   * @return MISSING, READY (built from these policy files and this schedule), STALE (built from others),
   *     or NOT_A_PANEL (unreadable, another database, or an interrupted build)
   */
  public static State inspect(Path file, String fingerprint) {
    if (!Files.exists(file)) {
      return State.MISSING;
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly());
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("select value from meta where key = 'fingerprint'")) {
      if (!rs.next()) {
        return State.NOT_A_PANEL;
      }
      return rs.getString(1).equals(fingerprint) ? State.READY : State.STALE;
    } catch (SQLException e) {
      return State.NOT_A_PANEL;
    }
  }

  private static java.util.Properties readOnly() {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("duckdb.read_only", "true");
    return p;
  }

  /** Opens a ready panel for queries (read-only). */
  public static PanelDatabase open(Path file) {
    try {
      return new PanelDatabase(file, DriverManager.getConnection("jdbc:duckdb:" + file, readOnly()));
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("Cannot open the panel " + file + ": " + e.getMessage(), e));
    }
  }

  public Connection connection() {
    return connection;
  }

  /**
   * Another connection to the same open panel: a connection serves one thread at a time, so a
   * server gives each of its workers its own. Close it after use; closing it leaves this one open.
   */
  public PanelDatabase duplicate() {
    try {
      return new PanelDatabase(file, connection.unwrap(org.duckdb.DuckDBConnection.class).duplicate());
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("Cannot open another connection to " + file + ": " + e.getMessage(), e));
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // closing a read-only connection cannot lose data
    }
  }

  /** Counts reported by a build. */
  public record BuildReport(RatePanel.Stats stats, long fileBytes, long totalMillis, long flows, int originClasses) {
  }

  /**
   * Builds the panel into {@code file}: a new file is written next to it and moved in place only when
   * complete, so an interrupted build never leaves a half-made panel behind.
   *
   * @param progress receives (products done, products in all) now and then
   */
  public static BuildReport build(Path file, DutyEngine engine, TradeWeights weights, int threads,
      java.util.function.BiConsumer<Integer, Integer> progress) {
    long start = System.nanoTime();
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = dir.resolve(file.getFileName() + ".building");
      Path parts = Files.createTempDirectory(dir, ".panel-rows-");
      Files.deleteIfExists(tmp);
      Files.deleteIfExists(dir.resolve(tmp.getFileName() + ".wal"));
      RatePanel panel = new RatePanel(engine, FROM, UNTIL);
      // The products (one pass over the revisions, on one core) are found while the 2024 codes are
      // mapped (on the other); the weights are written while the panel is computed.
      java.util.concurrent.CompletableFuture<List<String>> productList =
          java.util.concurrent.CompletableFuture.supplyAsync(panel::products);
      java.util.concurrent.CompletableFuture<Void> flowsFile = java.util.concurrent.CompletableFuture.runAsync(
          () -> writeFlows(parts.resolve("flows.tsv"), weights));
      ProductMapping mapping = ProductMapping.of(engine.schedule(),
          weights.flows().stream().map(Flow::hts10).distinct().toList(), FROM, UNTIL);
      List<String> products = join(productList);
      RatePanel.Stats stats;
      timing("products and their 2024 codes", start);
      try (RowFiles rows = new RowFiles(parts)) {
        IntConsumer onProgress = done -> progress.accept(done, products.size());
        stats = panel.build(products, threads, rows::write, onProgress);
      }
      join(flowsFile);
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + tmp); Statement s = c.createStatement()) {
        s.execute("SET threads TO " + Math.max(1, threads));
        s.execute("SET preserve_insertion_order = false");
        createSchema(s);
        long t = System.nanoTime();
        s.execute(RowFiles.ingest(parts.resolve("rows-*.csv").toString()));
        timing("ingest rows", t);
        t = System.nanoTime();
        insertCountries(c, engine.countries(), panel.classOf());
        insertProductMapping(c, mapping);
        s.execute("CREATE TEMP TABLE flows_read AS SELECT * FROM read_csv('" + parts.resolve("flows.tsv") + "', header = false, "
            + "delim = '\t', quote = '', columns = {'hts10': 'VARCHAR', 'country_index': 'SMALLINT', 'value': 'DOUBLE', "
            + "'calculated_duty': 'DOUBLE', 'usmca_share': 'DOUBLE', 'source': 'VARCHAR'})");
        s.execute(flowsTable());
        s.execute("DROP TABLE flows_read");
        timing("flows", t);
        t = System.nanoTime();
        insertRevisions(c, engine);
        insertMeasures(c, engine);
        insertSectors(c);
        timing("small tables", t);
        t = System.nanoTime();
        aggregates(s, Weighting.DEFAULT, "etr_daily_", false, ALL_SPLITS);
        timing("aggregates", t);
        s.execute("INSERT INTO meta VALUES ('fingerprint', '" + fingerprint(engine) + "'), ('schema', '" + SCHEMA_VERSION
            + "'), ('from', '" + FROM + "'), ('until', '" + UNTIL + "'), ('weights', '"
            + TradeWeights.method().replace("'", "''") + "')");
        s.execute("CHECKPOINT");
      } finally {
        deleteTree(parts);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.deleteIfExists(dir.resolve(file.getFileName() + ".wal"));
      long flows = weights.flows().size();
      int classes = panel.classes();
      return new BuildReport(stats, Files.size(file), (System.nanoTime() - start) / 1_000_000, flows, classes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB: " + e.getMessage(), e);
    }
  }

  private static void createSchema(Statement s) throws SQLException {
    s.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)");
    StringBuilder rows = new StringBuilder("CREATE TABLE panel_rows (hts10 VARCHAR, origin_class SMALLINT, usmca BOOLEAN, "
        + "valid_from DATE, valid_to DATE, total_pct REAL");
    for (String col : RATE_COLUMNS) {
      rows.append(", ").append(col).append(" REAL");
    }
    s.execute(rows.append(')').toString());
    s.execute("CREATE TABLE countries (country_index SMALLINT, iso2 VARCHAR, iso3 VARCHAR, census_code VARCHAR, "
        + "name VARCHAR, origin_class SMALLINT)");
    s.execute("CREATE TABLE flow_products (hts10 VARCHAR, product VARCHAR, share DOUBLE, valid_from DATE, "
        + "valid_to DATE, how VARCHAR)");
    s.execute("CREATE TABLE revisions (revision VARCHAR, effective_date DATE, event VARCHAR)");
    s.execute("CREATE TABLE measures (id VARCHAR, heading VARCHAR, authority VARCHAR, title VARCHAR, rate VARCHAR, "
        + "base VARCHAR, valid_from DATE, valid_to DATE, countries VARCHAR, products VARCHAR, citation VARCHAR, "
        + "url VARCHAR, file VARCHAR)");
    s.execute("CREATE TABLE sectors (hts10 VARCHAR, gtap_code VARCHAR, sector VARCHAR)");
    StringBuilder view = new StringBuilder("CREATE VIEW panel AS SELECT p.hts10, c.iso2 AS origin_iso2, "
        + "c.census_code, c.name AS origin, p.usmca, p.valid_from, p.valid_to, p.total_pct");
    for (String col : RATE_COLUMNS) {
      view.append(", p.").append(col);
    }
    s.execute(view.append(" FROM panel_rows p JOIN countries c ON c.origin_class = p.origin_class").toString());
  }

  private static void insertCountries(Connection c, Countries countries, int[] classOf) throws SQLException {
    try (var ps = c.prepareStatement("INSERT INTO countries VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Country k : countries.all()) {
        ps.setShort(1, (short) k.index());
        ps.setString(2, k.iso2());
        ps.setString(3, k.iso3());
        ps.setString(4, k.censusCode());
        ps.setString(5, k.name());
        ps.setShort(6, (short) classOf[k.index()]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void writeFlows(Path file, TradeWeights weights) {
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file), 1 << 20)) {
      StringBuilder sb = new StringBuilder(128);
      for (Flow f : weights.flows()) {
        sb.setLength(0);
        sb.append(f.hts10()).append('\t').append(f.countryIndex()).append('\t').append(f.value()).append('\t')
            .append(f.calculatedDuty()).append('\t').append(f.usmcaShare()).append('\t').append(f.source()).append('\n');
        w.append(sb);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void insertProductMapping(Connection c, ProductMapping mapping) throws SQLException {
    try (var appender = ((org.duckdb.DuckDBConnection) c).createAppender(org.duckdb.DuckDBConnection.DEFAULT_SCHEMA,
        "flow_products")) {
      for (ProductMapping.Share m : mapping.all()) {
        appender.beginRow();
        appender.append(m.code());
        appender.append(m.product());
        appender.append(m.share());
        appender.append(m.from());
        appender.append(m.until());
        appender.append(m.how());
        appender.endRow();
      }
    }
  }

  private static void insertRevisions(Connection c, DutyEngine engine) throws SQLException {
    try (var ps = c.prepareStatement("INSERT INTO revisions VALUES (?, ?, ?)")) {
      for (RevisionInfo r : engine.schedule().revisions()) {
        ps.setString(1, r.id());
        ps.setObject(2, r.effectiveDate());
        ps.setString(3, r.event());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void insertMeasures(Connection c, DutyEngine engine) throws SQLException {
    try (var ps = c.prepareStatement("INSERT INTO measures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Measure m : engine.book().measures()) {
        ps.setString(1, m.id());
        ps.setString(2, m.heading().toString());
        ps.setString(3, m.authority().key());
        ps.setString(4, m.title());
        ps.setString(5, m.rate().toString());
        ps.setString(6, m.base().key());
        ps.setObject(7, m.effective().start());
        ps.setObject(8, m.effective().endExclusive());
        ps.setString(9, m.countries().toString());
        ps.setString(10, m.products().toString());
        ps.setString(11, m.primaryInstrument().cite());
        ps.setString(12, m.primaryInstrument().url());
        ps.setString(13, m.source().toString());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void insertSectors(Connection c) throws SQLException {
    Map<String, String> names = new java.util.HashMap<>();
    for (CsvTable.Row r : CsvTable.embedded("data/lists/gtap_sector_names.csv").rows()) {
      names.put(r.get("gtap_code").toLowerCase(Locale.ROOT), r.get("sector_name"));
    }
    try (var appender = ((org.duckdb.DuckDBConnection) c).createAppender(org.duckdb.DuckDBConnection.DEFAULT_SCHEMA, "sectors")) {
      for (CsvTable.Row r : CsvTable.embedded("data/lists/hs10_gtap_crosswalk.csv").rows()) {
        String code = r.get("gtap_code").toLowerCase(Locale.ROOT);
        appender.beginRow();
        appender.append(r.get("hs10"));
        appender.append(code);
        appender.append(names.getOrDefault(code, code));
        appender.endRow();
      }
    }
  }

  /** The splits of the daily tables: name and key expression over {@code weighted_runs}. */
  static final String[][] ALL_SPLITS = {{"overall", "'all'"}, {"country", "iso2"}, {"sector", "sector"}, {"hs2", "hs2"}};

  /**
   * The flows table: the 2024 flows as read, with {@code mfn_paid_share}, the share of the column-1 duty
   * that was paid in 2024 (see {@link Weighting}): Census calculated duty / value over the statutory base
   * rate of the panel's first day, at most 1; by line for the published HTS-10 flows (and the EU members'
   * apportioned ones), by partner and chapter for the HS-2 remainder; 1 for China, Hong Kong, Macau,
   * Canada, Mexico and lines with a zero base rate.
   */
  private static String flowsTable() {
    return "CREATE TABLE flows AS "
        + "WITH jan AS (SELECT m.hts10, p.origin_class, sum(m.share * p.mfn_pct) AS mfn_pct FROM flow_products m "
        + "JOIN panel_rows p ON p.hts10 = m.product AND NOT p.usmca AND p.valid_from <= DATE '" + FROM
        + "' AND p.valid_to > DATE '" + FROM + "' WHERE m.valid_from <= DATE '" + FROM + "' AND m.valid_to > DATE '" + FROM
        + "' GROUP BY ALL), "
        + "x AS (SELECT f.*, c.iso2, left(f.hts10, 2) AS ch, coalesce(j.mfn_pct, 0) AS m FROM flows_read f "
        + "JOIN countries c USING (country_index) LEFT JOIN jan j ON j.hts10 = f.hts10 AND j.origin_class = c.origin_class), "
        + "chap AS (SELECT country_index, ch, sum(calculated_duty) AS d, sum(value * m / 100) AS s FROM x "
        + "WHERE source = 'hs2' GROUP BY ALL) "
        + "SELECT x.hts10, x.country_index, x.value, x.calculated_duty, x.usmca_share, x.source, "
        + "CASE WHEN x.iso2 IN ('CN', 'HK', 'MO', 'CA', 'MX') OR x.m <= 0 OR x.value <= 0 THEN 1.0 "
        + "WHEN x.source = 'hs2' THEN greatest(0, least(1.0, coalesce(chap.d / nullif(chap.s, 0), 1.0))) "
        + "ELSE greatest(0, least(1.0, x.calculated_duty / x.value / (x.m / 100))) END AS mfn_paid_share "
        + "FROM x LEFT JOIN chap ON chap.country_index = x.country_index AND chap.ch = x.ch";
  }

  /** The trade-weighted USMCA claim share of Canada's and Mexico's flows, as in the flows table. */
  static double usmcaUtilisation(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT sum(f.value * f.usmca_share) / sum(f.value) FROM flows f "
        + "JOIN countries c USING (country_index) WHERE c.iso2 IN ('CA', 'MX')")) {
      rs.next();
      return rs.getDouble(1);
    }
  }

  /**
   * The daily effective rates, import-weighted with 2024 values: each flow's value (Canada's and
   * Mexico's split by USMCA claim share) times the rate of its product, origin and claim (the base rate
   * scaled by the flow's preference factor), summed by day, over the flows whose 2024 code maps to a
   * product of the schedule that day ({@link ProductMapping}). Built from change events (a run of days adds its weighted rate on its first day
   * and removes it on the day after), so a series of 730 days costs one pass over the weighted runs.
   *
   * @param prefix table name prefix ({@code etr_daily_}, or another for an alternative weighting)
   * @param temporary whether the tables are temporary (an alternative weighting on a read-only panel)
   * @param splits which tables: {@link #ALL_SPLITS} or a part of it
   */
  static void aggregates(Statement s, Weighting weighting, String prefix, boolean temporary, String[][] splits)
      throws SQLException {
    String share = weighting.usmcaShareSql(weighting.usmcaUtilisation() != null ? usmcaUtilisation(s) : 0);
    long t = System.nanoTime();
    s.execute("CREATE OR REPLACE TEMP TABLE weighted AS WITH f AS ("
        + "SELECT f.hts10, c.iso2, c.origin_class, f.value, " + share + " AS s, "
        + "CASE WHEN c.iso2 IN ('CA', 'MX') THEN 1.0 ELSE " + weighting.mfnFactorSql() + " END AS mf "
        + "FROM flows f JOIN countries c USING (country_index)" + weighting.usmcaJoinSql() + ") "
        + "SELECT f.hts10 AS code, m.product, m.valid_from AS map_from, m.valid_to AS map_to, iso2, origin_class, "
        + "u.usmca, value * m.share * (CASE WHEN u.usmca THEN s ELSE 1 - s END) AS w, mf "
        + "FROM f JOIN flow_products m ON m.hts10 = f.hts10 CROSS JOIN (VALUES (false), (true)) u(usmca) "
        + "WHERE NOT u.usmca OR s > 0");
    timing("  weighted flows", t);
    t = System.nanoTime();
    List<String> cols = new ArrayList<>(List.of("total_pct"));
    cols.addAll(RATE_COLUMNS);
    List<String> weightedCols = new ArrayList<>();
    for (String c : cols) {
      weightedCols.add(switch (c) {
        case "total_pct" -> "sum(w.w * (p.total_pct - p.mfn_pct * (1 - w.mf))) AS total_pct";
        case "mfn_pct" -> "sum(w.w * p.mfn_pct * w.mf) AS mfn_pct";
        default -> "sum(w.w * p." + c + ") AS " + c;
      });
    }
    // The keys the splits need (the overall split needs none).
    List<String> keys = new ArrayList<>();
    for (String[] by : splits) {
      switch (by[1]) {
        case "iso2" -> keys.add("w.iso2");
        case "hs2" -> keys.add("left(w.code, 2) AS hs2");
        case "sector" -> keys.add("coalesce(sec.gtap_code, 'unmapped') AS sector");
        default -> {
        }
      }
    }
    keys.add("greatest(p.valid_from, w.map_from) AS valid_from");
    keys.add("least(p.valid_to, w.map_to) AS valid_to");
    // Each weighted flow meets the panel rows of the products its code maps to, on the days both hold;
    // the runs that share their keys and days are added up at once (a tenth as many rows for the splits).
    s.execute("CREATE OR REPLACE TEMP TABLE weighted_runs AS SELECT " + String.join(", ", keys) + ", sum(w.w) AS w, "
        + String.join(", ", weightedCols)
        + " FROM weighted w JOIN panel_rows p ON p.hts10 = w.product AND p.origin_class = w.origin_class"
        + " AND p.usmca = w.usmca AND p.valid_from < w.map_to AND w.map_from < p.valid_to"
        + " LEFT JOIN sectors sec ON sec.hts10 = w.code WHERE w.w > 0 GROUP BY ALL");
    timing("  weighted runs", t);
    String plus = String.join(", ", cols);
    String minus = String.join(", ", cols.stream().map(c -> "-" + c).toList());
    String sums = String.join(", ", cols.stream().map(c -> "sum(" + c + ") AS " + c).toList());
    String rates = String.join(", ", cols.stream()
        .map(c -> "sum(" + c + ") OVER win / nullif(sum(w) OVER win, 0) AS " + c).toList());
    String out = String.join(", ", cols.stream().map(c -> "e." + c).toList());
    for (String[] by : splits) {
      t = System.nanoTime();
      String name = by[0];
      String key = by[1];
      s.execute("CREATE OR REPLACE TEMP TABLE changes AS WITH ev AS ("
          + "SELECT " + key + " AS key, valid_from AS d, w, " + plus + " FROM weighted_runs UNION ALL "
          + "SELECT " + key + ", valid_to, -w, " + minus + " FROM weighted_runs), "
          + "agg AS (SELECT key, d, sum(w) AS w, " + sums + " FROM ev GROUP BY key, d) "
          + "SELECT key, d, sum(w) OVER win / 1e9 AS imports_b, " + rates + " FROM agg "
          + "WINDOW win AS (PARTITION BY key ORDER BY d ROWS UNBOUNDED PRECEDING)");
      // One row per day and key: the last change on or before the day.
      s.execute("CREATE OR REPLACE " + (temporary ? "TEMP " : "") + "TABLE " + prefix + name
          + " AS SELECT k.key, t.day::DATE AS date, e.imports_b, " + out
          + " FROM (SELECT DISTINCT key FROM changes) k CROSS JOIN range(DATE '" + FROM + "', DATE '" + UNTIL
          + "', INTERVAL 1 DAY) t(day) ASOF JOIN changes e ON e.key = k.key AND e.d <= t.day ORDER BY k.key, date");
      s.execute("DROP TABLE changes");
      timing("  by " + name, t);
    }
  }

  /**
   * The overall daily table for another weighting than the panel's, computed once per connection into
   * a temporary table (the panel file is not changed): its name.
   */
  public String overallTable(Weighting weighting) {
    if (weighting.isDefault()) {
      return "etr_daily_overall";
    }
    String name = "alt_" + Integer.toHexString(weighting.hashCode()) + "_overall";
    try (Statement s = connection.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE table_name = '" + name + "'")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return name;
        }
      }
      aggregates(s, weighting, "alt_" + Integer.toHexString(weighting.hashCode()) + "_", true,
          new String[][] {ALL_SPLITS[0]});
      return name;
    } catch (SQLException e) {
      throw new InvalidInputException("Cannot weight the panel that way: " + e.getMessage());
    }
  }

  /** The result of a side task, its failure rethrown as it was thrown (not wrapped in a CompletionException). */
  private static <T> T join(java.util.concurrent.CompletableFuture<T> task) {
    try {
      return task.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static void timing(String what, long start) {
    if (Boolean.getBoolean("tariffscope.timing")) {
      System.err.printf("  %s: %d ms%n", what, (System.nanoTime() - start) / 1_000_000);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * Removes what a build of {@code file} that was stopped or failed left next to it (its row files
   * and its unfinished database); the panel file itself, if any, is not touched.
   */
  public static void deleteLeftovers(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return;
    }
    try (var list = Files.list(dir)) {
      for (Path p : list.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(".panel-rows-") && Files.isDirectory(p)) {
          deleteTree(p);
        } else if (name.equals(file.getFileName() + ".building") || name.equals(file.getFileName() + ".building.wal")) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      // best effort: the next build starts from scratch anyway
    }
  }

  /**
   * Per-thread CSV files of panel rows, read by DuckDB in one parallel scan at the end. The text is
   * kept short, since it is written and parsed 10 million times: days as numbers of days since
   * {@link #FROM}, the claim as 0 or 1, and no total (the ingest adds the rates up, in the same order
   * and float arithmetic as {@link PanelRow#total()}).
   */
  private static final class RowFiles implements AutoCloseable {
    private final ThreadLocal<Output> output;
    private final List<Output> all = new ArrayList<>();
    private final Path dir;
    private static final long FROM_DAY = FROM.toEpochDay();

    private record Output(java.io.OutputStream stream, RowText text) {
    }

    RowFiles(Path dir) {
      this.dir = dir;
      this.output = ThreadLocal.withInitial(this::newOutput);
    }

    private synchronized Output newOutput() {
      try {
        Output o = new Output(Files.newOutputStream(dir.resolve("rows-" + all.size() + ".csv")), new RowText(1 << 20));
        all.add(o);
        return o;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The columns of a row file and how the ingest turns them into {@code panel_rows}. */
    static String ingest(String glob) {
      StringBuilder cols = new StringBuilder("{'hts10': 'VARCHAR', 'origin_class': 'SMALLINT', 'usmca': 'BOOLEAN', "
          + "'from_day': 'INTEGER', 'until_day': 'INTEGER'");
      for (String col : RATE_COLUMNS) {
        cols.append(", '").append(col).append("': 'REAL'");
      }
      cols.append('}');
      return "INSERT INTO panel_rows SELECT hts10, origin_class, usmca, DATE '" + FROM + "' + from_day, DATE '" + FROM
          + "' + until_day, " + String.join(" + ", RATE_COLUMNS) + ", " + String.join(", ", RATE_COLUMNS)
          + " FROM read_csv('" + glob + "', header = false, delim = ',', quote = '', columns = " + cols + ")";
    }

    void write(String hts10, List<PanelRow> rows) {
      Output o = output.get();
      RowText t = o.text();
      for (PanelRow r : rows) {
        t.ascii(r.hts10()).character(',').integer(r.originClass()).character(',').character(r.usmca() ? '1' : '0')
            .character(',').integer((int) (r.from().toEpochDay() - FROM_DAY))
            .character(',').integer((int) (r.until().toEpochDay() - FROM_DAY));
        for (float v : r.rates()) {
          t.character(',').rate(v);
        }
        t.character('\n');
      }
      if (t.size() >= 1 << 20) {
        flush(o);
      }
    }

    private static void flush(Output o) {
      try {
        o.text().writeTo(o.stream());
        o.text().clear();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Flushes and closes every file; each is closed even when another could not be written. */
    @Override
    public synchronized void close() throws IOException {
      IOException first = null;
      for (Output o : all) {
        try (java.io.OutputStream stream = o.stream()) {
          flush(o);
        } catch (IOException | UncheckedIOException e) {
          IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
          if (first == null) {
            first = io;
          } else {
            first.addSuppressed(io);
          }
        }
      }
      if (first != null) {
        throw first;
      }
    }
  }

  /**
   * DuckDB's own words for a failed query. Its JDBC driver puts a generic first line ("Attempting to
   * execute an unsuccessful or closed pending query result") before the real error, which starts
   * with {@code Error: } and may be followed by the offending position.
   */
  public static String message(java.sql.SQLException e) {
    String text = e.getMessage() == null ? "" : e.getMessage();
    int at = text.indexOf("\nError: ");
    String real = at >= 0 ? text.substring(at + "\nError: ".length()) : text;
    real = real.strip();
    return real.isEmpty() ? "the query failed" : real;
  }

  /** Days the panel covers, for validating user dates. */
  public static Optional<String> checkDate(LocalDate d) {
    if (d.isBefore(FROM) || !d.isBefore(UNTIL)) {
      return Optional.of("The panel covers " + FROM + " to " + UNTIL.minusDays(1) + "; " + d + " is outside it");
    }
    return Optional.empty();
  }

  static void requireDate(LocalDate d) {
    checkDate(d).ifPresent(m -> {
      throw new InvalidInputException(m);
    });
  }
}
