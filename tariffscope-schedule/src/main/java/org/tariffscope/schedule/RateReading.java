package org.tariffscope.schedule;

import java.util.List;
import java.util.Objects;
import org.tariffscope.basics.DutyRate;
import org.tariffscope.basics.ValueBase;

/**
 * What a rate text of the schedule says, as far as it can be computed. Every distinct text of the
 * shipped revisions reads as one of the kinds below; {@link Kind#UNCLASSIFIED} exists only so that a
 * text in a newly imported revision is reported rather than misread. Immutable.
 *
 * @param kind what sort of text it is
 * @param text the text as printed (HTML tags removed, white space collapsed)
 * @param rate the part that applies to the whole article: the rate for {@link Kind#RATE}, the
 *     additional duty for {@link Kind#ADDITIONAL}, the total for {@link Kind#ALL_IN}, the computable
 *     part for {@link Kind#PARTIAL}; {@link DutyRate#FREE} otherwise
 * @param base for {@link Kind#ADDITIONAL}: the part of the value the additional duty is charged on
 * @param programs for {@link Kind#PROGRAMS}: the rates by special tariff program
 * @param note why a text is partial, another base, or a reference; empty otherwise
 */
public record RateReading(Kind kind, String text, DutyRate rate, ValueBase base,
    List<ProgramRate> programs, String note) {

  /** The sorts of rate text. */
  public enum Kind {
    /** No rate printed: the line inherits one, or is a heading. */
    BLANK,
    /** {@code Free}, ad valorem, specific or compound, on the whole article. */
    RATE,
    /** A rate whose other parts apply to components or vary with a property (watch cases, sugar polarity). */
    PARTIAL,
    /** A rate charged on another value than the customs value (cost of repairs, fair retail value). */
    OTHER_BASE,
    /** The special column: rates by special program ({@code Free (A+,AU,...)}). */
    PROGRAMS,
    /** Chapter 99: "The duty provided in the applicable subheading + X" (X may be zero). */
    ADDITIONAL,
    /** Chapter 99: a bare rate that replaces the total of the column-1 rate and the additional duty. */
    ALL_IN,
    /** Another provision decides the rate ("The rate applicable to ...", "See ..."). */
    REFERENCE,
    /** Not understood. Never produced for the shipped revisions (a test holds this). */
    UNCLASSIFIED
  }

  /** One group of the special column: a rate and the program codes it applies to. */
  public record ProgramRate(RateReading rate, List<String> programs) {
    public ProgramRate {
      Objects.requireNonNull(rate, "rate");
      programs = List.copyOf(programs);
    }
  }

  public RateReading {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    rate = rate == null ? DutyRate.FREE : rate;
    base = base == null ? ValueBase.FULL : base;
    programs = programs == null ? List.of() : List.copyOf(programs);
    note = note == null ? "" : note;
  }

  /** Whether the rate for the whole article is fully known from this text alone. */
  public boolean isComputable() {
    return kind == Kind.RATE || kind == Kind.ADDITIONAL || kind == Kind.ALL_IN;
  }

  /** The rate of the first program group naming {@code program}, if any ({@code S+} for USMCA). */
  public java.util.Optional<RateReading> forProgram(String program) {
    for (ProgramRate p : programs) {
      if (p.programs().contains(program)) {
        return java.util.Optional.of(p.rate());
      }
    }
    return java.util.Optional.empty();
  }

  @Override
  public String toString() {
    return kind + "[" + text + "]";
  }
}
