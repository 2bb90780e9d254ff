package org.tariffscope.server;

import java.util.List;

/** The pages of the web app, in navigation order. */
public final class Nav {
  /**
   * One entry of the navigation.
   *
   * @param path the page's path
   * @param label the link text
   */
  public record Item(String path, String label) {
  }

  static final List<Item> ITEMS = List.of(
      new Item("/", "Duty calculator"),
      new Item("/timeline", "Timeline"),
      new Item("/measures", "Measures"),
      new Item("/effective-rates", "Effective rates"),
      new Item("/deals", "Deals"));

  private Nav() {
  }
}
