package org.tariffscope.engine;

import java.time.LocalDate;
import java.util.Objects;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.HtsCode;

/**
 * One entry to price: a product, a country of origin, an entry date and what the importer
 * declares. Immutable.
 *
 * @param hts the product's HTS code (a 10-digit statistical line or an 8-digit tariff line)
 * @param origin the country of origin
 * @param date the entry date (entered, or withdrawn from warehouse, for consumption)
 * @param facts declared facts
 * @param view legal dates or the dates the schedule printed
 */
public record DutyRequest(HtsCode hts, Country origin, LocalDate date, EntryFacts facts, LawView view) {
  public DutyRequest {
    Objects.requireNonNull(hts, "hts");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(date, "date");
    facts = facts == null ? EntryFacts.NONE : facts;
    view = view == null ? LawView.LAW : view;
  }

  public static DutyRequest of(HtsCode hts, Country origin, LocalDate date) {
    return new DutyRequest(hts, origin, date, EntryFacts.NONE, LawView.LAW);
  }

  public DutyRequest withFacts(EntryFacts f) {
    return new DutyRequest(hts, origin, date, f, view);
  }

  public DutyRequest withDate(LocalDate d) {
    return new DutyRequest(hts, origin, d, facts, view);
  }

  public DutyRequest withView(LawView v) {
    return new DutyRequest(hts, origin, date, facts, v);
  }
}
