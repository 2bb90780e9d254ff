package org.tariffscope.server.view;

import java.util.List;

/**
 * The Deals page: shipped scenarios to choose from, and the chosen ones side by side.
 *
 * @param layout the page frame
 * @param choices every shipped scenario, the chosen ones marked
 * @param result the comparison, or null when there is an error
 * @param error what went wrong, or null
 * @param draws the number of elasticity draws behind the bands
 */
public record DealsPage(Views.Layout layout, List<Choice> choices, Result result, Error error, int draws) {

  /** A scenario that can be chosen. */
  public record Choice(String name, String title, boolean chosen) {
  }

  /** A column of the comparison: a letter, the scenario's name and title. */
  public record Column(String letter, String name, String title) {
  }

  /**
   * A metric's row: its values by scenario, their 5th-95th percentile bands, and each scenario's
   * difference from the first.
   */
  public record Row(String key, String label, String unit, List<String> values, List<String> bands, List<String> diffs,
      boolean highlight) {
  }

  /** The comparison: columns, rows, the chart's data (JSON), how to read it, and the assumptions. */
  public record Result(List<Column> columns, List<Row> rows, String chartJson, String context, String apiHref,
      List<String> notes) {
  }

  /** An error shown instead of the comparison. */
  public record Error(int status, String code, String message) {
  }
}
