package org.tariffscope.scenarios;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The partial-equilibrium impact of moving the 2024 flows from their reference tariffs to a
 * scenario's: a two-stage Armington system per HTS-10 product (a CES nest of origins with
 * substitution elasticity sigma, under a product import demand with elasticity eta), with a tariff
 * pass-through share, a finite or infinite export supply elasticity and an exchange-rate change for
 * the partner's goods; plus the partner's side of the bilateral balance. The equations are in
 * {@code docs/model.md}; this class is their only implementation.
 *
 * <p>Prepared once per scenario from the flows and their two rates; {@link #evaluate} then only
 * does arithmetic over primitive arrays, so that draws of the elasticities are cheap. Flows of a
 * product with the same rates, the same exchange-rate factor and the same partner status are merged
 * into one unit (the model is linear in the value of identical units). Immutable and thread-safe.
 */
public final class ImpactModel {
  static final int CHAPTERS = 100;

  /** Per product: central substitution elasticity, chapter. Units of product p: {@code ustart[p] .. ustart[p+1]-1}. */
  private final double[] sigma;
  private final int[] chapter;
  private final int[] ustart;
  /** Per unit. */
  private final double[] v0;
  private final double[] t0;
  private final double[] t1;
  private final double[] fx;
  private final boolean[] partner;
  /** Per product: whether anything changes (rates or exchange rate) for one of its units. */
  private final boolean[] changed;
  /** Sums over products where nothing changes (value, value x rate, expenditure; partner value). */
  private final double constV0;
  private final double constRev;
  private final double constPartnerV0;
  private final double constW;
  private final ModelSettings settings;
  private final Exports exports;
  private final boolean hasPartner;
  /** With infinite export supply the buyer prices do not depend on the elasticities: per unit, ln b and tau. */
  private final double[] lnB;
  private final double[] bOf;
  private final double[] tau;
  /** Import demand elasticity by chapter (before the draws' multipliers). */
  private final double[] etaOf = new double[CHAPTERS];

  /** The partner side: 2024 exports, cuts, purchases, exchange rate. */
  record Exports(double before, double[] cutValue, double[] cutBefore, double[] cutPoints, int[][] cutChapters,
      double purchases, double fxChange, double fxPassThrough, Elasticities elasticities) {
  }

  private ImpactModel(double[] sigma, int[] chapter, int[] ustart, double[] v0, double[] t0, double[] t1, double[] fx,
      boolean[] partner, ModelSettings settings, Exports exports, boolean hasPartner) {
    this.sigma = sigma;
    this.chapter = chapter;
    this.ustart = ustart;
    this.v0 = v0;
    this.t0 = t0;
    this.t1 = t1;
    this.fx = fx;
    this.partner = partner;
    this.settings = settings;
    this.exports = exports;
    this.hasPartner = hasPartner;
    int products = sigma.length;
    this.changed = new boolean[products];
    double cv = 0;
    double cr = 0;
    double cp = 0;
    double cw = 0;
    for (int p = 0; p < products; p++) {
      boolean any = false;
      for (int u = ustart[p]; u < ustart[p + 1]; u++) {
        if (t0[u] != t1[u] || fx[u] != 1) {
          any = true;
          break;
        }
      }
      changed[p] = any;
      if (!any) {
        for (int u = ustart[p]; u < ustart[p + 1]; u++) {
          cv += v0[u];
          cr += v0[u] * t0[u];
          cw += v0[u] * (1 + t0[u]);
          if (partner[u]) {
            cp += v0[u];
          }
        }
      }
    }
    constV0 = cv;
    constRev = cr;
    constPartnerV0 = cp;
    constW = cw;
    for (int c = 0; c < CHAPTERS; c++) {
      etaOf[c] = settings.eta(chapterKey(c));
    }
    int units = v0.length;
    tau = new double[units];
    for (int u = 0; u < units; u++) {
      tau[u] = (1 + t1[u]) / (1 + t0[u]);
    }
    if (Double.isInfinite(settings.exportSupplyElasticity())) {
      lnB = new double[units];
      bOf = new double[units];
      for (int u = 0; u < units; u++) {
        bOf[u] = fx[u] * (1 + settings.tariffPassThrough() * (tau[u] - 1));
        lnB[u] = Math.log(bOf[u]);
      }
    } else {
      lnB = null;
      bOf = null;
    }
  }

  /**
   * Prepares the model.
   *
   * @param table the flows
   * @param before the reference rates (fractions; NaN = unpriced)
   * @param after the scenario's rates
   * @param sigmaOfProduct the central substitution elasticity of each product
   * @param partnerIndex the partner's country index, or -1
   * @param merge whether to merge identical flows of a product into units (false keeps one unit per flow)
   */
  static ImpactModel prepare(FlowTable table, double[] before, double[] after, double[] sigmaOfProduct,
      int partnerIndex, double fxFactor, ModelSettings settings, Exports exports, boolean merge) {
    return prepare(table, before, after, sigmaOfProduct, partnerIndex, fxFactor, settings, exports, merge,
        new int[table.flows()]);
  }

  /** As above, and records the unit of each flow in {@code unitOfFlow}. */
  static ImpactModel prepare(FlowTable table, double[] before, double[] after, double[] sigmaOfProduct,
      int partnerIndex, double fxFactor, ModelSettings settings, Exports exports, boolean merge, int[] unitOfFlow) {
    int n = table.flows();
    double[] v0 = new double[n];
    double[] a0 = new double[n];
    double[] a1 = new double[n];
    double[] f = new double[n];
    boolean[] pt = new boolean[n];
    int[] ustart = new int[table.products.length + 1];
    int u = 0;
    Map<Key, Integer> seen = new HashMap<>();
    for (int p = 0; p < table.products.length; p++) {
      ustart[p] = u;
      seen.clear();
      for (int i = table.start[p]; i < table.start[p + 1]; i++) {
        double r0 = before[i];
        double r1 = after[i];
        if (Double.isNaN(r0)) {
          // not in the schedule of the reference day: held unchanged, at no duty (the same in every scenario)
          r0 = 0;
          r1 = 0;
        } else if (Double.isNaN(r1)) {
          r1 = r0; // not in the schedule of the evaluated days: held at its reference rate
        }
        boolean isPartner = table.origin[i] == partnerIndex;
        double fxi = isPartner ? fxFactor : 1;
        Integer at = merge ? seen.get(new Key(r0, r1, fxi, isPartner)) : null;
        if (at != null) {
          v0[at] += table.value[i];
          unitOfFlow[i] = at;
          continue;
        }
        unitOfFlow[i] = u;
        v0[u] = table.value[i];
        a0[u] = r0;
        a1[u] = r1;
        f[u] = fxi;
        pt[u] = isPartner;
        if (merge) {
          seen.put(new Key(r0, r1, fxi, isPartner), u);
        }
        u++;
      }
    }
    ustart[table.products.length] = u;
    return new ImpactModel(sigmaOfProduct.clone(), table.chapter.clone(), ustart, java.util.Arrays.copyOf(v0, u),
        java.util.Arrays.copyOf(a0, u), java.util.Arrays.copyOf(a1, u), java.util.Arrays.copyOf(f, u),
        java.util.Arrays.copyOf(pt, u), settings, exports, partnerIndex >= 0);
  }

  private record Key(double t0, double t1, double fx, boolean partner) {
  }

  /** Number of units (merged flows). */
  public int units() {
    return v0.length;
  }

  /**
   * The headline outputs for one set of elasticity multipliers (index {@code c} = HS chapter; index 0
   * is the multiplier of elasticities that belong to no chapter).
   *
   * @param sigmaMult multipliers of the substitution elasticities, by chapter
   * @param etaMult multipliers of the import demand elasticities, by chapter
   * @param perUnit when not null, receives each unit's value after (for breakdowns)
   * @return the metrics, indexed by {@link Metric#ordinal()}
   */
  public double[] evaluate(double[] sigmaMult, double[] etaMult, double[] perUnit) {
    double pass = settings.tariffPassThrough();
    double supply = settings.exportSupplyElasticity();
    double imp0 = constV0;
    double imp1 = constV0;
    double pImp0 = constPartnerV0;
    double pImp1 = constPartnerV0;
    double rev0 = constRev;
    double revS = constRev;
    double revD = constRev;
    double creation = 0;
    double gross = 0;
    double others = 0;
    double w = constW;
    double pw = 0;
    double dwl = 0;
    double tot = 0;
    double[] b = new double[16];
    for (int p = 0; p < sigma.length; p++) {
      int from = ustart[p];
      int to = ustart[p + 1];
      if (!changed[p]) {
        if (perUnit != null) {
          for (int u = from; u < to; u++) {
            perUnit[u] = v0[u];
          }
        }
        continue;
      }
      int ch = chapter[p];
      double s = sigma[p] * sigmaMult[ch] * settings.substitutionScale();
      double eta = etaOf[ch] * etaMult[ch];
      double phi = Double.isInfinite(supply) ? pass : pass * supply / (supply + s);
      if (b.length < to - from) {
        b = new double[Math.max(to - from, b.length * 2)];
      }
      // ln of the buyer prices, and the CES price index of the product's imports
      double sumW = 0;
      double sumWb = 0;
      double sumWlog = 0;
      boolean unitElastic = Math.abs(1 - s) < 1e-9;
      for (int u = from; u < to; u++) {
        double lb = lnB != null ? lnB[u] : Math.log(fx[u] * (1 + phi * (tau[u] - 1)));
        b[u - from] = lb;
        double wu = v0[u] * (1 + t0[u]);
        sumW += wu;
        if (unitElastic) {
          sumWlog += wu * lb;
        } else {
          sumWb += wu * (lb == 0 ? 1 : Math.exp((1 - s) * lb));
        }
      }
      double lnPr = sumW <= 0 ? 0 : unitElastic ? sumWlog / sumW : Math.log(sumWb / sumW) / (1 - s);
      double pr = Math.exp(lnPr);
      double scale = Math.exp(-eta * lnPr);
      w += sumW;
      pw += sumW * (pr - 1);
      double aAtOne = Math.exp(s * lnPr); // the share factor of a unit whose price did not move
      for (int u = from; u < to; u++) {
        double lb = b[u - from];
        double bu = bOf != null ? bOf[u] : lb == 0 ? 1 : Math.exp(lb);
        double r = bu / tau[u];
        double a = lb == 0 ? aAtOne : Math.exp(-s * (lb - lnPr));
        double q = a * scale;
        double before = v0[u];
        double after = before * r * q;
        if (perUnit != null) {
          perUnit[u] = after;
        }
        imp0 += before;
        imp1 += after;
        if (partner[u]) {
          pImp0 += before;
          pImp1 += after;
        }
        rev0 += before * t0[u];
        revS += before * t1[u];
        revD += after * t1[u];
        creation += before * r * a * (scale - 1);
        double shift = before * (r * a - 1);
        if (shift > 0) {
          gross += shift;
        }
        if (!partner[u]) {
          others += shift;
        }
        dwl += 0.5 * (t0[u] + t1[u]) * (before - before * q);
        tot += before * q * (1 - r);
      }
    }
    double[] m = new double[Metric.values().length];
    java.util.Arrays.fill(m, Double.NaN);
    m[Metric.IMPORTS_BEFORE.ordinal()] = imp0 / 1e9;
    m[Metric.IMPORTS_AFTER.ordinal()] = imp1 / 1e9;
    m[Metric.IMPORTS_CHANGE.ordinal()] = pct(imp1, imp0);
    m[Metric.TRADE_CREATION.ordinal()] = creation / 1e9;
    m[Metric.TRADE_DIVERSION.ordinal()] = gross / 1e9;
    m[Metric.REVENUE_BEFORE.ordinal()] = rev0 / 1e9;
    m[Metric.REVENUE_STATIC.ordinal()] = revS / 1e9;
    m[Metric.REVENUE_DYNAMIC.ordinal()] = revD / 1e9;
    m[Metric.ETR_BEFORE.ordinal()] = 100 * rev0 / imp0;
    m[Metric.ETR_PRE_SUBSTITUTION.ordinal()] = 100 * revS / imp0;
    m[Metric.ETR_POST_SUBSTITUTION.ordinal()] = 100 * revD / imp1;
    double importPrice = w > 0 ? 100 * pw / w : 0;
    m[Metric.IMPORT_PRICE_CHANGE.ordinal()] = importPrice;
    m[Metric.CONSUMER_PRICE_CHANGE.ordinal()] = importPrice * settings.consumerImportShare();
    m[Metric.DEADWEIGHT_LOSS.ordinal()] = dwl / 1e9;
    m[Metric.TERMS_OF_TRADE.ordinal()] = tot / 1e9;
    m[Metric.WELFARE_CHANGE.ordinal()] = (tot - dwl) / 1e9;
    if (hasPartner) {
      m[Metric.PARTNER_IMPORTS_BEFORE.ordinal()] = pImp0 / 1e9;
      m[Metric.PARTNER_IMPORTS_AFTER.ordinal()] = pImp1 / 1e9;
      m[Metric.PARTNER_IMPORTS_CHANGE.ordinal()] = pct(pImp1, pImp0);
      m[Metric.DIVERSION_TO_OTHERS.ordinal()] = others / 1e9;
      double x0 = exports.before();
      double x1 = exportsAfter(sigmaMult, etaMult);
      m[Metric.EXPORTS_BEFORE.ordinal()] = x0 / 1e9;
      m[Metric.EXPORTS_AFTER.ordinal()] = x1 / 1e9;
      m[Metric.BALANCE_BEFORE.ordinal()] = (x0 - pImp0) / 1e9;
      m[Metric.BALANCE_AFTER.ordinal()] = (x1 - pImp1) / 1e9;
    }
    return m;
  }

  /** US exports to the partner after its cuts, the exchange-rate change and its purchases. */
  private double exportsAfter(double[] sigmaMult, double[] etaMult) {
    Exports e = exports;
    double x = e.before();
    for (int k = 0; k < e.cutValue().length; k++) {
      double s = 0;
      int n = 0;
      for (int ch : e.cutChapters()[k]) {
        double mean = e.elasticities().chapterMean(chapterKey(ch));
        if (!Double.isNaN(mean)) {
          s += mean * sigmaMult[ch] * settings.substitutionScale();
          n++;
        }
      }
      s = n == 0 ? 0 : s / n;
      double before = 1 + e.cutBefore()[k] / 100;
      double after = before - e.cutPoints()[k] / 100;
      x += e.cutValue()[k] * (Math.pow(before / after, s) - 1);
    }
    if (e.fxChange() != 0) {
      double eta = settings.importDemandElasticity() * etaMult[0];
      x *= Math.pow(1 + e.fxChange(), e.fxPassThrough() * eta);
    }
    return x + e.purchases();
  }

  private static final String[] KEYS = new String[CHAPTERS];

  static {
    for (int c = 0; c < CHAPTERS; c++) {
      KEYS[c] = String.format("%02d", c);
    }
  }

  static String chapterKey(int chapter) {
    return KEYS[chapter];
  }

  private static double pct(double after, double before) {
    return before == 0 ? 0 : 100 * (after / before - 1);
  }

  /** Multipliers of 1 (the central estimate). */
  static double[] ones() {
    double[] a = new double[CHAPTERS];
    java.util.Arrays.fill(a, 1);
    return a;
  }

  /** Units of each product (for breakdowns of a model prepared without merging). */
  List<int[]> unitRanges() {
    List<int[]> out = new ArrayList<>();
    for (int p = 0; p < sigma.length; p++) {
      out.add(new int[] {ustart[p], ustart[p + 1]});
    }
    return out;
  }

  double valueBefore(int unit) {
    return v0[unit];
  }

  double rateBefore(int unit) {
    return t0[unit];
  }

  double rateAfter(int unit) {
    return t1[unit];
  }
}
