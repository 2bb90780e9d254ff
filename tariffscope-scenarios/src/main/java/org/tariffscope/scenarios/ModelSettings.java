package org.tariffscope.scenarios;

import java.time.LocalDate;
import java.util.Map;

/**
 * The settings of the impact model (see {@code docs/model.md} for the sources of the defaults).
 * Immutable.
 *
 * @param importDemandElasticity the elasticity of a product's total imports to its import price
 *     index (absolute value), the upper Armington nest
 * @param importDemandByChapter overrides of it for HS chapters ({@code "87" -> 1.5})
 * @param substitutionScale a multiplier on the substitution elasticities between origins (ProTEE)
 * @param exportSupplyElasticity foreign export supply elasticity; {@code Double.POSITIVE_INFINITY}
 *     (the default) means world prices do not move
 * @param tariffPassThrough share of a tariff change passed into US buyers' prices (0..1)
 * @param consumerImportShare import content of US consumer spending (0..1)
 * @param referenceDate the day whose tariffs the 2024 flows are taken to have been traded at
 * @param sigmaSpread log standard deviation of the substitution elasticity draws
 * @param etaSpread log standard deviation of the import-demand elasticity draws
 */
public record ModelSettings(double importDemandElasticity, Map<String, Double> importDemandByChapter,
    double substitutionScale, double exportSupplyElasticity, double tariffPassThrough, double consumerImportShare,
    LocalDate referenceDate, double sigmaSpread, double etaSpread) {

  /**
   * The defaults: import demand elasticity 1.0; ProTEE substitution elasticities as estimated; infinite
   * export supply; full pass-through; import content of consumer spending 10%; tariffs of 2025-01-01 as
   * those of the 2024 flows; draws with log standard deviations of 0.35 (elasticities within about
   * x0.56 .. x1.78 of the central value 90% of the time).
   */
  public static final ModelSettings DEFAULTS = new ModelSettings(1.0, Map.of(), 1.0, Double.POSITIVE_INFINITY, 1.0,
      0.10, LocalDate.of(2025, 1, 1), 0.35, 0.35);

  public ModelSettings {
    importDemandByChapter = Map.copyOf(importDemandByChapter);
  }

  /** The import demand elasticity of a chapter. */
  public double eta(String chapter) {
    return importDemandByChapter.getOrDefault(chapter, importDemandElasticity);
  }
}
