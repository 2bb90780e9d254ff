package org.tariffscope.engine;

import java.math.BigDecimal;
import java.util.Objects;
import org.tariffscope.basics.Money;
import org.tariffscope.basics.Percent;
import org.tariffscope.basics.SpecificDuty;
import org.tariffscope.policy.Measure;

/**
 * A measure that applies to the entry, with what it charges. Immutable.
 *
 * @param measure the measure (heading, authority, citation)
 * @param rate the rate charged: the measure's rate, or for an all-in floor what remains after the
 *     column-1 rate
 * @param share the share of the customs value it is charged on (1 for the full value; the steel
 *     content share; the part not covered by a measure it yields to)
 * @param effective its contribution to the total ad valorem rate: {@code rate × share}
 * @param specific an additional specific duty, or null
 * @param amount the duty in dollars when a value was given, else null
 * @param explanation how the rate was reached, e.g. "15% all-in less MFN 2.5%"
 */
public record AppliedMeasure(Measure measure, Percent rate, BigDecimal share, Percent effective, SpecificDuty specific,
    Money amount, String explanation) {
  public AppliedMeasure {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(share, "share");
    Objects.requireNonNull(effective, "effective");
    explanation = explanation == null ? "" : explanation;
  }
}
