package org.tariffscope.scenarios;

/**
 * The headline outputs of a simulation, in report order. Amounts are billions of dollars a year at
 * 2024 volumes and prices; rates and changes are percent. Partner and balance metrics are absent
 * (NaN) for a scenario without a partner.
 */
public enum Metric {
  IMPORTS_BEFORE("imports_before_busd", "US imports, before", "$B"),
  IMPORTS_AFTER("imports_after_busd", "US imports, after", "$B"),
  IMPORTS_CHANGE("imports_change_pct", "US imports, change", "%"),
  PARTNER_IMPORTS_BEFORE("partner_imports_before_busd", "Imports from partner, before", "$B"),
  PARTNER_IMPORTS_AFTER("partner_imports_after_busd", "Imports from partner, after", "$B"),
  PARTNER_IMPORTS_CHANGE("partner_imports_change_pct", "Imports from partner, change", "%"),
  TRADE_CREATION("trade_creation_busd", "Trade creation (- destruction)", "$B"),
  TRADE_DIVERSION("trade_diversion_busd", "Trade diversion (gross shift between origins)", "$B"),
  DIVERSION_TO_OTHERS("diversion_to_others_busd", "Diversion to other origins", "$B"),
  REVENUE_BEFORE("revenue_before_busd", "Tariff revenue, before", "$B"),
  REVENUE_STATIC("revenue_static_busd", "Tariff revenue, static", "$B"),
  REVENUE_DYNAMIC("revenue_dynamic_busd", "Tariff revenue, after behaviour", "$B"),
  ETR_BEFORE("etr_before_pct", "Effective tariff rate, before", "%"),
  ETR_PRE_SUBSTITUTION("etr_pre_substitution_pct", "Effective tariff rate, pre-substitution", "%"),
  ETR_POST_SUBSTITUTION("etr_post_substitution_pct", "Effective tariff rate, post-substitution", "%"),
  IMPORT_PRICE_CHANGE("import_price_change_pct", "Import prices, change", "%"),
  CONSUMER_PRICE_CHANGE("consumer_price_change_pct", "Consumer prices, first-order change", "%"),
  DEADWEIGHT_LOSS("deadweight_loss_busd", "Deadweight loss", "$B"),
  TERMS_OF_TRADE("terms_of_trade_gain_busd", "Terms-of-trade gain", "$B"),
  WELFARE_CHANGE("welfare_change_busd", "US welfare change", "$B"),
  EXPORTS_BEFORE("partner_exports_before_busd", "US exports to partner, before", "$B"),
  EXPORTS_AFTER("partner_exports_after_busd", "US exports to partner, after", "$B"),
  BALANCE_BEFORE("balance_before_busd", "US goods balance with partner, before", "$B"),
  BALANCE_AFTER("balance_after_busd", "US goods balance with partner, after", "$B");

  private final String key;
  private final String label;
  private final String unit;

  Metric(String key, String label, String unit) {
    this.key = key;
    this.label = label;
    this.unit = unit;
  }

  /** The JSON and CSV field name. */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  /** {@code $B} or {@code %}. */
  public String unit() {
    return unit;
  }

  /** Whether it concerns the partner (absent without one). */
  public boolean partnerOnly() {
    return name().startsWith("PARTNER") || name().startsWith("EXPORTS") || name().startsWith("BALANCE")
        || this == DIVERSION_TO_OTHERS;
  }
}
