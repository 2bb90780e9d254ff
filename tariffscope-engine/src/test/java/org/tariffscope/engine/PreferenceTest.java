package org.tariffscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.FailureReason;
import org.tariffscope.basics.Result;
import org.tariffscope.engine.report.DutyInput;
import org.tariffscope.schedule.SpecialPrograms;

/**
 * A free-trade agreement claimed for the base rate, from the input a person or a file gives to the
 * rate the engine uses: which claims are refused at the edge, which are ignored with a note, and which
 * replace column 1-General. The totals themselves are golden cases ({@code golden/preferences.yaml}).
 */
class PreferenceTest {
  private static Result<DutyRequest> request(String origin, String preference, String usmca) {
    return new DutyInput("6109.10.00.12", origin, "2025-10-17", "10000", null, usmca, null, null, null, false)
        .withPreference(preference).toRequest(Countries.standard());
  }

  private static DutyBreakdown price(String origin, String preference) {
    DutyBreakdown b = EngineFixture.engine().compute(request(origin, preference, null).value()).value();
    Invariants.check(b);
    return b;
  }

  @Test
  void theAgreementsAreThoseOfGeneralNote3ci() {
    assertThat(SpecialPrograms.embedded().all()).extracting(SpecialPrograms.Program::symbol)
        .containsExactly("AU", "BH", "CL", "CO", "IL", "JO", "JP", "KR", "MA", "OM", "P", "P+", "PA", "PE", "SG");
    assertThat(SpecialPrograms.embedded().of("P").orElseThrow().partners())
        .containsExactlyInAnyOrder("CR", "DO", "SV", "GT", "HN", "NI");
    assertThat(SpecialPrograms.embedded().all()).allSatisfy(p -> assertThat(p.authority()).startsWith("General note 3(c)(i)"));
  }

  @Test
  void aClaimedAgreementReplacesColumnOneGeneral() {
    DutyBreakdown b = price("HN", "p");
    assertThat(b.mfn().column()).isEqualTo("special:P");
    assertThat(b.mfn().adValorem().value()).isZero();
    assertThat(b.facts().preference()).isEqualTo("P");
    assertThat(b.warnings()).isEmpty();
  }

  @Test
  void aClaimTheOriginCannotMakeIsIgnoredWithANote() {
    DutyBreakdown b = price("VN", "KR");
    assertThat(b.mfn().column()).isEqualTo("general");
    assertThat(b.warnings()).singleElement().asString().contains("claimed for goods of Vietnam: ignored");
  }

  @Test
  void aClaimTheLineDoesNotPrintIsIgnoredWithANote() {
    DutyBreakdown b = price("JP", "JP");
    assertThat(b.mfn().column()).isEqualTo("general");
    assertThat(b.warnings()).singleElement().asString().contains("No JP preference").contains("column 1 general applies");
  }

  @Test
  void aSymbolIsReadWhateverItsCase() {
    assertThat(EntryFacts.NONE.withPreference(" kr ").preference()).isEqualTo("KR");
    assertThat(EntryFacts.NONE.withPreference(" ").preference()).isNull();
  }

  @Test
  void theAgreementsPlusSymbolCountsOnlyWhenItPrintsARate() {
    // 1701.99.50 (cane sugar) prints "Free (BH,CL,JO,KR,OM,SG) See 9822.05.20 (P+)": CAFTA-DR sugar goes through a
    // chapter 98 quota heading, so a claim of P finds no rate here and column 1-General applies, with a note.
    DutyRequest sugar = new DutyInput("1701.99.50.17", "GT", "2025-10-17", "10000", "1000", null, null, null, null,
        false).withPreference("P").toRequest(Countries.standard()).value();
    DutyBreakdown b = EngineFixture.engine().compute(sugar).value();
    assertThat(b.mfn().column()).isEqualTo("general");
    assertThat(b.warnings()).anySatisfy(w -> assertThat(w).contains("No P preference"));
  }

  @Test
  void unknownUnmodelledOrDoubleClaimsAreBadInput() {
    assertThat(request("HN", "ZZ", null).failure().reason()).isEqualTo(FailureReason.INVALID_INPUT);
    assertThat(request("HN", "ZZ", null).failure().message()).contains("Unknown special program 'ZZ'").contains("KR");
    assertThat(request("HN", "D", null).failure().message()).contains("not modelled");
    assertThat(request("CA", "S", null).failure().message()).contains("--usmca");
    assertThat(request("CA", "AU", "true").failure().message()).contains("one preference");
    assertThat(request("HN", " ", null).value().facts().preference()).isNull();
  }
}
