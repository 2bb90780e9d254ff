package org.tariffscope.server.view;

import java.util.List;
import java.util.Set;
import org.tariffscope.server.Nav;

/** The view models of the web app's pages. */
public final class Views {
  private Views() {
  }

  /**
   * What every page shares: title, navigation, the data it runs on, extra scripts, and for a page that
   * waits on something, how often it reloads itself (0: never).
   */
  public record Layout(String title, String path, List<Nav.Item> nav, String dataNote, List<String> scripts,
      int refreshSeconds) {
    public boolean current(Nav.Item item) {
      return item.path().equals(path);
    }
  }

  /** A choice of a select or datalist. */
  public record Option(String value, String label) {
  }

  /** A link. */
  public record Link(String href, String text) {
  }

  /** Why a request could not be answered, for people. */
  public record ErrorView(int status, String code, String title, String message, List<Link> suggestions,
      List<String> plainSuggestions) {
  }

  // ---- duty calculator --------------------------------------------------------------------------

  /** The calculator's inputs, as typed. */
  public record DutyForm(String hts, String origin, String date, String value, String quantity, boolean usmca,
      String metalContentPct, String usContentPct, Set<String> claims, boolean asPublished, String preference) {
    public boolean hasFacts() {
      return !blank(quantity) || usmca || !blank(metalContentPct) || !blank(usContentPct) || !claims.isEmpty()
          || asPublished || !blank(preference);
    }

    /** Whether the agreement with this symbol is the one claimed (case as typed in a link). */
    public boolean prefers(String symbol) {
      return preference != null && preference.strip().equalsIgnoreCase(symbol);
    }

    public boolean claimed(String id) {
      return claims.contains(id);
    }
  }

  /** A row of the breakdown: the base rate or an applied heading. */
  public record LineView(String heading, String authority, String authorityKey, String rate, String on, String adds,
      String amount, String title, String citation, String url, String note) {
  }

  /** A heading considered and not applied. */
  public record NotAppliedView(String heading, String authority, String authorityKey, String reason, String title) {
  }

  /** A priced entry. */
  public record DutyView(String code, String title, String context, String origin, String originIso2,
      String date, String revision, boolean asPublished, String value, List<LineView> lines, String total,
      String additional, String duty, String specificNote, List<NotAppliedView> notApplied, List<String> warnings,
      String timelineHref, String jsonHref, String shareHref) {
  }

  /** The duty calculator page. */
  public record CalculatorPage(Layout layout, DutyForm form, List<Option> countries, List<Option> claims,
      List<Option> agreements, String today, DutyView result, ErrorView error) {
  }

  // ---- timeline ---------------------------------------------------------------------------------

  /** The timeline's inputs, as typed. */
  public record TimelineForm(String hts, String origin, boolean usmca, String preference) {
    /** Whether a free-trade agreement is claimed (kept when the form is sent again). */
    public boolean prefers() {
      return preference != null && !preference.isBlank();
    }
  }

  /** A step of the timeline table. */
  public record StepView(String from, String lastDay, String total, List<String> headings, String change,
      String revision) {
  }

  /** An event marked on the chart. */
  public record EventView(int number, String date, String label) {
  }

  /** A product's timeline. */
  public record TimelineView(String code, String title, String context, String origin, String range, String chartJson,
      String chartLabel, List<StepView> steps, List<EventView> events, String csvHref, String jsonHref,
      String calculatorHref, String low, String high, String now, List<String> notes) {
  }

  /** The timeline page. */
  public record TimelinePage(Layout layout, TimelineForm form, List<Option> countries, TimelineView result,
      ErrorView error) {
  }

  // ---- measures ---------------------------------------------------------------------------------

  /** The measures page's filters, as typed. */
  public record MeasuresForm(String date, String origin, String authority, String heading) {
    public boolean filtered() {
      return !blank(date) || !blank(origin) || !blank(authority) || !blank(heading);
    }
  }

  /** A measure of the list. */
  public record MeasureView(String heading, String authority, String authorityKey, String title, String rate,
      String from, String lastDay, String untilReason, String countries, String products, String conditions,
      String citation, String source, String url, String file) {
  }

  /** The measures page. */
  public record MeasuresPage(Layout layout, MeasuresForm form, List<Option> countries, List<Option> authorities,
      List<MeasureView> measures, int bookSize, String jsonHref, ErrorView error) {
  }

  // ---- effective rates --------------------------------------------------------------------------

  /** The effective-rates page's inputs, as typed. */
  public record EtrForm(String date, String by, String origin) {
  }

  /** A headline figure. */
  public record Stat(String label, String value, String note) {
  }

  /** A segment of a row's bar: one authority's part, in the bar's 0-100 units. */
  public record Segment(String authority, String x, String width) {
  }

  /** A row of the effective-rates table. */
  public record EtrRowView(String key, String label, String imports, String total, String change, boolean up,
      List<String> parts, List<Segment> bar, String title) {
  }

  /** The effective rates on one day, split one way, and over time. */
  public record EtrView(String date, String dateText, String by, String byTitle, String keyHeader, List<Stat> stats,
      String stackJson, String stackLabel, String barsJson, String barsLabel,
      String linesJson, String linesTitle, String linesLabel, boolean showImports, List<Option> partHeads,
      List<EtrRowView> rows, int allRows, String allRowsHref, List<EventLink> eventLinks, String csvHref, String seriesCsvHref,
      String linesCsvHref, String jsonHref, String weightsNote, String emptyNote) {
    public boolean hasLines() {
      return linesJson != null && !linesJson.isEmpty();
    }

    public boolean hasBars() {
      return barsJson != null && !barsJson.isEmpty();
    }

    /** How many keys there are: {@code 225 partners}. */
    public String countText() {
      String unit = switch (by) {
        case "country" -> allRows == 1 ? "partner" : "partners";
        case "authority" -> allRows == 1 ? "authority" : "authorities";
        case "sector" -> allRows == 1 ? "sector" : "sectors";
        default -> allRows == 1 ? "chapter" : "chapters";
      };
      return allRows + " " + unit;
    }
  }

  /** An event marked on a chart, linking to the page on that day. */
  public record EventLink(int number, String date, String label, String href, boolean current) {
  }

  /** The rate panel is being built (or could not be). */
  public record PanelWait(int percent, String doing, String left, String elapsed, String problem) {
  }

  /** The effective-rates page. */
  public record EtrPage(Layout layout, EtrForm form, List<Option> splits,
      String first, String last, EtrView result, PanelWait waiting, ErrorView error) {
  }

  // ---- other pages ------------------------------------------------------------------------------

  /** An error page. */
  public record ErrorPage(Layout layout, ErrorView error) {
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
