package org.tariffscope.cli;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tariffscope.analytics.PanelDatabase;
import org.tariffscope.basics.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tariffscope sql}: query the panel database. */
@Command(name = "sql", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Run a read-only SQL query (DuckDB dialect) on the panel database. Tables: panel (view), panel_rows, "
        + "countries, flows, revisions, measures, sectors, etr_daily_overall, etr_daily_country, etr_daily_sector, "
        + "etr_daily_hs2."},
    footerHeading = "%nExamples:%n",
    footer = {"  tariffscope sql \"SELECT origin_iso2, total_pct FROM panel WHERE hts10 = '8703230160' "
        + "AND DATE '2025-10-17' >= valid_from AND DATE '2025-10-17' < valid_to AND NOT usmca\"",
        "  tariffscope sql \"SELECT date, total_pct FROM etr_daily_country WHERE key = 'JP'\" --format csv"})
final class SqlCommand implements Callable<Integer> {
  @Mixin
  Common common;

  @Mixin
  PanelAccess panel;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "<query>", description = "The query.")
  String query;

  @Option(names = "--format", defaultValue = "table", paramLabel = "<format>", description = "table, csv or json (default ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--limit", defaultValue = "200", paramLabel = "<n>", description = "At most this many rows in a table (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() throws Exception {
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!List.of("table", "csv", "json").contains(fmt)) {
      throw new InvalidInputException("Unknown --format '" + format + "' (table, csv or json)");
    }
    var out = spec.commandLine().getOut();
    try (PanelDatabase db = panel.open(common, spec.commandLine().getErr()); Statement s = db.connection().createStatement();
         ResultSet rs = s.executeQuery(query)) {
      ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        names.add(md.getColumnLabel(i));
      }
      int rows = 0;
      boolean truncated = false;
      switch (fmt) {
        case "csv" -> {
          out.println(String.join(",", names.stream().map(DutyCommand::csvCell).toList()));
          while (rs.next()) {
            List<String> cells = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
              cells.add(DutyCommand.csvCell(rs.getString(i)));
            }
            out.println(String.join(",", cells));
          }
        }
        case "json" -> {
          List<Map<String, Object>> list = new ArrayList<>();
          while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= n; i++) {
              Object v = rs.getObject(i);
              row.put(names.get(i - 1), v instanceof Number || v instanceof Boolean || v == null ? v : v.toString());
            }
            list.add(row);
          }
          Json.MAPPER.writeValue(out, list);
          out.println();
        }
        default -> {
          TextTable t = new TextTable(names.toArray(new String[0]));
          while (rs.next()) {
            if (rows++ >= limit) {
              truncated = true;
              break;
            }
            Object[] cells = new Object[n];
            for (int i = 1; i <= n; i++) {
              cells[i - 1] = rs.getString(i);
            }
            t.row(cells);
          }
          out.print(t.render());
          if (truncated) {
            out.println("(first " + limit + " rows; --limit to see more, or --format csv for all)");
          }
        }
      }
    } catch (SQLException e) {
      throw new InvalidInputException("SQL: " + PanelDatabase.message(e));
    }
    out.flush();
    return 0;
  }
}
