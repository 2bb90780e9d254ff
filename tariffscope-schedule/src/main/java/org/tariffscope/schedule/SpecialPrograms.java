package org.tariffscope.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.data.CsvTable;

/**
 * The free-trade agreements whose rates the column 1-Special subcolumn prints, by their symbol
 * (general note 3(c)(i)): {@code KR} for the U.S.-Korea agreement, {@code P} for CAFTA-DR, and so on,
 * with the partners whose goods may claim them. Read from {@code data/hts/special_programs.csv}.
 *
 * <p>Only the reciprocal agreements are listed: their partners are fixed by the agreement. The
 * unilateral programs (GSP {@code A}, AGOA {@code D}, CBERA {@code E}, CBTPA {@code R}, Nepal
 * {@code NP}) depend on designations that lapse and are renewed, and are not modelled; USMCA
 * ({@code S}, {@code S+}) has its own claim, since Chapter 99 measures depend on it. Immutable.
 */
public final class SpecialPrograms {
  /**
   * One agreement's symbol.
   *
   * @param symbol as printed in the Special subcolumn, e.g. {@code KR}
   * @param agreement its name
   * @param partners ISO-2 codes of the countries whose goods may claim it
   * @param authority the general note and the implementing act
   */
  public record Program(String symbol, String agreement, Set<String> partners, String authority) {
    public Program {
      partners = Set.copyOf(partners);
    }
  }

  private static final SpecialPrograms EMBEDDED = read(CsvTable.embedded("data/hts/special_programs.csv"));

  private final Map<String, Program> bySymbol;

  private SpecialPrograms(Map<String, Program> bySymbol) {
    this.bySymbol = bySymbol;
  }

  /** The shipped table. */
  public static SpecialPrograms embedded() {
    return EMBEDDED;
  }

  private static SpecialPrograms read(CsvTable table) {
    Map<String, Program> out = new LinkedHashMap<>();
    for (CsvTable.Row row : table.rows()) {
      String symbol = row.get("program");
      out.put(symbol, new Program(symbol, row.get("agreement"), Set.of(row.get("partners").split("\\s+")),
          row.get("authority")));
    }
    return new SpecialPrograms(out);
  }

  public List<Program> all() {
    return new ArrayList<>(bySymbol.values());
  }

  public Optional<Program> of(String symbol) {
    return Optional.ofNullable(bySymbol.get(symbol));
  }

  /**
   * The program a user names (case-insensitive).
   *
   * @throws InvalidInputException naming the known symbols when it is not one of them
   */
  public Program parse(String symbol) {
    String s = symbol.strip().toUpperCase(Locale.ROOT);
    Program p = bySymbol.get(s);
    if (p != null) {
      return p;
    }
    if (s.equals("S") || s.equals("S+") || s.equals("USMCA")) {
      throw new InvalidInputException("USMCA preference is claimed with its own option (--usmca, or usmca=true), "
          + "since Chapter 99 measures depend on it; not with a special program");
    }
    if (Set.of("A", "A+", "A*", "D", "E", "E*", "R", "NP", "J", "J*", "B", "C", "K", "L").contains(s)) {
      throw new InvalidInputException("Special program '" + s + "' is not modelled: only the free-trade agreements are ("
          + String.join(", ", bySymbol.keySet()) + "). Preference programs such as GSP (A), AGOA (D) and CBERA (E) "
          + "depend on designations that lapse and are renewed; product programs (B, C, K, L) are not claims of origin");
    }
    throw new InvalidInputException("Unknown special program '" + symbol.strip() + "': one of "
        + String.join(", ", bySymbol.keySet()) + " (the symbols of general note 3(c)(i) printed in column 1-Special)");
  }
}
