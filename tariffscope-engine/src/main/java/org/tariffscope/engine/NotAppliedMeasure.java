package org.tariffscope.engine;

import java.util.Objects;
import org.tariffscope.policy.Measure;

/**
 * A measure that was considered for the entry and does not apply, with the reason. Immutable.
 *
 * @param measure the measure
 * @param reason the kind of reason
 * @param explanation the reason in words, e.g. "Section 232 article: 9903.94.01 applies"
 */
public record NotAppliedMeasure(Measure measure, Reason reason, String explanation) {

  /** Why a measure that could concern the entry does not apply. */
  public enum Reason {
    /** It yields to a measure that applies (a 232 article, an exemption heading). */
    YIELDS,
    /** A condition on the entry fails (USMCA claimed, MFN at least 15%). */
    CONDITION,
    /** Its country scope names the origin as excluded. */
    ORIGIN_EXCLUDED,
    /** Its product scope excludes the product (an exemption list). */
    PRODUCT_EXCLUDED,
    /** Its product scope names other statistical lines of the product's tariff line, not this one. */
    NOT_IN_SCOPE,
    /** It is not in force on the date (suspended, ended, or not yet in force). */
    NOT_IN_FORCE
  }

  public NotAppliedMeasure {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(explanation, "explanation");
  }
}
