package org.tariffscope.scenarios;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.DateInterval;
import org.tariffscope.policy.PolicyBook;
import org.tariffscope.policy.SourceLocation;

/**
 * A trade-policy scenario, loaded and validated: the policy book it implies (the base book with the
 * scenario's edits, a new book: the base is never changed), the partner whose bilateral balance is
 * reported, its commitments, an exchange-rate change, the period it is evaluated on and the model
 * settings. A scenario is data ({@code scenarios/*.yaml}); see {@code docs/scenarios.md}. Immutable.
 *
 * @param name short name, the file name without {@code .yaml} (e.g. {@code japan-deal})
 * @param title one line for tables and charts
 * @param description what it assumes, in words
 * @param file where it was read from
 * @param base the name of the scenario it builds on, or {@code actual}
 * @param book the policy book with every edit of the chain applied
 * @param edits the edits of this scenario and its bases, base first
 * @param partner the partner of the bilateral balance, or null
 * @param evaluation the days whose tariffs are applied to the 2024 flows (time-weighted)
 * @param commitments the partner's commitments (of this scenario and its bases)
 * @param exchangeRate the partner's currency change, or null
 * @param model the impact-model settings
 */
public record Scenario(String name, String title, String description, String file, String base, PolicyBook book,
    List<EditSummary> edits, Country partner, DateInterval evaluation, Commitments commitments,
    ExchangeRate exchangeRate, ModelSettings model) {

  /** The name of the base that is the actual measure book. */
  public static final String ACTUAL = "actual";

  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(evaluation, "evaluation");
    edits = List.copyOf(edits);
    commitments = commitments == null ? Commitments.NONE : commitments;
    model = model == null ? ModelSettings.DEFAULTS : model;
    title = title == null ? name : title;
    description = description == null ? "" : description;
  }

  /** One edit as written, for reports: {@code end 9903.02.72-9903.02.73 for JP on 2025-07-09}. */
  public record EditSummary(String kind, String text, SourceLocation at) {
  }

  /** A purchase commitment: US goods of some HS chapters, dollars a year. */
  public record Purchase(List<String> chapters, double usdPerYear, double additionalShare, String note,
      SourceLocation at) {
    public Purchase {
      chapters = List.copyOf(chapters);
      note = note == null ? "" : note;
    }
  }

  /**
   * A cut to the partner's tariffs or non-tariff barriers on US exports of some chapters, as an ad
   * valorem equivalent.
   *
   * @param kind {@code tariff} or {@code non_tariff}
   * @param avePointsCut the cut, percentage points of ad valorem equivalent
   * @param aveBefore the barrier before the cut, percent (at least the cut)
   * @param usExports2024 US exports of those chapters to the partner in 2024, dollars
   * @param source where that export figure comes from
   */
  public record BarrierCut(String kind, List<String> chapters, double avePointsCut, double aveBefore,
      double usExports2024, String source, SourceLocation at) {
    public BarrierCut {
      chapters = List.copyOf(chapters);
    }
  }

  /** A partner's commitments. */
  public record Commitments(List<Purchase> purchases, List<BarrierCut> cuts) {
    public static final Commitments NONE = new Commitments(List.of(), List.of());

    public Commitments {
      purchases = List.copyOf(purchases);
      cuts = List.copyOf(cuts);
    }

    public boolean isEmpty() {
      return purchases.isEmpty() && cuts.isEmpty();
    }

    Commitments plus(Commitments other) {
      List<Purchase> p = new java.util.ArrayList<>(purchases);
      p.addAll(other.purchases);
      List<BarrierCut> c = new java.util.ArrayList<>(cuts);
      c.addAll(other.cuts);
      return new Commitments(p, c);
    }
  }

  /**
   * A change of the partner's currency against the dollar.
   *
   * @param change e.g. -0.10 for a 10% depreciation
   * @param passThrough share of it passed into the dollar prices of the partner's goods (0..1)
   */
  public record ExchangeRate(double change, double passThrough, SourceLocation at) {
  }

  /** The first day evaluated. */
  public LocalDate from() {
    return evaluation.start();
  }
}
