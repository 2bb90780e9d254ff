package org.tariffscope.engine;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tariffscope.basics.Authority;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.Money;
import org.tariffscope.basics.Percent;
import org.tariffscope.basics.SpecificDuty;
import org.tariffscope.schedule.HtsLine;
import org.tariffscope.schedule.RevisionInfo;

/**
 * The duty on one entry and its explanation, in one value: the base rate, each measure applied
 * with its heading, rate and citation, each measure considered and not applied with the reason,
 * and the totals. Lines add up to the total. Immutable.
 *
 * @param line the schedule line priced
 * @param origin country of origin
 * @param date entry date
 * @param revision the schedule revision in force that day
 * @param view legal dates or printed dates
 * @param facts the declared facts used
 * @param mfn the base rate
 * @param mfnEquivalent the base rate as one ad valorem figure: its ad valorem part plus the equivalent
 *     of its specific parts (from the entry's value and quantity, or an estimate), as floors use it
 * @param applied measures that apply, in the order the engine decided them
 * @param notApplied measures considered and not applied (empty when explanations were not asked for)
 * @param totalAdValorem base ad valorem rate plus every applied measure's effective rate
 * @param specifics every specific duty (base rate and additional)
 * @param duty total duty in dollars, when a value was given (specific parts only with a quantity)
 * @param warnings what the reader should know (estimates, data limits)
 */
public record DutyBreakdown(HtsLine line, Country origin, LocalDate date, RevisionInfo revision, LawView view,
    EntryFacts facts, MfnLine mfn, Percent mfnEquivalent, List<AppliedMeasure> applied, List<NotAppliedMeasure> notApplied,
    Percent totalAdValorem, List<SpecificDuty> specifics, Money duty, List<String> warnings) {

  public DutyBreakdown {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(mfn, "mfn");
    Objects.requireNonNull(mfnEquivalent, "mfnEquivalent");
    applied = List.copyOf(applied);
    notApplied = List.copyOf(notApplied);
    specifics = List.copyOf(specifics);
    warnings = List.copyOf(warnings);
  }

  /** The total ad valorem rate split by authority (the base rate under {@link Authority#MFN}). */
  public Map<Authority, Percent> byAuthority() {
    Map<Authority, Percent> out = new EnumMap<>(Authority.class);
    out.put(Authority.MFN, mfn.adValorem());
    for (AppliedMeasure a : applied) {
      out.merge(a.measure().authority(), a.effective(), Percent::plus);
    }
    return out;
  }

  /**
   * The total as one ad valorem figure, specific base rates included at their equivalent: what the
   * rate panel and effective tariff rates use.
   */
  public Percent totalEquivalent() {
    return mfnEquivalent.plus(additionalAdValorem());
  }

  /** Like {@link #byAuthority()}, with the base rate at its ad valorem equivalent. */
  public Map<Authority, Percent> byAuthorityEquivalent() {
    Map<Authority, Percent> out = byAuthority();
    out.put(Authority.MFN, mfnEquivalent);
    return out;
  }

  /** Additional duties only: the total less the base rate. */
  public Percent additionalAdValorem() {
    Percent p = Percent.ZERO;
    for (AppliedMeasure a : applied) {
      p = p.plus(a.effective());
    }
    return p;
  }
}
