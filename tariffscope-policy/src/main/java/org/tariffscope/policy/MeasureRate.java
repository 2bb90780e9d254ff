package org.tariffscope.policy;

import java.util.Objects;
import org.tariffscope.basics.DutyRate;
import org.tariffscope.basics.Percent;

/** The form of a measure's duty. Immutable. */
public sealed interface MeasureRate {

  /** "The duty provided in the applicable subheading + X%": X on top of everything else (X may be 0). */
  record Additional(Percent percent) implements MeasureRate {
    public Additional {
      Objects.requireNonNull(percent, "percent");
    }

    @Override
    public String toString() {
      return "+" + percent;
    }
  }

  /** An all-in floor: the column-1 rate and this duty together make X%; nothing when the former is already X or more. */
  record Floor(Percent percent) implements MeasureRate {
    public Floor {
      Objects.requireNonNull(percent, "percent");
    }

    @Override
    public String toString() {
      return percent + " all-in";
    }
  }

  /** An additional specific (or compound) duty. */
  record Specific(DutyRate rate) implements MeasureRate {
    public Specific {
      Objects.requireNonNull(rate, "rate");
    }

    @Override
    public String toString() {
      return "+" + rate;
    }
  }
}
