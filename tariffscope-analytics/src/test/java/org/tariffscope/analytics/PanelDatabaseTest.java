package org.tariffscope.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffscope.basics.Authority;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.basics.Result;
import org.tariffscope.engine.DutyBreakdown;
import org.tariffscope.engine.DutyRequest;
import org.tariffscope.engine.EntryFacts;
import org.tariffscope.engine.LawView;

/**
 * One full build of the panel (all products, all origins, 2025-2026), then its file, its states and
 * its effective rates. The effective rates are recomputed here without the panel, flow by flow
 * through the engine, so the SQL aggregation and the panel's compression are both checked.
 */
class PanelDatabaseTest {
  @TempDir
  static Path dir;
  private static Path file;
  private static PanelDatabase.BuildReport report;
  private static PanelDatabase db;
  private static EffectiveRates rates;
  private static final ProductMapping MAPPING = ProductMapping.of(Fixture.ENGINE.schedule(),
      Fixture.WEIGHTS.flows().stream().map(Flow::hts10).distinct().toList(), PanelDatabase.FROM, PanelDatabase.UNTIL);

  @BeforeAll
  static void build() {
    file = dir.resolve("cache").resolve("panel.duckdb");
    report = PanelDatabase.build(file, Fixture.ENGINE, Fixture.WEIGHTS, 2, (done, all) -> { });
    db = PanelDatabase.open(file);
    rates = new EffectiveRates(db);
  }

  @AfterAll
  static void close() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void theBuildLeavesOneCompleteFile() throws IOException {
    assertThat(report.stats().products()).isGreaterThan(19_000);
    assertThat(report.stats().rows()).isGreaterThan(1_000_000);
    assertThat(report.fileBytes()).isEqualTo(Files.size(file));
    try (var files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("panel.duckdb");
    }
    assertThat(count("SELECT count(*) FROM panel_rows")).isEqualTo(report.stats().rows());
    assertThat(count("SELECT count(*) FROM flows")).isEqualTo(report.flows());
    assertThat(count("SELECT count(*) FROM measures")).isEqualTo(Fixture.ENGINE.book().measures().size());
    assertThat(count("SELECT count(DISTINCT origin_class) FROM countries")).isEqualTo(report.originClasses());
    // Runs never overlap: each product, class and claim has one rate on any day.
    assertThat(count("SELECT count(*) FROM (SELECT hts10, origin_class, usmca, valid_from, valid_to, "
        + "lag(valid_to) OVER (PARTITION BY hts10, origin_class, usmca ORDER BY valid_from) AS prev FROM panel_rows) "
        + "WHERE prev > valid_from")).isZero();
  }

  @Test
  void statesAreTold(@TempDir Path other) throws IOException, SQLException {
    String fingerprint = PanelDatabase.fingerprint(Fixture.ENGINE);
    assertThat(PanelDatabase.inspect(file, fingerprint)).isEqualTo(PanelDatabase.State.READY);
    assertThat(PanelDatabase.inspect(file, "0000000000000000")).isEqualTo(PanelDatabase.State.STALE);
    assertThat(PanelDatabase.inspect(other.resolve("none.duckdb"), fingerprint)).isEqualTo(PanelDatabase.State.MISSING);
    Path text = Files.writeString(other.resolve("notes.duckdb"), "not a database\n");
    assertThat(PanelDatabase.inspect(text, fingerprint)).isEqualTo(PanelDatabase.State.NOT_A_PANEL);
    Path foreign = other.resolve("foreign.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + foreign); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INTEGER)");
    }
    assertThat(PanelDatabase.inspect(foreign, fingerprint)).isEqualTo(PanelDatabase.State.NOT_A_PANEL);
    // Inspecting changes nothing.
    assertThat(Files.readString(text)).isEqualTo("not a database\n");
  }

  @Test
  void theFingerprintFollowsThePolicyBook() {
    String fingerprint = PanelDatabase.fingerprint(Fixture.ENGINE);
    assertThat(PanelDatabase.fingerprint(Fixture.ENGINE)).isEqualTo(fingerprint);
    var fewer = new org.tariffscope.engine.DutyEngine(Fixture.ENGINE.schedule(),
        Fixture.ENGINE.book().with(Fixture.ENGINE.book().measures().subList(1, Fixture.ENGINE.book().measures().size()),
            Fixture.ENGINE.book().lists()),
        Fixture.COUNTRIES, org.tariffscope.engine.Estimates.NONE);
    assertThat(PanelDatabase.fingerprint(fewer)).isNotEqualTo(fingerprint);
  }

  @Test
  void aBuildThatCannotWriteFailsAndLeavesNothing(@TempDir Path other) throws IOException {
    // A regular file where the directory should be: fails for root too, unlike permissions.
    Path blocker = Files.writeString(other.resolve("blocker"), "");
    Path target = blocker.resolve("panel.duckdb");
    assertThatThrownBy(() -> PanelDatabase.build(target, Fixture.ENGINE, Fixture.WEIGHTS, 1, (d, a) -> { }))
        .isInstanceOf(UncheckedIOException.class);
    try (var files = Files.list(other)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("blocker");
    }
  }

  @Test
  void theDatabaseIsOpenedReadOnly() {
    assertThatThrownBy(() -> {
      try (Statement s = db.connection().createStatement()) {
        s.execute("DELETE FROM panel_rows");
      }
    }).isInstanceOf(SQLException.class).hasMessageContaining("read-only");
  }

  @Test
  void overallRateEqualsTheFlowByFlowSum() {
    // Base rates at column 1 (no preference factor): the engine's total, flow by flow.
    EffectiveRates atColumn1 = new EffectiveRates(db, new Weighting(false, null, null));
    for (LocalDate d : List.of(LocalDate.of(2025, 4, 10), LocalDate.of(2026, 3, 1))) {
      EffectiveRates.Row row = atColumn1.on(d, EffectiveRates.By.OVERALL, Set.of()).get(0);
      double[] direct = direct(d, null);
      assertThat(row.importsB()).as("imports on %s", d).isCloseTo(direct[0] / 1e9, within(0.01));
      assertThat(row.totalPct()).as("ETR on %s", d).isCloseTo(direct[1], within(0.001));
      // The default weighting only lowers the base-rate part (preferences claimed in 2024).
      EffectiveRates.Row preferred = rates.on(d, EffectiveRates.By.OVERALL, Set.of()).get(0);
      int mfn = Authority.MFN.ordinal();
      assertThat(preferred.byAuthority()[mfn]).isLessThan(row.byAuthority()[mfn]).isGreaterThan(0.5 * row.byAuthority()[mfn]);
      assertThat(preferred.totalPct() - preferred.byAuthority()[mfn])
          .isCloseTo(row.totalPct() - row.byAuthority()[mfn], within(1e-6));
    }
  }

  @Test
  void countryRatesEqualTheFlowByFlowSum() {
    LocalDate d = LocalDate.of(2025, 10, 17);
    List<EffectiveRates.Row> rows = rates.on(d, EffectiveRates.By.COUNTRY, Set.of("JP", "CN", "CA", "DE"));
    assertThat(rows).extracting(EffectiveRates.Row::key).containsExactlyInAnyOrder("JP", "CN", "CA", "DE");
    int mfn = Authority.MFN.ordinal();
    for (EffectiveRates.Row row : rows) {
      double[] direct = direct(d, Fixture.COUNTRIES.parse(row.key()));
      // The additional duties (all but the base rate, which the default weighting scales by 2024 preferences).
      assertThat(row.totalPct() - row.byAuthority()[mfn]).as(row.key()).isCloseTo(direct[2], within(0.001));
      assertThat(row.label()).isNotBlank();
    }
    // Japan's deal: about 15% or less on most goods by October 2025, far below China.
    double japan = rows.stream().filter(r -> r.key().equals("JP")).findFirst().orElseThrow().totalPct();
    double china = rows.stream().filter(r -> r.key().equals("CN")).findFirst().orElseThrow().totalPct();
    assertThat(japan).isBetween(10.0, 20.0);
    assertThat(china).isGreaterThan(japan + 15);
  }

  @Test
  void authoritiesAddUpToTheTotal() {
    LocalDate d = LocalDate.of(2025, 7, 17);
    double total = rates.on(d, EffectiveRates.By.OVERALL, Set.of()).get(0).totalPct();
    List<EffectiveRates.Row> parts = rates.on(d, EffectiveRates.By.AUTHORITY, Set.of());
    assertThat(parts).hasSize(Authority.values().length);
    assertThat(parts.stream().mapToDouble(EffectiveRates.Row::totalPct).sum()).isCloseTo(total, within(1e-6));
    // Section 232 and the reciprocal tariff both carried real weight on that day.
    assertThat(parts.stream().filter(p -> p.key().equals(Authority.SECTION_232.key())).findFirst().orElseThrow().totalPct())
        .isGreaterThan(2);
  }

  @Test
  void aSeriesHasOneRowPerDay() {
    List<EffectiveRates.Row> series = rates.series(PanelDatabase.FROM, PanelDatabase.UNTIL.minusDays(1),
        EffectiveRates.By.OVERALL, Set.of());
    assertThat(series).hasSize(730);
    assertThat(series.get(0).date()).isEqualTo(PanelDatabase.FROM);
    // Before any 2025 measure: MFN and Section 301 only, about 2-3%.
    assertThat(series.get(0).totalPct()).isBetween(2.0, 3.5);
    List<EffectiveRates.Row> sectors = rates.series(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30),
        EffectiveRates.By.SECTOR, Set.of());
    assertThat(sectors).hasSizeGreaterThan(30 * 40);
  }

  @Test
  void badQuestionsGetClearAnswers() {
    assertThatThrownBy(() -> rates.on(LocalDate.of(2024, 12, 31), EffectiveRates.By.OVERALL, Set.of()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("2025-01-01 to 2026-12-31");
    assertThatThrownBy(() -> rates.series(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 5, 1), EffectiveRates.By.OVERALL,
        Set.of())).isInstanceOf(InvalidInputException.class).hasMessageContaining("before");
    assertThatThrownBy(() -> EffectiveRates.By.parse("colour")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("country, authority, sector or hs2");
  }

  /**
   * {imports weighted in, ETR %, ETR % less the base rate} on a day, for one origin or all, straight
   * from the flows and the engine: Canada's and Mexico's flows split by their USMCA claim share, each
   * 2024 code priced as the products it maps to that day, with the facts the panel presumes.
   */
  private static double[] direct(LocalDate d, Country only) {
    double value = 0;
    double duty = 0;
    double additional = 0;
    for (Flow f : Fixture.WEIGHTS.flows()) {
      if (only != null && f.countryIndex() != only.index()) {
        continue;
      }
      Country c = Fixture.COUNTRIES.get(f.countryIndex());
      double claimed = f.usmcaShare();
      for (ProductMapping.Share m : MAPPING.of(f.hts10())) {
        if (d.isBefore(m.from()) || !d.isBefore(m.until())) {
          continue;
        }
        for (boolean usmca : new boolean[] {false, true}) {
          double w = f.value() * m.share() * (usmca ? claimed : 1 - claimed);
          if (w <= 0) {
            continue;
          }
          EntryFacts facts = RatePanel.presumedFacts(m.product());
          Result<DutyBreakdown> r = Fixture.ENGINE.compute(new DutyRequest(HtsCode.of(m.product()), c, d,
              usmca ? facts.withUsmcaClaimed(true) : facts, LawView.LAW), false);
          assertThat(r.isSuccess()).as("%s as %s on %s", f.hts10(), m.product(), d).isTrue();
          double total = r.value().totalEquivalent().value().doubleValue();
          double base = r.value().byAuthorityEquivalent().getOrDefault(Authority.MFN, org.tariffscope.basics.Percent.ZERO)
              .value().doubleValue();
          value += w;
          duty += w * total;
          additional += w * (total - base);
        }
      }
    }
    return new double[] {value, duty / value, additional / value};
  }

  private static long count(String sql) {
    try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
