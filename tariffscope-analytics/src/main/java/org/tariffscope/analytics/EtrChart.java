package org.tariffscope.analytics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.tariffscope.basics.Authority;

/**
 * Charts of effective-rate series: the overall rate stacked by authority, or one line per key
 * (countries, sectors). PNG or SVG, chosen by the file name; written whole or not at all.
 */
public final class EtrChart {
  private static final Color[] PALETTE = {new Color(0x4C78A8), new Color(0xF58518), new Color(0xE45756),
      new Color(0x72B7B2), new Color(0x54A24B), new Color(0xEECA3B), new Color(0xB279A2), new Color(0xFF9DA6),
      new Color(0x9D755D), new Color(0xBAB0AC)};

  private EtrChart() {
  }

  /** The overall rate over time, stacked by authority. */
  public static void stackedByAuthority(List<EffectiveRates.Row> daily, String title, Path out) {
    DefaultTableXYDataset data = new DefaultTableXYDataset();
    Map<Authority, XYSeries> series = new LinkedHashMap<>();
    for (Authority a : Authority.values()) {
      series.put(a, new XYSeries(a.label(), false, false));
    }
    for (EffectiveRates.Row r : daily) {
      double x = r.date().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
      for (Authority a : Authority.values()) {
        series.get(a).add(x, r.byAuthority()[a.ordinal()]);
      }
    }
    series.forEach((a, s) -> {
      if (s.getMaxY() > 0.005) {
        data.addSeries(s);
      }
    });
    DateAxis time = new DateAxis();
    NumberAxis pct = new NumberAxis("Effective tariff rate, % of 2024 imports");
    StackedXYAreaRenderer2 renderer = new StackedXYAreaRenderer2();
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
    XYPlot plot = new XYPlot(data, time, pct, renderer);
    ChartFile.write(chart(plot, title), out, 1200, 650);
  }

  /** One step line per key (country, sector, chapter). */
  public static void lines(Map<String, List<EffectiveRates.Row>> byKey, String title, Path out) {
    lines(byKey, title, SOURCE, out);
  }

  /** One step line per key, with a subtitle of its own (the sources, when another series is drawn). */
  public static void lines(Map<String, List<EffectiveRates.Row>> byKey, String title, String subtitle, Path out) {
    TimeSeriesCollection data = new TimeSeriesCollection();
    for (Map.Entry<String, List<EffectiveRates.Row>> e : byKey.entrySet()) {
      TimeSeries s = new TimeSeries(e.getKey());
      for (EffectiveRates.Row r : e.getValue()) {
        LocalDate d = r.date();
        s.addOrUpdate(new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear()), r.totalPct());
      }
      data.addSeries(s);
    }
    XYStepRenderer renderer = new XYStepRenderer();
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    XYPlot plot = new XYPlot(data, new DateAxis(), new NumberAxis("Effective tariff rate, %"), renderer);
    ChartFile.write(chart(plot, title, subtitle), out, 1200, 650);
  }

  private static final String SOURCE = "Statutory rates weighted by 2024 US imports (pre-substitution). Source: Tariffscope.";

  private static JFreeChart chart(XYPlot plot, String title) {
    return chart(plot, title, SOURCE);
  }

  private static JFreeChart chart(XYPlot plot, String title, String subtitle) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xDDDDDD));
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 16), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.addSubtitle(new TextTitle(subtitle, new Font("SansSerif", Font.PLAIN, 11)));
    return chart;
  }

}
