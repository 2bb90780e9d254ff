package org.tariffscope.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.ValueBase;

/**
 * The steel, aluminum and copper contents of one entry, as the Section 232 measures charged on a
 * metal content ask for them. Each metal's share of value is fixed the first time a measure asks
 * (later measures of the same metal get the same share), and the metals share one value: their
 * shares together never exceed it.
 *
 * <ul>
 *   <li>A metal declared on its own ({@code --steel-content}) has that share.
 *   <li>Otherwise, with a metal content declared for all metals together ({@code --metal-content}),
 *       the metal gets what that content leaves after the other metals (declared or already charged):
 *       one figure is counted once, so an article on both the steel and the aluminum lists is not
 *       charged twice on it. The first metal charged takes it all; a warning asks for the split.
 *   <li>Otherwise an estimate (the rate panel's), capped the same way.
 *   <li>Otherwise the content is undeclared: CBP treats the value as metal content when the content
 *       is not known, but the value is counted once across the metals. The metal gets the value not
 *       declared or charged as another metal's content: the full value for the first metal charged,
 *       nothing for a second.
 * </ul>
 *
 * A metal left with nothing is reported by the engine as not applied, with {@link Share#exhausted}.
 * Not thread-safe: one per entry.
 */
final class MetalShares {
  private static final MathContext MC = MathContext.DECIMAL64;

  /**
   * A metal's share of value.
   *
   * @param share the share of value (0..1) the measure is charged on
   * @param warning a warning about how it was found, or null
   * @param exhausted why nothing is left for this metal (the measure then does not apply), or null
   */
  record Share(BigDecimal share, String warning, String exhausted) {
  }

  private final EntryFacts facts;
  private final HtsCode code;
  private final Estimates estimates;
  private final Map<ValueBase, BigDecimal> resolved = new EnumMap<>(ValueBase.class);
  private final Map<ValueBase, String> resolvedBy = new EnumMap<>(ValueBase.class);

  MetalShares(EntryFacts facts, HtsCode code, Estimates estimates) {
    this.facts = facts;
    this.code = code;
    this.estimates = estimates;
  }

  /** The share of {@code metal} for a measure of heading {@code heading}. */
  Share of(ValueBase metal, String heading) {
    BigDecimal known = resolved.get(metal);
    if (known != null) {
      return new Share(known, null, null);
    }
    Share s = resolve(metal, heading);
    resolved.put(metal, s.share());
    resolvedBy.put(metal, heading);
    return s;
  }

  private Share resolve(ValueBase metal, String heading) {
    Optional<BigDecimal> declared = facts.content(metal);
    if (declared.isPresent()) {
      return new Share(declared.get(), null, null);
    }
    BigDecimal others = BigDecimal.ZERO;
    StringBuilder taken = new StringBuilder();
    for (ValueBase b : EntryFacts.METALS) {
      if (b == metal) {
        continue;
      }
      BigDecimal share = resolved.containsKey(b) ? resolved.get(b) : facts.content(b).orElse(BigDecimal.ZERO);
      if (share.signum() > 0) {
        others = others.add(share);
        taken.append(taken.length() == 0 ? "" : " and ").append(name(b)).append(" content (")
            .append(resolvedBy.containsKey(b) ? resolvedBy.get(b) : "declared").append(", ").append(pct(share)).append(')');
      }
    }
    BigDecimal avail = BigDecimal.ONE.subtract(others).max(BigDecimal.ZERO);
    String split = "declare " + String.join(", ", flags()) + " to split it";
    if (facts.metalContent() != null) {
      BigDecimal total = facts.metalContent();
      BigDecimal left = total.subtract(others).max(BigDecimal.ZERO);
      if (left.signum() == 0 && total.signum() > 0) {
        return new Share(BigDecimal.ZERO, null, "no " + name(metal) + " content left to charge: the metal content of "
            + pct(total) + " is counted as " + taken + "; " + split);
      }
      String warning = others.signum() == 0 ? null : heading + " is charged on the " + name(metal) + " content: the "
          + "metal content of " + pct(total) + " less the " + taken + ", " + pct(left) + " of value";
      return new Share(left, warning, null);
    }
    Optional<BigDecimal> estimate = estimates.contentShare(code, metal);
    if (estimate.isPresent()) {
      BigDecimal share = estimate.get().min(avail);
      return new Share(share, heading + " is charged on the " + metal.description() + ": estimated at "
          + pct(share) + " of value (" + estimates.describe() + ")", null);
    }
    if (avail.signum() == 0) {
      return new Share(BigDecimal.ZERO, null, "no " + name(metal) + " content declared, and the whole value is counted as "
          + taken + " (an undeclared content is the value not counted as another metal's content); " + split);
    }
    return new Share(avail, heading + " is charged on the " + metal.description() + ": none declared, so charged on "
        + (others.signum() == 0 ? "the full value" : "the " + pct(avail) + " of value not counted as " + taken)
        + " (declare it with --" + name(metal) + "-content or --metal-content)", null);
  }

  private static List<String> flags() {
    return List.of("--steel-content", "--aluminum-content", "--copper-content");
  }

  private static String name(ValueBase metal) {
    return switch (metal) {
      case STEEL_CONTENT -> "steel";
      case ALUMINUM_CONTENT -> "aluminum";
      case COPPER_CONTENT -> "copper";
      default -> throw new IllegalArgumentException("not a metal: " + metal);
    };
  }

  private static String pct(BigDecimal share) {
    return share.movePointRight(2).round(new MathContext(4)).stripTrailingZeros().toPlainString() + "%";
  }
}
