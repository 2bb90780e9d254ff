package org.tariffscope.scenarios;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.Country;
import org.tariffscope.data.CsvTable;

/**
 * US goods exports to a partner in 2024 ({@code data/trade/us_exports_2024_by_partner.csv}, Census
 * totals, see {@code data/PROVENANCE.md}): the export side of the bilateral balance. Immutable.
 */
public final class PartnerExports {
  /** The embedded table. */
  public static final String FILE = "data/trade/us_exports_2024_by_partner.csv";

  private final Map<Country, Double> exports;
  private final Map<Country, String> sources;

  private PartnerExports(Map<Country, Double> exports, Map<Country, String> sources) {
    this.exports = Map.copyOf(exports);
    this.sources = Map.copyOf(sources);
  }

  public static PartnerExports load(Countries countries) {
    Map<Country, Double> e = new HashMap<>();
    Map<Country, String> s = new HashMap<>();
    for (CsvTable.Row r : CsvTable.embedded(FILE).rows()) {
      Country c = countries.parse(r.get("iso2"));
      e.put(c, Double.parseDouble(r.get("exports_usd_2024")));
      s.put(c, r.get("source"));
    }
    return new PartnerExports(e, s);
  }

  /** Exports in 2024, dollars. */
  public Optional<Double> of(Country partner) {
    return Optional.ofNullable(exports.get(partner));
  }

  public String source(Country partner) {
    return sources.getOrDefault(partner, "");
  }

  public java.util.Set<Country> partners() {
    return exports.keySet();
  }
}
