package org.tariffscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.Money;
import org.tariffscope.basics.Percent;
import org.tariffscope.basics.Result;
import org.tariffscope.basics.ValueBase;
import org.tariffscope.policy.YamlDoc;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The golden suite: legal cases in {@code src/test/resources/golden/*.yaml}, each with its expected
 * breakdown and the source of that expectation (heading text, U.S. note, instrument). Every case
 * runs through the engine; every breakdown is also checked for the invariants.
 */
class GoldenCasesTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  /** One golden case as written. */
  record Case(String file, int line, String id, String hts, String origin, LocalDate date, Map<String, String> facts,
      String view, BigDecimal mfnPct, Map<String, BigDecimal> additional, List<String> notApplied, BigDecimal totalPct,
      BigDecimal dutyUsd, String source) {
  }

  static List<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(GOLDEN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(f); Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
          Node root = YamlDoc.parse(r);
          for (Node item : YamlDoc.sequence(root)) {
            out.add(parse(f.getFileName().toString(), item));
          }
        } catch (YamlDoc.SyntaxError e) {
          throw new IllegalStateException(f + ":" + e.line() + ": " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  private static Case parse(String file, Node node) {
    Map<String, Node> m = YamlDoc.mapping(node);
    Map<String, Node> expect = YamlDoc.mapping(m.get("expect"));
    Map<String, String> facts = new LinkedHashMap<>();
    if (m.containsKey("facts")) {
      YamlDoc.mapping(m.get("facts")).forEach((k, v) -> facts.put(k, YamlDoc.scalar(v)));
    }
    Map<String, BigDecimal> additional = new TreeMap<>();
    if (expect.containsKey("additional")) {
      Map<String, Node> add = YamlDoc.mapping(expect.get("additional"));
      if (add != null) {
        add.forEach((k, v) -> additional.put(HtsCode.parse(k).toString(), new BigDecimal(YamlDoc.scalar(v))));
      }
    }
    List<String> notApplied = expect.containsKey("not_applied")
        ? YamlDoc.scalars(expect.get("not_applied")).stream().map(h -> HtsCode.parse(h).toString()).toList()
        : List.of();
    return new Case(file, YamlDoc.line(node), YamlDoc.scalar(m.get("id")), YamlDoc.scalar(m.get("hts")),
        YamlDoc.scalar(m.get("origin")), LocalDate.parse(YamlDoc.scalar(m.get("date"))), facts,
        m.containsKey("view") ? YamlDoc.scalar(m.get("view")) : "law",
        expect.containsKey("mfn_pct") ? new BigDecimal(YamlDoc.scalar(expect.get("mfn_pct"))) : null,
        additional, notApplied, new BigDecimal(YamlDoc.scalar(expect.get("total_pct"))),
        expect.containsKey("duty_usd") ? new BigDecimal(YamlDoc.scalar(expect.get("duty_usd"))) : null,
        m.containsKey("source") ? YamlDoc.scalar(m.get("source")) : "");
  }

  static DutyRequest request(Case c) {
    EntryFacts facts = EntryFacts.NONE;
    for (Map.Entry<String, String> f : c.facts().entrySet()) {
      String v = f.getValue();
      switch (f.getKey()) {
        case "value" -> facts = facts.withValue(Money.usd(v));
        case "quantity" -> facts = facts.withQuantity(new BigDecimal(v));
        case "usmca" -> facts = facts.withUsmcaClaimed(Boolean.parseBoolean(v));
        case "preference" -> facts = facts.withPreference(v);
        case "metal_content_pct" -> facts = facts.withMetalContent(new BigDecimal(v).movePointLeft(2));
        case "steel_content_pct" -> facts = facts.withContent(ValueBase.STEEL_CONTENT, new BigDecimal(v).movePointLeft(2));
        case "aluminum_content_pct" -> facts = facts.withContent(ValueBase.ALUMINUM_CONTENT, new BigDecimal(v).movePointLeft(2));
        case "copper_content_pct" -> facts = facts.withContent(ValueBase.COPPER_CONTENT, new BigDecimal(v).movePointLeft(2));
        case "us_content_pct" -> facts = facts.withContent(ValueBase.US_CONTENT, new BigDecimal(v).movePointLeft(2));
        case "claims" -> {
          for (String claim : v.split("[;,]")) {
            facts = facts.withClaim(claim.strip());
          }
        }
        default -> throw new IllegalArgumentException(c.file() + ":" + c.line() + ": unknown fact " + f.getKey());
      }
    }
    return new DutyRequest(HtsCode.parse(c.hts()), Countries.standard().parse(c.origin()), c.date(), facts,
        c.view().toLowerCase(Locale.ROOT).contains("publish") ? LawView.AS_PUBLISHED : LawView.LAW);
  }

  @TestFactory
  Stream<DynamicTest> everyGoldenCaseHolds() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.file() + ":" + c.line() + " " + c.id(), () -> check(c)));
  }

  static void check(Case c) {
    Result<DutyBreakdown> r = EngineFixture.engine().compute(request(c));
    assertThat(r.isSuccess()).as("%s computes: %s", c.id(), r).isTrue();
    DutyBreakdown b = r.value();
    Invariants.check(b);
    String got = describe(b);
    String why = c.id() + " (" + c.file() + ":" + c.line() + ")\n  got: " + got + "\n  source: " + c.source();
    if (c.mfnPct() != null) {
      assertThat(b.mfn().adValorem()).as("MFN of " + why).isEqualTo(Percent.of(c.mfnPct()));
    }
    Map<String, BigDecimal> applied = new TreeMap<>();
    for (AppliedMeasure a : b.applied()) {
      applied.merge(a.measure().heading().toString(), a.rate().value(), BigDecimal::add);
    }
    assertThat(applied.keySet()).as("applied headings of " + why).isEqualTo(c.additional().keySet());
    c.additional().forEach((h, pct) ->
        assertThat(applied.get(h)).as("rate of " + h + " in " + why).isEqualByComparingTo(pct));
    List<String> notApplied = b.notApplied().stream().map(n -> n.measure().heading().toString()).toList();
    assertThat(notApplied).as("considered but not applied in " + why).containsAll(c.notApplied());
    assertThat(b.totalAdValorem().value()).as("total of " + why).isEqualByComparingTo(c.totalPct());
    if (c.dutyUsd() != null) {
      assertThat(b.duty()).as("duty of " + why).isNotNull();
      assertThat(b.duty().amount()).as("duty of " + why).isEqualByComparingTo(c.dutyUsd());
    }
  }

  static String describe(DutyBreakdown b) {
    return "mfn " + b.mfn().adValorem() + " + " + b.applied().stream()
        .map(a -> a.measure().heading() + " " + a.rate() + (a.share().compareTo(BigDecimal.ONE) < 0 ? " x " + a.share() : ""))
        .collect(Collectors.joining(", ")) + " = " + b.totalAdValorem() + "; not applied: "
        + b.notApplied().stream().map(n -> n.measure().heading() + " (" + n.reason() + ")").collect(Collectors.joining(", "));
  }

  @Test
  void theSuiteIsLargeAndCoversManyOrigins() throws IOException {
    List<Case> all = cases();
    assertThat(all).hasSizeGreaterThanOrEqualTo(40);
    assertThat(all).extracting(Case::id).doesNotHaveDuplicates();
    assertThat(all).allSatisfy(c -> assertThat(c.source()).as(c.id()).isNotBlank());
  }
}
