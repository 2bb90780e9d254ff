package org.tariffscope.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tariffscope.analytics.EffectiveRates;
import org.tariffscope.analytics.EffectiveRates.By;
import org.tariffscope.analytics.EtrChart;
import org.tariffscope.analytics.EtrReport;
import org.tariffscope.analytics.PanelDatabase;
import org.tariffscope.basics.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tariffscope etr}: import-weighted effective tariff rates. */
@Command(name = "etr", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {"Import-weighted effective tariff rate on a day: statutory rates weighted by 2024 US imports "
        + "(pre-substitution), overall or by country, authority, GTAP sector or HS-2 chapter. Builds the panel first if "
        + "needed."},
    subcommands = {EtrCommand.Series.class},
    footerHeading = "%nExamples:%n",
    footer = {"  tariffscope etr --date 2025-10-17", "  tariffscope etr --date 2025-10-17 --by country --top 15",
        "  tariffscope etr --date 2026-03-01 --by authority", "  tariffscope etr --date 2025-04-10 --by sector --format csv",
        "  tariffscope etr --date 2025-10-17 --by authority --usmca-utilisation 0.87",
        "  tariffscope etr series --from 2025-01-01 --to 2026-12-31 --chart etr.png"})
final class EtrCommand implements Callable<Integer> {
  @Mixin
  Common common;

  @Mixin
  PanelAccess panel;

  @Spec
  CommandSpec spec;

  @Option(names = "--date", paramLabel = "<yyyy-mm-dd>", description = "The day (required unless a subcommand is given).")
  String date;

  @Option(names = "--by", paramLabel = "<split>", description = "country, authority, sector or hs2 (default: overall).")
  String by;

  @Option(names = "--origin", split = ",", paramLabel = "<country>", description = "Only these origins (implies --by country).")
  List<String> origins;

  @Option(names = "--top", defaultValue = "25", paramLabel = "<n>", description = "Largest n rows by imports in a table (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--format", defaultValue = "table", paramLabel = "<format>", description = "table, csv or json (default ${DEFAULT-VALUE}).")
  String format;

  @Mixin
  WeightingOptions weighting;

  @Override
  public Integer call() throws Exception {
    if (date == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Missing required option: '--date=<yyyy-mm-dd>' (or use: tariffscope etr series)");
    }
    LocalDate day = Common.date(date, "--date");
    PanelDatabase.checkDate(day).ifPresent(m -> {
      throw new InvalidInputException(m);
    });
    By split = split(by, origins);
    Set<String> keys = keys(common, origins);
    try (PanelDatabase db = panel.open(common, spec.commandLine().getErr())) {
      List<EffectiveRates.Row> rows = new EffectiveRates(db, weighting.weighting()).on(day, split, keys);
      render(spec, rows, format, split, top, false);
    }
    return 0;
  }

  static By split(String by, List<String> origins) {
    By split = by == null ? (origins != null ? By.COUNTRY : By.OVERALL) : By.parse(by);
    if (origins != null && split != By.COUNTRY) {
      throw new InvalidInputException("--origin goes with --by country");
    }
    return split;
  }

  static Set<String> keys(Common common, List<String> origins) {
    if (origins == null) {
      return Set.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    for (String o : origins) {
      keys.add(common.workspace().countries().parse(o).iso2());
    }
    return keys;
  }

  /** Renders rates as a table (largest first), CSV or JSON. */
  static void render(CommandSpec spec, List<EffectiveRates.Row> rows, String format, By split, int top, boolean series) {
    var out = spec.commandLine().getOut();
    switch (format.toLowerCase(Locale.ROOT)) {
      case "csv" -> {
        out.println(EtrReport.CSV_HEADER);
        for (EffectiveRates.Row r : rows) {
          out.println(EtrReport.of(r).csvRow());
        }
      }
      case "json" -> {
        try {
          Json.MAPPER.writeValue(out, EtrReport.of(rows));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        out.println();
      }
      case "table" -> {
        if (rows.isEmpty()) {
          out.println("No imports match.");
          break;
        }
        boolean byAuthority = split == By.AUTHORITY;
        TextTable t = byAuthority ? new TextTable("Date", "Authority", "Rate %").right(2)
            : new TextTable("Date", split == By.OVERALL ? "" : "Key", split == By.OVERALL ? "" : "Name", "Imports $B",
                "ETR %", "MFN", "232", "301", "IEEPA recip.", "Fentanyl", "122", "201").right(3, 4, 5, 6, 7, 8, 9, 10, 11);
        List<EffectiveRates.Row> shown = rows;
        if (!series && !byAuthority && rows.size() > top) {
          shown = rows.subList(0, top);
        }
        for (EffectiveRates.Row r : shown) {
          if (byAuthority) {
            t.row(r.date(), r.label(), fmt(r.totalPct()));
          } else {
            double[] p = r.byAuthority();
            t.row(r.date(), split == By.OVERALL ? "" : r.key(), split == By.OVERALL ? "" : r.label(),
                String.format(Locale.ROOT, "%,.1f", r.importsB()), fmt(r.totalPct()), fmt(p[0]), fmt(p[1]), fmt(p[2]),
                fmt(p[3]), fmt(p[4]), fmt(p[5]), fmt(p[6]));
          }
        }
        out.print(t.render());
        if (shown.size() < rows.size()) {
          out.println("(largest " + top + " of " + rows.size() + " by 2024 imports; --top or --format csv for all)");
        }
        out.println("Rates in % of 2024 imports (statutory, pre-substitution); parts by authority add up to the ETR.");
      }
      default -> throw new InvalidInputException("Unknown --format '" + format + "' (table, csv or json)");
    }
    out.flush();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** {@code etr series}. */
  @Command(name = "series", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
      description = "The daily effective tariff rate over a period, overall or split; a table shows the days it changes, "
          + "CSV and JSON every day; --chart draws it (stacked by authority, or one line per country).",
      footerHeading = "%nExamples:%n",
      footer = {"  tariffscope etr series --from 2025-01-01 --to 2026-12-31 --chart etr.png",
          "  tariffscope etr series --from 2025-01-01 --to 2026-06-30 --origin CN,JP,MX,CA,DE --chart countries.svg",
          "  tariffscope etr series --from 2025-03-01 --to 2025-05-31 --by country --format csv"})
  static final class Series implements Callable<Integer> {
    @Mixin
    Common common;

    @Mixin
    PanelAccess panel;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", defaultValue = "2025-01-01", paramLabel = "<yyyy-mm-dd>", description = "First day (default ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--to", defaultValue = "2026-12-31", paramLabel = "<yyyy-mm-dd>", description = "Last day (default ${DEFAULT-VALUE}).")
    String to;

    @Option(names = "--by", paramLabel = "<split>", description = "country, authority, sector or hs2 (default: overall).")
    String by;

    @Option(names = "--origin", split = ",", paramLabel = "<country>", description = "Only these origins (implies --by country).")
    List<String> origins;

    @Option(names = "--format", defaultValue = "table", paramLabel = "<format>", description = "table, csv or json (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--chart", paramLabel = "<file.png|svg>", description = "Also draw the series into this file.")
    Path chart;

    @Mixin
    WeightingOptions weighting;

    @Override
    public Integer call() {
      LocalDate first = Common.date(from, "--from");
      LocalDate last = Common.date(to, "--to");
      By split = split(by, origins);
      Set<String> keys = keys(common, origins);
      try (PanelDatabase db = panel.open(common, spec.commandLine().getErr())) {
        EffectiveRates rates = new EffectiveRates(db, weighting.weighting());
        List<EffectiveRates.Row> rows = rates.series(first, last, split, keys);
        if (chart != null) {
          drawChart(rates, rows, split, keys, first, last);
        }
        List<EffectiveRates.Row> shown = format.equalsIgnoreCase("table") ? changes(rows, split) : rows;
        render(spec, shown, format, split, Integer.MAX_VALUE, true);
        if (format.equalsIgnoreCase("table")) {
          spec.commandLine().getOut().println("(days on which a rate changes; --format csv for every day)");
        }
        if (chart != null) {
          spec.commandLine().getErr().println("Chart: " + chart); // stdout is the data
        }
        spec.commandLine().getOut().flush();
      }
      return 0;
    }

    /** Keeps the rows on which a key's rate differs from the previous day's. */
    private static List<EffectiveRates.Row> changes(List<EffectiveRates.Row> rows, By split) {
      Map<String, double[]> last = new LinkedHashMap<>();
      List<EffectiveRates.Row> out = new ArrayList<>();
      for (EffectiveRates.Row r : rows) {
        String key = r.key();
        double[] prev = last.get(key);
        double[] now = r.byAuthority();
        if (prev == null || !java.util.Arrays.equals(prev, now) || Math.abs(prev.length) == 0) {
          out.add(r);
        }
        last.put(key, now);
      }
      return out;
    }

    private void drawChart(EffectiveRates rates, List<EffectiveRates.Row> rows, By split, Set<String> keys,
        LocalDate first, LocalDate last) {
      String period = first + " to " + last;
      if (split == By.OVERALL || split == By.AUTHORITY) {
        List<EffectiveRates.Row> overall = split == By.OVERALL ? rows : rates.series(first, last, By.OVERALL, Set.of());
        EtrChart.stackedByAuthority(overall, "US effective tariff rate by authority, " + period, chart);
        return;
      }
      Map<String, List<EffectiveRates.Row>> byKey = new LinkedHashMap<>();
      List<String> wanted = new ArrayList<>(keys);
      if (wanted.isEmpty()) {
        // the 8 largest keys by imports on the first day
        rows.stream().filter(r -> r.date().equals(first)).limit(8).forEach(r -> wanted.add(r.key()));
      }
      for (EffectiveRates.Row r : rows) {
        if (wanted.contains(r.key())) {
          byKey.computeIfAbsent(r.label(), k -> new ArrayList<>()).add(r);
        }
      }
      EtrChart.lines(byKey, "US effective tariff rate by " + split.name().toLowerCase(Locale.ROOT) + ", " + period, chart);
    }
  }
}
