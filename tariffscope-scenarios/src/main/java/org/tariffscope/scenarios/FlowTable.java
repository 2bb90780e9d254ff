package org.tariffscope.scenarios;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tariffscope.analytics.Flow;
import org.tariffscope.analytics.TradeWeights;
import org.tariffscope.data.CsvTable;

/**
 * The 2024 import flows ({@link TradeWeights}) arranged for the impact model: sorted by product, with
 * the flows of product {@code p} at positions {@code start[p] .. start[p+1]-1} of primitive arrays.
 * Built once and shared by every scenario. Immutable (the arrays are never written after
 * construction; callers must not write them either).
 */
public final class FlowTable {
  /** HTS-10 digits of each product, sorted. */
  final String[] products;
  /** First flow of each product; {@code start[products.length]} is the number of flows. */
  final int[] start;
  /** Per flow: origin (country index), 2024 customs value (dollars), USMCA claim share. */
  final int[] origin;
  final double[] value;
  final double[] usmcaShare;
  /** Per product: HS chapter (1..99) and GTAP sector (index into {@link #sectors}, or -1). */
  final int[] chapter;
  final int[] sector;
  final String[] sectors;
  final Map<String, String> sectorNames;
  final double total;

  private FlowTable(List<Flow> flows, Map<String, String> gtapOf, Map<String, String> sectorNames) {
    List<Flow> sorted = new ArrayList<>(flows);
    sorted.sort(Comparator.comparing(Flow::hts10).thenComparingInt(Flow::countryIndex));
    int n = sorted.size();
    origin = new int[n];
    value = new double[n];
    usmcaShare = new double[n];
    List<String> prods = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    double t = 0;
    for (int i = 0; i < n; i++) {
      Flow f = sorted.get(i);
      if (prods.isEmpty() || !prods.get(prods.size() - 1).equals(f.hts10())) {
        prods.add(f.hts10());
        starts.add(i);
      }
      origin[i] = f.countryIndex();
      value[i] = f.value();
      usmcaShare[i] = f.usmcaShare();
      t += f.value();
    }
    total = t;
    products = prods.toArray(new String[0]);
    start = new int[products.length + 1];
    for (int p = 0; p < products.length; p++) {
      start[p] = starts.get(p);
    }
    start[products.length] = n;
    chapter = new int[products.length];
    sector = new int[products.length];
    List<String> sectorList = new ArrayList<>(new java.util.TreeSet<>(gtapOf.values()));
    Map<String, Integer> sectorIndex = new HashMap<>();
    for (int s = 0; s < sectorList.size(); s++) {
      sectorIndex.put(sectorList.get(s), s);
    }
    for (int p = 0; p < products.length; p++) {
      chapter[p] = Integer.parseInt(products[p].substring(0, 2));
      String g = gtapOf.get(products[p]);
      sector[p] = g == null ? -1 : sectorIndex.get(g);
    }
    sectors = sectorList.toArray(new String[0]);
    this.sectorNames = Map.copyOf(sectorNames);
  }

  /** The flows of the embedded 2024 trade data, with GTAP sectors from the embedded crosswalk. */
  public static FlowTable of(TradeWeights weights) {
    return of(weights, h -> true);
  }

  /** The flows of the products that pass a filter of their HTS-10 digits. */
  static FlowTable of(TradeWeights weights, java.util.function.Predicate<String> products) {
    Map<String, String> gtap = new HashMap<>();
    for (CsvTable.Row r : CsvTable.embedded("data/lists/hs10_gtap_crosswalk.csv").rows()) {
      gtap.put(r.get("hs10"), r.get("gtap_code").toLowerCase(java.util.Locale.ROOT));
    }
    Map<String, String> names = new HashMap<>();
    for (CsvTable.Row r : CsvTable.embedded("data/lists/gtap_sector_names.csv").rows()) {
      names.put(r.get("gtap_code").toLowerCase(java.util.Locale.ROOT), r.get("sector_name"));
    }
    List<Flow> flows = weights.flows().stream().filter(f -> products.test(f.hts10())).toList();
    return new FlowTable(flows, gtap, names);
  }

  /** A small table from given flows (tests, the worked example). */
  public static FlowTable of(List<Flow> flows) {
    return new FlowTable(flows, Map.of(), Map.of());
  }

  public int flows() {
    return origin.length;
  }

  public int products() {
    return products.length;
  }

  /** Total 2024 imports covered, dollars. */
  public double totalValue() {
    return total;
  }
}
