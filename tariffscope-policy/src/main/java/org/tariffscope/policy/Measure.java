package org.tariffscope.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tariffscope.basics.Authority;
import org.tariffscope.basics.DateInterval;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.ValueBase;

/**
 * A tariff measure: a Chapter 99 heading and the rule it carries, for one period. A heading whose
 * rate or scope changed over time is several measures. Immutable.
 *
 * @param id unique in a book: {@code <heading>@<from>} plus a suffix when one heading has several
 *     measures starting the same day ({@code 9903.01.10@2025-03-04})
 * @param heading the Chapter 99 heading
 * @param title short human title
 * @param authority legal authority
 * @param instruments the legal sources, primary first
 * @param note the U.S. note subdivision, or empty
 * @param effective legal period: entries on or after its start, before its end
 * @param untilReason why it ended, or empty
 * @param published the period the HTS printed it, when that differs from {@code effective}; else
 *     equal to it
 * @param countries origins in scope
 * @param products products in scope
 * @param rate the duty
 * @param base the part of the value it is charged on
 * @param when conditions on the entry
 * @param yieldsTo measures it does not apply on top of: on the part of the value they cover, or (references
 *     from {@code yields_whole_to}, {@link StackingRef#whole()}) on the whole article once they apply
 * @param tags labels other measures may yield to (lower case)
 * @param description longer explanation, or empty
 * @param printedOnly whether the schedule printed it but the law never applied it (a heading
 *     superseded retroactively): then {@code effective} holds the printed dates and only the
 *     as-published view applies it
 * @param scheduleDiffers why the rate or base the schedule prints differs from the one the law
 *     applies (the lint reports such a heading as an explained difference), or empty
 * @param source file and line it was read from
 */
public record Measure(String id, HtsCode heading, String title, Authority authority,
    List<Instrument> instruments, String note, DateInterval effective, String untilReason,
    DateInterval published, CountryScope countries, ProductScope products, MeasureRate rate,
    ValueBase base, Conditions when, List<StackingRef> yieldsTo, Set<String> tags, String description,
    boolean printedOnly, String scheduleDiffers, SourceLocation source) {

  public Measure {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(authority, "authority");
    instruments = List.copyOf(instruments);
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("measure " + id + " cites no instrument");
    }
    note = note == null ? "" : note;
    Objects.requireNonNull(effective, "effective");
    untilReason = untilReason == null ? "" : untilReason;
    published = published == null ? effective : published;
    Objects.requireNonNull(countries, "countries");
    Objects.requireNonNull(products, "products");
    Objects.requireNonNull(rate, "rate");
    base = base == null ? ValueBase.FULL : base;
    when = when == null ? Conditions.NONE : when;
    yieldsTo = List.copyOf(yieldsTo);
    tags = Set.copyOf(tags);
    description = description == null ? "" : description;
    scheduleDiffers = scheduleDiffers == null ? "" : scheduleDiffers;
    Objects.requireNonNull(source, "source");
  }

  /** The primary legal source. */
  public Instrument primaryInstrument() {
    return instruments.get(0);
  }

  /** The period that applies in a given reading of the law: legal dates, or the dates the HTS printed. */
  public DateInterval period(boolean asPublished) {
    return asPublished ? published : effective;
  }

  public boolean inForce(LocalDate date, boolean asPublished) {
    return (asPublished || !printedOnly) && period(asPublished).contains(date);
  }

  /** Whether the HTS printed it at other dates than the law applies it. */
  public boolean isRetroactiveOrEarlyPrinted() {
    return !published.equals(effective);
  }

  /**
   * Whether {@code other} is named in this measure's {@code yields_whole_to}: once {@code other} applies
   * to any part of the value, this measure does not apply to the article at all.
   */
  public boolean yieldsWholeTo(Measure other) {
    for (StackingRef ref : yieldsTo) {
      if (ref.whole() && ref.matches(other)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code other} is named in this measure's {@code yields_to} or {@code yields_whole_to}. */
  public boolean yieldsTo(Measure other) {
    for (StackingRef ref : yieldsTo) {
      if (ref.matches(other)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return heading + " " + rate + " " + effective + " (" + title + ")";
  }
}
