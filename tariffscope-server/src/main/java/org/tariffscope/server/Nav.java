package org.tariffscope.server;

import java.util.List;

/**
 * The pages of the web app, in navigation order. A page that is not there yet is listed as coming,
 * with a short note, and answered by a placeholder: when its module lands, it gets a route and its
 * item becomes available.
 */
public final class Nav {
  /**
   * One entry of the navigation.
   *
   * @param path the page's path
   * @param label the link text
   * @param available whether the page exists (false: shown as coming)
   * @param note for a coming page, what it will show and what it waits for
   */
  public record Item(String path, String label, boolean available, String note) {
  }

  static final List<Item> ITEMS = List.of(
      new Item("/", "Duty calculator", true, ""),
      new Item("/timeline", "Timeline", true, ""),
      new Item("/measures", "Measures", true, ""),
      new Item("/effective-rates", "Effective rates", false,
          "Average rates actually paid by country and product group, weighted by the 2024 import mix. "
              + "It arrives with the import panel module."),
      new Item("/deals", "Deals", true, ""));

  private Nav() {
  }
}
