package org.tariffscope.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.Percent;
import org.tariffscope.basics.ValueBase;

class PolicyLoaderTest {
  private static final String INSTRUMENTS = """
      authority: IEEPA_RECIPROCAL
      instruments:
        eo:
          title: "Executive Order 14257"
          citation: "90 FR 15041"
          url: "https://www.federalregister.gov/d/2025-06063"
      """;

  @TempDir
  Path dir;

  private PolicyLoader.Loaded load(String file, String yaml) throws IOException {
    Files.createDirectories(dir.resolve("lists"));
    Files.writeString(dir.resolve("lists/annex_ii.csv"), "# Annex II, EO 14257\nhts,from,until,note\n8471,,,\n0201.10.05,2025-11-13,,ag\n");
    Files.writeString(dir.resolve(file), yaml);
    return new PolicyLoader(Countries.standard()).load(PolicySource.directory(dir));
  }

  private static String messages(PolicyLoader.Loaded l) {
    return String.join("\n", l.errors().stream().map(PolicyProblem::toString).toList());
  }

  @Test
  void readsAMeasureWithEveryField() throws IOException {
    PolicyLoader.Loaded l = load("m.yaml", INSTRUMENTS + """
        measures:
          - heading: 9903.01.25
            title: "Baseline"
            instruments: [eo]
            note: "U.S. note 2(v)"
            from: 2025-04-05
            until: 2026-02-20
            until_reason: "ended"
            published_from: 2025-04-02
            countries: { except: [CA, MX, EU] }
            products: { include: [02011005, "8703.23"], lists: [annex_ii], exclude: [8703.23.01.60] }
            rate: { additional_pct: 10 }
            base: metal_content
            metal: steel
            when: { usmca_claimed: false, mfn_below_pct: 15 }
            yields_to: [SECTION_232, "9903.01.43-9903.01.76", "tag:auto_232", 9903.01.32]
            tags: [Reciprocal]
        """);
    assertThat(l.errors()).as(messages(l)).isEmpty();
    Measure m = l.book().measures().get(0);
    assertThat(m.id()).isEqualTo("9903.01.25@2025-04-05");
    assertThat(m.heading()).isEqualTo(HtsCode.parse("9903.01.25"));
    assertThat(m.effective().start()).isEqualTo(LocalDate.parse("2025-04-05"));
    assertThat(m.published().start()).isEqualTo(LocalDate.parse("2025-04-02"));
    assertThat(m.countries().includes(Countries.standard().parse("DE"))).isFalse();
    assertThat(m.countries().includes(Countries.standard().parse("JP"))).isTrue();
    assertThat(m.products().include()).containsExactly("02011005", "870323");
    assertThat(m.rate()).isEqualTo(new MeasureRate.Additional(Percent.of(10)));
    assertThat(m.base()).isEqualTo(ValueBase.STEEL_CONTENT);
    assertThat(m.when().mfnBelow()).isEqualTo(Percent.of(15));
    assertThat(m.yieldsTo()).hasSize(4);
    assertThat(m.tags()).containsExactly("reciprocal");
    assertThat(m.source()).hasToString("policy/m.yaml:8");
    assertThat(l.book().list("annex_ii").orElseThrow().entries()).hasSize(2);
  }

  @Test
  void readsWholeArticleYields() throws IOException {
    PolicyLoader.Loaded l = load("m.yaml", INSTRUMENTS + """
        measures:
          - { heading: 9903.01.77, title: Brazil, instruments: [eo], from: 2025-08-06, countries: all, products: all,
              rate: { additional_pct: 40 }, yields_to: ["tag:auto_232"], yields_whole_to: ["tag:metals_232"] }
          - { heading: 9903.81.91, title: Steel, instruments: [eo], from: 2025-06-04, countries: all, products: all,
              rate: { additional_pct: 50 }, base: metal_content, metal: steel, tags: [metals_232] }
          - { heading: 9903.94.05, title: Parts, instruments: [eo], from: 2025-05-03, countries: all, products: all,
              rate: { additional_pct: 25 }, tags: [auto_232] }
        """);
    assertThat(l.errors()).as(messages(l)).isEmpty();
    Measure brazil = l.book().measures().get(0);
    Measure steel = l.book().measures().get(1);
    Measure parts = l.book().measures().get(2);
    assertThat(brazil.yieldsTo(steel)).isTrue();
    assertThat(brazil.yieldsWholeTo(steel)).isTrue();
    assertThat(brazil.yieldsTo(parts)).isTrue();
    assertThat(brazil.yieldsWholeTo(parts)).isFalse();
    assertThat(brazil.yieldsTo().toString()).contains("whole tag:metals_232");
  }

  /** A leading zero must not turn a code into an octal number (YAML 1.1 would read 02011005 as 565829). */
  @Test
  void codesWithLeadingZerosStayCodes() throws IOException {
    PolicyLoader.Loaded l = load("m.yaml", INSTRUMENTS + """
        measures:
          - { heading: 9903.01.32, title: T, instruments: [eo], from: 2025-04-05, countries: all,
              products: { include: [02011005, 0201] }, rate: { additional_pct: 0 } }
        """);
    assertThat(l.errors()).as(messages(l)).isEmpty();
    assertThat(l.book().measures().get(0).products().include()).containsExactly("02011005", "0201");
  }

  @Test
  void namesFileLineAndFieldOfEachProblem() throws IOException {
    PolicyLoader.Loaded l = load("bad.yaml", INSTRUMENTS + """
        measures:
          - heading: 9903.01.25
            title: "Baseline"
            instruments: [eo, nope]
            from: 2025-13-05
            countries: { only: [Atlantis] }
            products: { lists: [no_such_list] }
            rate: { additional_pct: -3 }
            colour: blue
          - heading: 9903.01.26
            title: "Out of order"
            instruments: [eo]
            from: 2025-04-05
            until: 2025-04-01
            until_reason: x
            countries: all
            products: all
            rate: { floor_pct: 15 }
          - heading: 1234.56.78
            title: "Not chapter 99"
            from: 2025-04-05
            countries: all
            products: all
            rate: { specific: "ten" }
        """);
    String all = messages(l);
    assertThat(all)
        .contains("policy/bad.yaml:10: 9903.01.25 instruments: unknown instrument 'nope'")
        .contains("policy/bad.yaml:11: 9903.01.25 from: bad date '2025-13-05'")
        .contains("policy/bad.yaml:12: 9903.01.25 countries: Unknown country 'Atlantis'")
        .contains("policy/bad.yaml:13: 9903.01.25 lists: unknown product list 'no_such_list'")
        .contains("policy/bad.yaml:14: 9903.01.25 additional_pct: rate out of range")
        .contains("policy/bad.yaml:15: 9903.01.25 colour: unknown field")
        .contains("policy/bad.yaml:20: 9903.01.26 until: dates out of order")
        .contains("1234.56.78 heading: must be a Chapter 99 heading")
        .contains("1234.56.78 instruments: missing")
        .contains("1234.56.78 specific: not a specific rate");
    assertThat(l.book().measures()).isEmpty();
  }

  @Test
  void rejectsYamlSyntaxErrorsWithTheirLine() throws IOException {
    PolicyLoader.Loaded l = load("broken.yaml", INSTRUMENTS + "measures:\n  - heading: [unclosed\n");
    assertThat(messages(l)).contains("policy/broken.yaml:").contains("YAML syntax");
  }

  @Test
  void rejectsOverlappingContradictoryMeasures() throws IOException {
    PolicyLoader.Loaded l = load("c.yaml", INSTRUMENTS + """
        measures:
          - { heading: 9903.01.53, title: A, instruments: [eo], from: 2025-04-09, until: 2025-04-11, until_reason: x,
              countries: { only: [JP] }, products: all, rate: { additional_pct: 24 } }
          - { heading: 9903.01.53, title: B, instruments: [eo], from: 2025-04-10, countries: { only: [JP, BN] },
              products: all, rate: { additional_pct: 25 } }
          - { heading: 9903.01.53, title: C, instruments: [eo], from: 2025-04-10, countries: { only: [MY] },
              products: all, rate: { additional_pct: 30 } }
        """);
    assertThat(l.errors()).hasSize(1);
    assertThat(messages(l)).contains("c.yaml:10: 9903.01.53 from 2025-04-10: contradicts policy/c.yaml:8");
  }

  @Test
  void rejectsStackingCycles() throws IOException {
    PolicyLoader.Loaded l = load("y.yaml", INSTRUMENTS + """
        measures:
          - { heading: 9903.01.01, title: A, instruments: [eo], from: 2025-03-04, countries: all, products: all,
              rate: { additional_pct: 25 }, yields_to: ["tag:b"], tags: [a] }
          - { heading: 9903.01.02, title: B, instruments: [eo], from: 2025-03-04, countries: all, products: all,
              rate: { additional_pct: 25 }, yields_to: ["tag:a"], tags: [b] }
          - { heading: 9903.01.03, title: C, instruments: [eo], from: 2025-01-01, until: 2025-02-01, until_reason: x,
              countries: all, products: all, rate: { additional_pct: 5 }, yields_to: [9903.01.01] }
        """);
    assertThat(messages(l)).contains("stacking cycle: 9903.01.01@2025-03-04 -> 9903.01.02@2025-03-04 -> 9903.01.01@2025-03-04");
    assertThat(l.errors()).hasSize(1);
  }

  @Test
  void warnsAboutReferencesToUnmodelledHeadingsAndListsWithoutSource() throws IOException {
    Files.createDirectories(dir.resolve("lists"));
    Files.writeString(dir.resolve("lists/bare.csv"), "hts\n8703\n");
    PolicyLoader.Loaded l = load("w.yaml", INSTRUMENTS + """
        measures:
          - { heading: 9903.01.25, title: A, instruments: [eo], from: 2025-04-05, countries: all, products: all,
              rate: { additional_pct: 10 }, yields_to: [9903.99.99] }
        """);
    assertThat(l.errors()).isEmpty();
    assertThat(l.warnings()).extracting(PolicyProblem::message)
        .anyMatch(m -> m.contains("no measure has heading 9903.99.99"))
        .anyMatch(m -> m.contains("no leading # comment"));
  }

  @Test
  void claimsMustBeDefined() throws IOException {
    Files.writeString(dir.resolve("claims.yaml"), "claims:\n  civil_aircraft:\n    title: Civil aircraft\n");
    PolicyLoader.Loaded l = load("k.yaml", INSTRUMENTS + """
        measures:
          - { heading: 9903.96.01, title: A, instruments: [eo], from: 2025-06-30, countries: all, products: all,
              rate: { additional_pct: 0 }, when: { claims: [civil_aircraft] } }
          - { heading: 9903.96.02, title: B, instruments: [eo], from: 2025-06-30, countries: all, products: all,
              rate: { additional_pct: 0 }, when: { claims: [spaceship] } }
        """);
    assertThat(messages(l)).contains("unknown claim 'spaceship'");
    assertThat(l.book().claims()).containsKey("civil_aircraft");
  }

  @Test
  void printedOnlyMeasuresApplyOnlyAsPublished() throws IOException {
    PolicyLoader.Loaded l = load("p.yaml", INSTRUMENTS + """
        measures:
          - { heading: 9903.02.30, title: A, instruments: [eo], printed_only: true, from: 2025-08-07, until: 2025-09-12,
              until_reason: "superseded retroactively", countries: { only: [JP] }, products: all,
              rate: { additional_pct: 15 } }
        """);
    assertThat(l.errors()).as(messages(l)).isEmpty();
    Measure m = l.book().measures().get(0);
    assertThat(m.inForce(LocalDate.parse("2025-08-20"), false)).isFalse();
    assertThat(m.inForce(LocalDate.parse("2025-08-20"), true)).isTrue();
  }

  @Test
  void theShippedBookLoadsWithoutErrors() {
    PolicyLoader.Loaded l = PolicyLoader.loadEmbedded();
    assertThat(l.errors()).as(messages(l)).isEmpty();
    assertThat(l.book().measures()).hasSizeGreaterThan(200);
    assertThat(l.book().measures()).allSatisfy(m -> {
      assertThat(m.primaryInstrument().citation()).isNotBlank();
      assertThat(m.primaryInstrument().url()).startsWith("http");
    });
    List<String> files = l.book().files();
    assertThat(files).anyMatch(f -> f.contains("section-232")).anyMatch(f -> f.contains("ieepa-reciprocal"));
  }
}
