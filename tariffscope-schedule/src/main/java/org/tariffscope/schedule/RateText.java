package org.tariffscope.schedule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tariffscope.basics.DutyRate;
import org.tariffscope.basics.Percent;
import org.tariffscope.basics.SpecificDuty;
import org.tariffscope.basics.ValueBase;
import org.tariffscope.schedule.RateReading.Kind;
import org.tariffscope.schedule.RateReading.ProgramRate;

/**
 * Reads the rate texts of the schedule ({@code general}, {@code special} and {@code other}
 * columns, chapters 1-99) into {@link RateReading}s.
 *
 * <p>The grammar is the schedule's own: terms joined by {@code +}, each an ad valorem rate
 * ({@code 2.5%}, {@code 33 1/3%}), possibly on a component ({@code 45% on the case}), or a specific
 * rate ({@code 1.5¢/kg}, {@code $1.035/kg}, {@code 29¢ each}) possibly measured on something
 * ({@code on drained weight}); special-program groups in parentheses; and the chapter 99 forms.
 * Results are cached by text: the 44 revisions hold about 2,300 distinct texts. Thread-safe.
 */
public final class RateText {
  private static final ConcurrentHashMap<String, RateReading> ORDINARY = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, RateReading> CHAPTER_99 = new ConcurrentHashMap<>();

  /** A list of special-program codes in parentheses: {@code (A+,AU,BH, CL)}. */
  private static final Pattern PROGRAM_LIST = Pattern.compile(
      "\\(\\s*([A-Z][A-Z0-9]?[+*]?(?:[\\s,.]+[A-Z][A-Z0-9]?[+*]?)*)[\\s,]*\\)");
  private static final Pattern CH99_ADDITIONAL = Pattern.compile(
      "^the duty (?:rate )?provided (?:for )?in (?:the applicable subheading|subheadings? [0-9., or]+?)"
          + "\\s*(?:(?:\\+|plus)\\s*(.*))?$");
  private static final Pattern UPON_VALUE = Pattern.compile(
      "^(?:a duty of )?(.+?)(?: upon the value of the (steel|aluminum|copper|non-u\\.s\\.|u\\.s\\.) content)?$");
  private static final Pattern AD_VALOREM = Pattern.compile(
      "^(\\d+(?:\\.\\d+)?|\\d+ \\d/\\d)\\s*(?:%|percent)(?:\\s+(.*))?$");
  private static final Pattern SPECIFIC = Pattern.compile(
      "^(\\$)?(\\d*\\.?\\d+)\\s*(¢)?\\s*(?:(each)|/\\s*(.+))(.*)$");
  private static final Pattern SLIDING = Pattern.compile(
      "^(.+?) less .+ for each degree under 100 degrees.*$");

  private RateText() {
  }

  /** Reads a rate text of chapters 1-98 (or the special column of any chapter). */
  public static RateReading parse(String text) {
    String key = text == null ? "" : text;
    RateReading cached = ORDINARY.get(key); // get first: computeIfAbsent locks the bin even when present
    return cached != null ? cached : ORDINARY.computeIfAbsent(key, t -> read(clean(t), false));
  }

  /**
   * Reads the rate text of a chapter 99 heading, where a bare rate is an all-in total and
   * "The duty provided in the applicable subheading + X" an additional duty.
   */
  public static RateReading parseChapter99(String text) {
    String key = text == null ? "" : text;
    RateReading cached = CHAPTER_99.get(key);
    return cached != null ? cached : CHAPTER_99.computeIfAbsent(key, t -> read(clean(t), true));
  }

  /** Removes the markup and line breaks of the USITC export and rejoins hyphenated words. */
  static String clean(String raw) {
    String s = raw.replaceAll("<[^>]*>", "")
        .replace('\u00a0', ' ')
        .replaceAll("\\s+", " ")
        .strip();
    s = s.replaceAll("([a-z])- ([a-z])", "$1$2")
        .replace("provided inthe", "provided in the")
        .replaceAll("(m[23])of ", "$1 of ");
    s = s.replaceAll("\\s*/\\s*$", "");
    if (s.endsWith(".") && !s.endsWith("doz.") && !s.endsWith("pr.")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    return s;
  }

  private static RateReading read(String text, boolean chapter99) {
    if (text.isEmpty() || text.equals(":")) {
      return new RateReading(Kind.BLANK, text, null, null, null, null);
    }
    if (hasProgramGroups(text)) {
      return programs(text, chapter99);
    }
    return single(text, chapter99);
  }

  private static boolean hasProgramGroups(String text) {
    return PROGRAM_LIST.matcher(text).find();
  }

  /** The special column: {@code <rate> (<programs>) <rate> (<programs>) ...}. */
  private static RateReading programs(String text, boolean chapter99) {
    List<ProgramRate> groups = new ArrayList<>();
    Matcher m = PROGRAM_LIST.matcher(text);
    int from = 0;
    while (m.find()) {
      String rateText = text.substring(from, m.start()).strip();
      List<String> codes = new ArrayList<>();
      // The export has typos in these lists ("D,E IL", ",.OM", "(B,C,)"): any run of commas,
      // dots and spaces separates two codes.
      for (String c : m.group(1).split("[\\s,.]+")) {
        codes.add(c.strip());
      }
      RateReading rate = single(rateText, chapter99);
      if (rate.kind() == Kind.UNCLASSIFIED || rate.kind() == Kind.BLANK) {
        return unclassified(text, "cannot read the rate of the group '" + rateText + "'");
      }
      groups.add(new ProgramRate(rate, codes));
      from = m.end();
    }
    if (!text.substring(from).isBlank()) {
      return unclassified(text, "text after the last program group: '" + text.substring(from).strip() + "'");
    }
    return new RateReading(Kind.PROGRAMS, text, null, null, groups, null);
  }

  private static RateReading single(String text, boolean chapter99) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals("no change")) {
      return new RateReading(Kind.ADDITIONAL, text, DutyRate.FREE, ValueBase.FULL, null,
          "no additional duty");
    }
    Matcher ch99 = CH99_ADDITIONAL.matcher(lower);
    if (ch99.matches()) {
      return additional(text, ch99.group(1));
    }
    if (lower.equals("free")) {
      return new RateReading(chapter99 ? Kind.ALL_IN : Kind.RATE, text, DutyRate.FREE, null, null, null);
    }
    RateReading reference = reference(text, lower);
    if (reference != null) {
      return reference;
    }
    RateReading terms = terms(text, lower);
    if (chapter99 && terms.kind() == Kind.RATE) {
      return new RateReading(Kind.ALL_IN, text, terms.rate(), null, null, null);
    }
    return terms;
  }

  /** "The duty provided in the applicable subheading + <rest>". */
  private static RateReading additional(String text, String rest) {
    if (rest == null || rest.isBlank()) {
      return new RateReading(Kind.ADDITIONAL, text, DutyRate.FREE, ValueBase.FULL, null,
          "no additional duty");
    }
    Matcher m = UPON_VALUE.matcher(rest.strip());
    if (!m.matches()) {
      return unclassified(text, "cannot read the additional duty '" + rest + "'");
    }
    ValueBase base = ValueBase.FULL;
    if (m.group(2) != null) {
      base = switch (m.group(2)) {
        case "steel" -> ValueBase.STEEL_CONTENT;
        case "aluminum" -> ValueBase.ALUMINUM_CONTENT;
        case "copper" -> ValueBase.COPPER_CONTENT;
        case "non-u.s." -> ValueBase.NON_US_CONTENT;
        default -> ValueBase.US_CONTENT;
      };
    }
    RateReading duty = terms(text, m.group(1).strip());
    if (duty.kind() != Kind.RATE) {
      return unclassified(text, "cannot read the additional duty '" + rest + "'");
    }
    return new RateReading(Kind.ADDITIONAL, text, duty.rate(), base, null, null);
  }

  /** Texts that send the reader to another provision or value. */
  private static RateReading reference(String text, String lower) {
    String note = null;
    Kind kind = Kind.REFERENCE;
    if (lower.startsWith("the rate applicable") || lower.startsWith("the rate of duty applicable")) {
      note = "the rate of another provision applies (" + text + ")";
    } else if (lower.startsWith("see ")) {
      note = "see the provision referred to";
    } else if (lower.startsWith("the rate provided for") || lower.startsWith("the duty rate provided")) {
      note = "a rate derived from another provision (trade-agreement staging)";
    } else if (lower.startsWith("free (see ")) {
      note = "free under the conditions of " + text.substring(6, text.length() - 1);
    } else if (lower.startsWith("free, ")) {
      note = "free under the conditions stated (" + text.substring(6) + ")";
    } else if (lower.startsWith("a duty equal to") || lower.startsWith("a duty (in lieu")) {
      note = "a duty equal to that on like articles (chapter 98 re-importation)";
    } else if (lower.startsWith("a duty upon")) {
      kind = Kind.OTHER_BASE;
      note = "charged on another value than the customs value: " + text;
    } else if (lower.matches("^\\d+(\\.\\d+)? percent of the (fair retail value|cost of .*)$")) {
      kind = Kind.OTHER_BASE;
      note = "charged on " + lower.substring(lower.indexOf(" of the ") + 4);
    }
    return note == null ? null : new RateReading(kind, text, null, null, null, note);
  }

  /** Terms joined by '+': ad valorem and specific parts, possibly on components. */
  private static RateReading terms(String text, String lower) {
    Matcher sliding = SLIDING.matcher(lower);
    if (sliding.matches()) {
      RateReading first = terms(text, sliding.group(1).strip());
      if (first.kind() == Kind.RATE) {
        return new RateReading(Kind.PARTIAL, text, first.rate(), null, null,
            "varies with the polarity of the sugar (rate shown at 100 degrees)");
      }
      return unclassified(text, "sliding scale not understood");
    }
    Percent adValorem = Percent.ZERO;
    List<SpecificDuty> specifics = new ArrayList<>();
    List<String> partial = new ArrayList<>();
    for (String rawTerm : lower.split("\\+")) {
      String term = rawTerm.strip();
      if (term.isEmpty()) {
        return unclassified(text, "empty term");
      }
      Matcher av = AD_VALOREM.matcher(term);
      if (av.matches()) {
        Percent p = percent(av.group(1));
        String on = av.group(2);
        if (on == null || isWholeArticle(on)) {
          adValorem = adValorem.plus(p);
        } else {
          partial.add(term);
        }
        continue;
      }
      Matcher sp = SPECIFIC.matcher(term);
      if (sp.matches()) {
        SpecificDuty duty = specific(sp);
        if (duty == null) {
          partial.add(term);
        } else {
          specifics.add(duty);
        }
        continue;
      }
      if (term.matches("^\\$?\\d*\\.?\\d+¢? for each .*")) {
        partial.add(term);
        continue;
      }
      return unclassified(text, "term not understood: '" + term + "'");
    }
    DutyRate rate = new DutyRate(adValorem, specifics);
    if (!partial.isEmpty()) {
      return new RateReading(Kind.PARTIAL, text, rate, null, null,
          "parts of the rate apply to components or conditions: " + String.join("; ", partial));
    }
    return new RateReading(Kind.RATE, text, rate, null, null, null);
  }

  private static boolean isWholeArticle(String on) {
    return on.equals("on the full value of the imported article") || on.equals("on the entire set");
  }

  /** A specific term, or null when it depends on more than a quantity ("for each other piece or part, but ..."). */
  private static SpecificDuty specific(Matcher m) {
    BigDecimal amount = new BigDecimal(m.group(2).startsWith(".") ? "0" + m.group(2) : m.group(2));
    boolean dollars = m.group(1) != null;
    boolean cents = m.group(3) != null;
    if (dollars == cents) {
      return null;
    }
    BigDecimal usd = cents ? amount.movePointLeft(2) : amount;
    if (m.group(4) != null) {
      String rest = m.group(6).strip();
      return rest.isEmpty() ? new SpecificDuty(usd, "each", "") : null;
    }
    String unitAndBasis = (m.group(5) + m.group(6)).strip();
    if (unitAndBasis.contains(" but ") || unitAndBasis.startsWith("for each")) {
      return null;
    }
    String[] split = splitUnit(unitAndBasis.replace("1,000", "1000"));
    return new SpecificDuty(usd, split[0], split[1]);
  }

  /** Splits "kg on drained weight" into unit "kg" and basis "on drained weight". */
  private static String[] splitUnit(String s) {
    String[] multiWord = {"pf. liter", "pf.liter", "clean kg", "lin. m", "line/ gross", "line/gross"};
    for (String u : multiWord) {
      if (s.startsWith(u)) {
        String unit = u.replace("pf.liter", "pf. liter").replace("line/ gross", "line/gross");
        return new String[] {unit, s.substring(u.length()).replaceFirst("^,", "").strip()};
      }
    }
    int cut = 0;
    while (cut < s.length() && s.charAt(cut) != ' ' && s.charAt(cut) != ',') {
      cut++;
    }
    String unit = s.substring(0, cut);
    if (unit.equals("m<sup>2</sup>")) {
      unit = "m2";
    }
    String basis = s.substring(cut).replaceFirst("^,", "").strip();
    if (unit.equals("1000") && basis.startsWith("pins")) {
      return new String[] {"1000 pins", basis.substring(4).strip()};
    }
    return new String[] {unit, basis};
  }

  private static Percent percent(String number) {
    if (number.contains("/")) {
      String[] whole = number.split(" ");
      String[] frac = whole[1].split("/");
      BigDecimal f = new BigDecimal(frac[0]).divide(new BigDecimal(frac[1]), MathContext.DECIMAL64);
      return Percent.of(new BigDecimal(whole[0]).add(f));
    }
    return Percent.of(new BigDecimal(number));
  }

  private static RateReading unclassified(String text, String why) {
    return new RateReading(Kind.UNCLASSIFIED, text, null, null, null, why);
  }
}
