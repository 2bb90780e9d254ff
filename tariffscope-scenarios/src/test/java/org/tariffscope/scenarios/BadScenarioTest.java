package org.tariffscope.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.policy.PolicyLoader;
import org.tariffscope.policy.PolicyProblem;

/** Bad scenario files: one test per kind of error, each message naming the file, the line and the field. */
class BadScenarioTest {
  private static ScenarioLoader loader;

  @TempDir
  Path dir;

  @BeforeAll
  static void load() {
    loader = new ScenarioLoader(PolicyLoader.loadEmbedded().orThrow(), Countries.standard());
  }

  private static final String HEAD = """
      name: s
      title: "test"
      partner: JP
      evaluate: { date: 2025-10-01 }
      """;

  private List<PolicyProblem> errors(String name, String yaml) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, yaml);
    ScenarioLoader.Loaded l = loader.load(file);
    assertThat(l.scenario()).isNull();
    assertThat(l.errors()).isNotEmpty();
    for (PolicyProblem p : l.errors()) {
      assertThat(p.location().file()).endsWith(".yaml");
    }
    return l.errors();
  }

  private static String first(List<PolicyProblem> errors) {
    return errors.get(0).toString();
  }

  @Test
  void unknownFieldNamesItsLine() throws IOException {
    List<PolicyProblem> e = errors("s", HEAD + "tarrifs: 12\n");
    assertThat(first(e)).endsWith("s.yaml:5: tarrifs: unknown field (known: base, commitments, description, edits, "
        + "evaluate, exchange_rate, instruments, model, name, partner, title)");
  }

  @Test
  void unknownHeading() throws IOException {
    List<PolicyProblem> e = errors("s", HEAD + "edits:\n  - end: 9903.99.99\n    on: 2025-07-09\n");
    assertThat(first(e)).contains("s.yaml:6: end end: no measure has heading 9903.99.99 (unknown heading, tag or authority)");
  }

  @Test
  void notAChapter99Heading() throws IOException {
    List<PolicyProblem> e = errors("s", HEAD + "edits:\n  - end: 8703.23.01\n    on: 2025-07-09\n");
    assertThat(first(e)).contains("s.yaml:6:").contains("names a Chapter 99 heading");
  }

  @Test
  void unknownCountry() throws IOException {
    List<PolicyProblem> e = errors("s", HEAD.replace("partner: JP", "partner: Japn") + "edits: []\n");
    assertThat(first(e)).contains("s.yaml:3: partner: Unknown country 'Japn': did you mean");
  }

  @Test
  void unknownOriginInAnEdit() throws IOException {
    List<PolicyProblem> e = errors("s", HEAD + "edits:\n  - end: 9903.78.01\n    on: 2025-08-01\n    origins: [Atlantis]\n");
    assertThat(first(e)).contains("s.yaml:8: end origins: Unknown country 'Atlantis'");
  }

  @Test
  void rateOutOfRange() throws IOException {
    List<PolicyProblem> e = errors("s", HEAD + """
        edits:
          - change: 9903.94.01
            from: 2025-08-01
            origins: [JP]
            set: { rate: { additional_pct: 2500 } }
        """);
    assertThat(first(e)).contains("s.yaml:9: 9903.94.01 additional_pct: rate out of range (0 to 1000%): 2500");
  }

  @Test
  void modelSettingOutOfRange() throws IOException {
    List<PolicyProblem> e = errors("s", HEAD + "model:\n  tariff_pass_through: 1.5\n");
    assertThat(first(e)).contains("s.yaml:6: model tariff_pass_through: out of range: 1.5 (must be from 0 to 1)");
  }

  @Test
  void contradictoryEditsEndThenChangeTheSameMeasure() throws IOException {
    List<PolicyProblem> e = errors("s", HEAD + """
        edits:
          - end: 9903.94.40
            on: 2025-07-09
          - change: 9903.94.40
            from: 2025-10-01
            set: { rate: { additional_pct: 5 } }
        """);
    assertThat(first(e)).contains("s.yaml:8: change change: no measure of heading 9903.94.40 is in force on or after "
        + "2025-10-01 (the edit at line 6 already ended or changed it: the edits contradict each other)");
  }

  @Test
  void contradictoryAddedMeasuresOfOneHeading() throws IOException {
    String measure = """
          - add:
              heading: 9903.01.53
              title: "Japan %s%%"
              authority: IEEPA_RECIPROCAL
              instruments: [hyp]
              from: 2025-07-09
              countries: { only: [JP] }
              products: all
              rate: { additional_pct: %s }
        """;
    List<PolicyProblem> e = errors("s", HEAD + """
        instruments:
          hyp: { title: "Hypothesis", citation: "scenario", url: "https://example.org/scenario" }
        edits:
        """ + measure.formatted(24, 24) + measure.formatted(30, 30));
    assertThat(e).anySatisfy(p -> assertThat(p.toString()).contains("s.yaml:").contains("9903.01.53 from 2025-07-09")
        .contains("contradicts").contains("same heading, overlapping dates, origins and products, different duty"));
  }

  @Test
  void contradictoryOriginsAndCountries() throws IOException {
    List<PolicyProblem> e = errors("s", HEAD + """
        edits:
          - change: 9903.94.01
            from: 2025-08-01
            origins: [JP]
            set: { countries: { only: [KR] } }
        """);
    assertThat(first(e)).contains("s.yaml:8: change origins: contradicts set.countries");
  }

  @Test
  void barrierCutLargerThanTheBarrier() throws IOException {
    List<PolicyProblem> e = errors("s", HEAD + """
        commitments:
          barrier_cuts:
            - { kind: non_tariff, chapters: ["87"], ave_before_pct: 5, ave_cut_pct: 10, us_exports_2024_usd: 1e9, source: "x" }
        """);
    assertThat(first(e)).contains("s.yaml:7: barrier_cut ave_before_pct: contradicts ave_cut_pct");
  }

  @Test
  void unknownHsChapter() throws IOException {
    List<PolicyProblem> e = errors("s", HEAD + """
        commitments:
          purchases:
            - { chapters: ["100"], usd_per_year: 1e9 }
        """);
    assertThat(first(e)).contains("s.yaml:7: purchase chapters: not an HS chapter (01 to 97): '100'");
  }

  @Test
  void yamlSyntax() throws IOException {
    List<PolicyProblem> e = errors("s", HEAD + "edits: [\n");
    assertThat(first(e)).contains("s.yaml:").contains("YAML syntax");
  }

  @Test
  void evaluationDateOutOfRange() throws IOException {
    List<PolicyProblem> e = errors("s", HEAD.replace("2025-10-01", "2024-06-01"));
    assertThat(first(e)).contains("s.yaml:4: evaluate date: out of range");
  }

  @Test
  void missingEvaluation() throws IOException {
    List<PolicyProblem> e = errors("s", "name: s\ntitle: t\n");
    assertThat(first(e)).contains("s.yaml:1: evaluate: missing");
  }

  @Test
  void nameMustMatchTheFile() throws IOException {
    List<PolicyProblem> e = errors("other", HEAD);
    assertThat(first(e)).contains("other.yaml:1: name: 's' must match the file name (other.yaml)");
  }

  @Test
  void unknownBase() throws IOException {
    List<PolicyProblem> e = errors("s", HEAD + "base: japan-dael\n");
    assertThat(first(e)).contains("s.yaml:5: base: unknown base scenario 'japan-dael'");
  }

  @Test
  void basesInACircle() throws IOException {
    Files.writeString(dir.resolve("b.yaml"), "name: b\nbase: s\nevaluate: { date: 2025-10-01 }\n");
    List<PolicyProblem> e = errors("s", HEAD + "base: b\n");
    assertThat(first(e)).contains("base scenario 'b' has 1 error(s)").contains("scenarios build on each other in a circle");
  }

  @Test
  void commitmentsNeedAPartner() throws IOException {
    List<PolicyProblem> e = errors("s", HEAD.replace("partner: JP\n", "") + """
        commitments:
          purchases:
            - { chapters: ["10"], usd_per_year: 1e9 }
        """);
    assertThat(first(e)).contains("s.yaml:4: partner: commitments and exchange-rate changes need a partner");
  }

  @Test
  void partnerWithoutExportFigure() throws IOException {
    List<PolicyProblem> e = errors("s", HEAD.replace("partner: JP", "partner: KR"));
    assertThat(first(e)).contains("s.yaml:3: partner: no 2024 US export figure for South Korea");
  }

  @Test
  void theExceptionCarriesTheFirstErrorOnOneLine() throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, HEAD + "tarrifs: 12\nfoo: 1\n");
    assertThatThrownBy(() -> loader.load(file).orThrow()).isInstanceOf(ScenarioException.class)
        .hasMessageContaining("s.yaml:5: tarrifs: unknown field").hasMessageEndingWith("(and 1 more error(s))")
        .satisfies(x -> assertThat(x.getMessage()).doesNotContain("\n"));
  }

  @Test
  void neitherAFileNorAShippedScenario() {
    assertThatThrownBy(() -> loader.load("japan-dael")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("No scenario file or shipped scenario 'japan-dael' (shipped: ");
  }

  @Test
  void elasticityFileWithABadLine() throws IOException {
    Path f = dir.resolve("e.csv");
    Files.writeString(f, "HS6,zero,positive,sigma\n010110,1,0,\n0102,0,0,-3\n010290,0,0,abc\n");
    Elasticities.Loaded l = Elasticities.read(f);
    assertThat(l.problems()).extracting(Object::toString).containsExactly(
        f + ":3: HS6: not a 6-digit HS code: '0102'", f + ":4: sigma: not a number: 'abc'");
    assertThatThrownBy(l::orThrow).isInstanceOf(ScenarioException.class);
  }

  @Test
  void elasticityFileMissingMostProducts() throws IOException {
    Path f = dir.resolve("e.csv");
    Files.writeString(f, "HS6,zero,positive,sigma\n010290,0,0,-3\n");
    Elasticities e = Elasticities.read(f).orThrow();
    FlowTable flows = FlowTable.of(List.of(new org.tariffscope.analytics.Flow("8703230160", 1, 100, 0, 0, "hs10")));
    assertThat(e.coverageProblems(flows)).singleElement().satisfies(p -> {
      assertThat(p.isError()).isTrue();
      assertThat(p.toString()).isEqualTo(f + ": HS6: no product of chapter(s) 87: $0.0B of 2024 imports take the median "
          + "elasticity (too many: add rows for them)");
    });
  }
}
