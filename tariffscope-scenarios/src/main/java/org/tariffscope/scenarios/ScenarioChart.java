package org.tariffscope.scenarios;

import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.tariffscope.analytics.ChartFile;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Charts of simulations, in the style of the effective-rate charts ({@code EtrChart}): imports by
 * origin before and after one scenario, and the headline outputs of several scenarios side by side.
 * PNG or SVG, chosen by the file name; written whole or not at all.
 */
public final class ScenarioChart {
  private static final Color[] PALETTE = {new Color(0x4C78A8), new Color(0xF58518), new Color(0xE45756),
      new Color(0x72B7B2), new Color(0x54A24B), new Color(0xEECA3B), new Color(0xB279A2), new Color(0xFF9DA6),
      new Color(0x9D755D), new Color(0xBAB0AC)};
  private static final int WIDTH = 1200;

  private ScenarioChart() {
  }


  /** Imports from the largest origins, before and after one scenario. */
  public static void origins(SimulationResult r, Path out) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    int n = 0;
    for (SimulationResult.Breakdown b : r.byOrigin()) {
      if (b.key().equals("other") || n++ >= 12) {
        continue;
      }
      data.addValue(b.beforeBusd(), "Before (2024 flows)", b.label());
      data.addValue(b.afterBusd(), "After", b.label());
    }
    CategoryPlot plot = plot(data, "US imports, $ billion a year", PlotOrientation.VERTICAL);
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    JFreeChart chart = chart(plot, r.scenario().title(), true);
    ChartFile.write(chart, out, WIDTH, 650);
  }

  /**
   * The headline outputs of several scenarios: imports from the partner (or all imports), tariff
   * revenue after behaviour, the balance with the partner, consumer prices. Bars are central values;
   * the labels give the 5th-95th percentile band when there were draws.
   */
  public static void comparison(List<SimulationResult> results, Path out) {
    boolean partner = results.stream().allMatch(r -> r.scenario().partnerIso2() != null);
    List<Metric> metrics = new ArrayList<>();
    metrics.add(partner ? Metric.PARTNER_IMPORTS_AFTER : Metric.IMPORTS_AFTER);
    metrics.add(Metric.REVENUE_DYNAMIC);
    if (partner) {
      metrics.add(Metric.BALANCE_AFTER);
    }
    metrics.add(Metric.CONSUMER_PRICE_CHANGE);
    CombinedDomainCategoryPlot combined = new CombinedDomainCategoryPlot(new CategoryAxis());
    for (Metric m : metrics) {
      DefaultCategoryDataset data = new DefaultCategoryDataset();
      for (SimulationResult r : results) {
        data.addValue(ScenarioReport.valueOf(r, m), "central", shortName(r));
      }
      CategoryPlot plot = plot(data, axisLabel(m), PlotOrientation.VERTICAL);
      BarRenderer renderer = (BarRenderer) plot.getRenderer();
      renderer.setDefaultItemLabelGenerator(new BandLabels(results, m));
      renderer.setDefaultItemLabelsVisible(true);
      renderer.setDefaultItemLabelFont(new Font("SansSerif", Font.PLAIN, 11));
      renderer.setSeriesPaint(0, PALETTE[metrics.indexOf(m) % PALETTE.length]);
      combined.add(plot, 1);
    }
    combined.getDomainAxis().setTickLabelFont(new Font("SansSerif", Font.PLAIN, 12));
    combined.getDomainAxis().setMaximumCategoryLabelLines(3);
    SimulationResult first = results.get(0);
    String title = partner ? "Scenarios for " + first.scenario().partnerName() + ": headline outputs" : "Scenarios: headline outputs";
    JFreeChart chart = chart(combined, title, false);
    ChartFile.write(chart, out, WIDTH, 260 * metrics.size() + 120);
  }

  private static String axisLabel(Metric m) {
    return switch (m) {
      case PARTNER_IMPORTS_AFTER -> "Imports from partner, $B";
      case IMPORTS_AFTER -> "US imports, $B";
      case REVENUE_DYNAMIC -> "Tariff revenue, $B";
      case BALANCE_AFTER -> "Balance with partner, $B";
      case CONSUMER_PRICE_CHANGE -> "Consumer prices, %";
      default -> m.label();
    };
  }

  /** The title of a scenario up to its first colon ("(a) No deal"). */
  static String shortName(SimulationResult r) {
    String t = r.scenario().title();
    int colon = t.indexOf(':');
    return colon > 0 ? t.substring(0, colon) : r.scenario().name();
  }

  /** Item labels: the central value, and the band when there were draws. */
  private static final class BandLabels extends StandardCategoryItemLabelGenerator {
    private static final long serialVersionUID = 1L;
    private final transient List<SimulationResult> results;
    private final Metric metric;

    BandLabels(List<SimulationResult> results, Metric metric) {
      this.results = results;
      this.metric = metric;
    }

    @Override
    public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
      SimulationResult r = results.get(column);
      SimulationResult.Headline h = r.get(metric);
      String v = format(h.value());
      return h.hasBand() ? v + " [" + format(h.p5()) + ", " + format(h.p95()) + "]" : v;
    }

    private static String format(double v) {
      return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }
  }

  private static CategoryPlot plot(DefaultCategoryDataset data, String rangeLabel, PlotOrientation orientation) {
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.05);
    for (int i = 0; i < data.getRowCount(); i++) {
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
    NumberAxis range = new NumberAxis(rangeLabel);
    range.setUpperMargin(0.12);
    range.setLowerMargin(0.12);
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), range, renderer);
    plot.setOrientation(orientation);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    return plot;
  }

  private static JFreeChart chart(org.jfree.chart.plot.Plot plot, String title, boolean legend) {
    JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 16), plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.addSubtitle(new TextTitle("Partial equilibrium on 2024 US imports (HTS-10 x origin); bars are central estimates,"
        + " brackets the 5th-95th percentiles of the elasticity draws. Source: Tariffscope.",
        new Font("SansSerif", Font.PLAIN, 11)));
    return chart;
  }

}
