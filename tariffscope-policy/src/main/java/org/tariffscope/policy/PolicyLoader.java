package org.tariffscope.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tariffscope.basics.Authority;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.DateInterval;
import org.tariffscope.basics.DutyRate;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.basics.Percent;
import org.tariffscope.basics.ValueBase;
import org.tariffscope.data.CsvTable;
import org.tariffscope.schedule.RateReading;
import org.tariffscope.schedule.RateText;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates a policy book: every {@code policy/**.yaml} file and every product list in
 * {@code policy/lists/}. Never stops at the first problem: returns the measures that are valid and
 * every problem found, each naming its file, line and field (see {@code docs/policy-format.md}).
 */
public final class PolicyLoader {
  private static final Set<String> FILE_FIELDS = Set.of("authority", "description", "instruments", "measures", "base_rates",
      "claims", "not_modelled");
  private static final Set<String> NOT_MODELLED_FIELDS = Set.of("headings", "instrument", "reason");
  private static final Set<String> CLAIM_FIELDS = Set.of("title", "description");
  private static final Set<String> INSTRUMENT_FIELDS = Set.of("title", "citation", "fr_document", "url", "date");
  private static final Set<String> MEASURE_FIELDS = Set.of("heading", "title", "authority", "instruments", "note",
      "from", "until", "until_reason", "published_from", "published_until", "countries", "products", "rate",
      "base", "metal", "when", "yields_to", "yields_whole_to", "tags", "description", "printed_only", "schedule_differs");
  private static final Set<String> PRODUCT_FIELDS = Set.of("include", "lists", "exclude", "exclude_lists");
  private static final Set<String> RATE_FIELDS = Set.of("additional_pct", "floor_pct", "specific");
  private static final Set<String> WHEN_FIELDS = Set.of("usmca_claimed", "mfn_below_pct", "mfn_at_least_pct",
      "us_content_at_least_pct", "claims");
  private static final Set<String> BASE_RATE_FIELDS = Set.of("title", "column", "countries", "from", "until",
      "instruments");

  private final Countries countries;

  public PolicyLoader(Countries countries) {
    this.countries = countries;
  }

  /** The book and every problem found; the book holds only the measures without errors. */
  public record Loaded(PolicyBook book, List<PolicyProblem> problems) {
    public Loaded {
      problems = List.copyOf(problems);
    }

    public List<PolicyProblem> errors() {
      return PolicyProblem.errors(problems);
    }

    public List<PolicyProblem> warnings() {
      return PolicyProblem.warnings(problems);
    }

    /** The book, or an exception listing every error. */
    public PolicyBook orThrow() {
      List<PolicyProblem> errors = errors();
      if (!errors.isEmpty()) {
        throw new PolicyException(errors);
      }
      return book;
    }
  }

  /** Loads the book shipped with Tariffscope. */
  public static Loaded loadEmbedded() {
    return new PolicyLoader(Countries.standard()).load(PolicySource.embedded());
  }

  public Loaded load(PolicySource source) {
    List<PolicyProblem> problems = new ArrayList<>();
    Map<String, ProductList> lists = new TreeMap<>();
    List<String> files = source.files();
    for (String file : files) {
      if (file.startsWith("policy/lists/") && file.endsWith(".csv")) {
        ProductList list = readList(source, file, problems);
        if (list != null) {
          lists.put(list.name(), list);
        }
      }
    }
    List<Measure> measures = new ArrayList<>();
    List<BaseRateRule> baseRates = new ArrayList<>();
    Map<String, Claim> claims = new TreeMap<>();
    List<NotModelled> notModelled = new ArrayList<>();
    List<String> policyFiles = new ArrayList<>();
    Map<String, Integer> idCounts = new HashMap<>();
    for (String file : files) {
      if (!file.endsWith(".yaml") && !file.endsWith(".yml")) {
        continue;
      }
      policyFiles.add(file);
      try (InputStream in = source.open(file); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        readPolicyFile(file, YamlDoc.parse(reader), lists, measures, baseRates, claims, notModelled, idCounts, problems);
      } catch (YamlDoc.SyntaxError e) {
        problems.add(PolicyProblem.error(new SourceLocation(file, e.line()), "", "YAML syntax: " + e.getMessage()));
      } catch (IOException e) {
        problems.add(PolicyProblem.error(new SourceLocation(file, 0), "", "cannot read: " + e.getMessage()));
      }
    }
    new BookChecks(measures, lists, problems).run();
    checkClaims(measures, claims, problems);
    PolicyBook book = new PolicyBook(measures, lists, baseRates, claims, notModelled, policyFiles);
    return new Loaded(book, problems);
  }

  // ---- files --------------------------------------------------------------------------------

  private void readPolicyFile(String file, Node root, Map<String, ProductList> lists, List<Measure> measures,
      List<BaseRateRule> baseRates, Map<String, Claim> claims, List<NotModelled> notModelled,
      Map<String, Integer> idCounts, List<PolicyProblem> problems) {
    if (root == null) {
      problems.add(PolicyProblem.warning(new SourceLocation(file, 1), "", "empty policy file"));
      return;
    }
    Map<String, Node> top = YamlDoc.mapping(root);
    if (top == null) {
      problems.add(PolicyProblem.error(new SourceLocation(file, YamlDoc.line(root)), "",
          "a policy file is a mapping with instruments and measures"));
      return;
    }
    Fields fields = new Fields(file, root, problems);
    fields.rejectUnknown(FILE_FIELDS, "");
    Authority defaultAuthority = null;
    if (top.containsKey("authority")) {
      defaultAuthority = fields.authority("authority", "");
    }
    if (top.containsKey("claims")) {
      readClaims(file, top.get("claims"), claims, problems);
    }
    if (top.containsKey("not_modelled")) {
      readNotModelled(file, top.get("not_modelled"), notModelled, problems);
    }
    if (!top.containsKey("measures") && !top.containsKey("base_rates")) {
      return; // a file of claims or of headings not modelled: no instruments needed
    }
    Map<String, Instrument> instruments = readInstruments(file, top.get("instruments"), problems);
    FileContext ctx = new FileContext(file, defaultAuthority, instruments, lists);
    Node measureNodes = top.get("measures");
    if (measureNodes != null) {
      List<Node> items = YamlDoc.sequence(measureNodes);
      if (items == null) {
        problems.add(PolicyProblem.error(new SourceLocation(file, YamlDoc.line(measureNodes)), "measures",
            "must be a list of measures"));
      } else {
        for (Node item : items) {
          Measure m = readMeasure(ctx, item, idCounts, problems);
          if (m != null) {
            measures.add(m);
          }
        }
      }
    }
    Node baseRateNodes = top.get("base_rates");
    if (baseRateNodes != null) {
      List<Node> items = YamlDoc.sequence(baseRateNodes);
      for (Node item : items == null ? List.<Node>of() : items) {
        BaseRateRule rule = readBaseRate(ctx, item, problems);
        if (rule != null) {
          baseRates.add(rule);
        }
      }
    }
    if (measureNodes == null && baseRateNodes == null) {
      problems.add(PolicyProblem.warning(new SourceLocation(file, 1), "", "no measures"));
    }
  }

  private static void readClaims(String file, Node node, Map<String, Claim> claims, List<PolicyProblem> problems) {
    Map<String, Node> map = YamlDoc.mapping(node);
    if (map == null) {
      problems.add(PolicyProblem.error(new SourceLocation(file, YamlDoc.line(node)), "claims", "must map ids to claims"));
      return;
    }
    map.forEach((id, value) -> {
      Fields f = new Fields(file, value, problems);
      String subject = "claim " + id;
      f.rejectUnknown(CLAIM_FIELDS, subject);
      String title = f.requiredText("title", subject);
      if (!id.matches("[a-z][a-z0-9_]*")) {
        problems.add(PolicyProblem.error(new SourceLocation(file, YamlDoc.line(value)), subject,
            "claim ids are lower case words joined by _"));
      } else if (claims.containsKey(id)) {
        problems.add(PolicyProblem.error(new SourceLocation(file, YamlDoc.line(value)), subject, "defined twice"));
      } else if (title != null) {
        claims.put(id, new Claim(id, title, f.text("description")));
      }
    });
  }

  private static void readNotModelled(String file, Node node, List<NotModelled> out, List<PolicyProblem> problems) {
    List<Node> items = YamlDoc.sequence(node);
    if (items == null) {
      problems.add(PolicyProblem.error(new SourceLocation(file, YamlDoc.line(node)), "not_modelled",
          "must be a list of {headings, reason} or {instrument, reason}"));
      return;
    }
    for (Node item : items) {
      Fields f = new Fields(file, item, problems);
      f.rejectUnknown(NOT_MODELLED_FIELDS, "not_modelled");
      String instrument = f.text("instrument");
      if (instrument != null && !instrument.isBlank()) {
        String reason = f.requiredText("reason", "not_modelled");
        if (f.has("headings")) {
          f.error("headings", "not_modelled", "give either headings or an instrument without a heading, not both");
        } else if (reason != null) {
          out.add(new NotModelled(null, instrument.strip(), reason, new SourceLocation(file, YamlDoc.line(item))));
        }
        continue;
      }
      String headings = f.requiredText("headings", "not_modelled");
      String reason = f.requiredText("reason", "not_modelled");
      if (headings == null || reason == null) {
        continue;
      }
      try {
        StackingRef ref = StackingRef.parse(headings);
        if (ref.kind() != StackingRef.Kind.HEADING || !ref.from().isChapter99()) {
          f.error("headings", "not_modelled", "must be a Chapter 99 heading or range: '" + headings + "'");
        } else {
          out.add(new NotModelled(ref, reason, new SourceLocation(file, YamlDoc.line(item))));
        }
      } catch (InvalidInputException e) {
        f.error("headings", "not_modelled", e.getMessage());
      }
    }
  }

  private static void checkClaims(List<Measure> measures, Map<String, Claim> claims, List<PolicyProblem> problems) {
    for (Measure m : measures) {
      for (String c : m.when().claims()) {
        if (!claims.containsKey(c)) {
          problems.add(PolicyProblem.error(m.source(), m.heading() + " when claims",
              "unknown claim '" + c + "' (defined claims: " + String.join(", ", claims.keySet()) + ")"));
        }
      }
    }
  }

  /** What a measure needs from its file. */
  public record FileContext(String file, Authority defaultAuthority, Map<String, Instrument> instruments,
      Map<String, ProductList> lists) {
  }

  /** The instruments named by their ids in the file's {@code instruments:} table; an unknown id is an error. */
  private static List<Instrument> instruments(FileContext ctx, Fields f, String subject, List<String> ids) {
    List<Instrument> out = new ArrayList<>();
    for (String id : ids) {
      Instrument in = ctx.instruments().get(id);
      if (in == null) {
        f.error("instruments", subject, "unknown instrument '" + id + "' (the file defines "
            + String.join(", ", ctx.instruments().keySet()) + ")");
      } else {
        out.add(in);
      }
    }
    return out;
  }

  private Map<String, Instrument> readInstruments(String file, Node node, List<PolicyProblem> problems) {
    Map<String, Instrument> out = new LinkedHashMap<>();
    if (node == null) {
      problems.add(PolicyProblem.error(new SourceLocation(file, 1), "instruments", "missing: every file cites its instruments"));
      return out;
    }
    Map<String, Node> map = YamlDoc.mapping(node);
    if (map == null) {
      problems.add(PolicyProblem.error(new SourceLocation(file, YamlDoc.line(node)), "instruments",
          "must map ids to instruments"));
      return out;
    }
    map.forEach((id, value) -> {
      Fields f = new Fields(file, value, problems);
      String subject = "instrument " + id;
      if (YamlDoc.mapping(value) == null) {
        problems.add(PolicyProblem.error(new SourceLocation(file, YamlDoc.line(value)), subject, "must be a mapping"));
        return;
      }
      f.rejectUnknown(INSTRUMENT_FIELDS, subject);
      String title = f.requiredText("title", subject);
      String citation = f.requiredText("citation", subject);
      String url = f.requiredText("url", subject);
      if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
        f.error("url", subject, "must be an http(s) address: '" + url + "'");
      }
      LocalDate date = f.date("date", subject);
      if (title != null && citation != null && url != null) {
        out.put(id, new Instrument(id, title, citation, f.text("fr_document"), url, date));
      }
    });
    return out;
  }

  /**
   * Reads one measure node; returns null (after recording the problems) when it is invalid. Public
   * so that scenario overlays read measures exactly as policy files do.
   */
  public Measure readMeasure(FileContext ctx, Node node, Map<String, Integer> idCounts, List<PolicyProblem> problems) {
    String file = ctx.file();
    if (YamlDoc.mapping(node) == null) {
      problems.add(PolicyProblem.error(new SourceLocation(file, YamlDoc.line(node)), "measure", "must be a mapping"));
      return null;
    }
    Fields f = new Fields(file, node, problems);
    int errorsBefore = PolicyProblem.countErrors(problems);
    String headingText = f.requiredText("heading", "measure");
    String subject = headingText == null ? "measure" : headingText;
    f.rejectUnknown(MEASURE_FIELDS, subject);
    HtsCode heading = null;
    if (headingText != null) {
      try {
        heading = HtsCode.parse(headingText);
        if (!heading.isChapter99() || heading.length() < 8) {
          f.error("heading", subject, "must be a Chapter 99 heading such as 9903.01.25");
        }
      } catch (InvalidInputException e) {
        f.error("heading", subject, e.getMessage());
      }
    }
    String title = f.requiredText("title", subject);
    Authority authority = f.has("authority") ? f.authority("authority", subject) : ctx.defaultAuthority();
    if (authority == null && !f.has("authority")) {
      f.error("authority", subject, "missing (and the file sets no default authority)");
    }
    List<Instrument> instruments = new ArrayList<>();
    List<String> instrumentIds = f.requiredList("instruments", subject);
    if (instrumentIds != null) {
      if (instrumentIds.isEmpty()) {
        f.error("instruments", subject, "must cite at least one instrument");
      }
      instruments.addAll(instruments(ctx, f, subject, instrumentIds));
    }
    LocalDate from = f.requiredDate("from", subject);
    LocalDate until = f.date("until", subject);
    DateInterval effective = f.interval(from, until, "until", subject);
    if (until != null && !f.has("until_reason")) {
      f.error("until_reason", subject, "missing: say why the measure ended");
    }
    DateInterval published = null;
    if (f.has("published_from") || f.has("published_until")) {
      LocalDate pFrom = f.has("published_from") ? f.date("published_from", subject) : from;
      LocalDate pUntil = f.has("published_until") ? f.date("published_until", subject) : until;
      published = f.interval(pFrom, pUntil, "published_until", subject);
    }
    CountryScope countryScope = readCountries(f, "countries", subject);
    ProductScope productScope = readProducts(f, ctx, subject);
    MeasureRate rate = readRate(f, subject);
    ValueBase base = readBase(f, subject);
    Conditions when = readWhen(f, subject);
    List<StackingRef> yields = new ArrayList<>();
    List<String> refs = f.list("yields_to", subject);
    for (String ref : refs == null ? List.<String>of() : refs) {
      try {
        yields.add(StackingRef.parse(ref));
      } catch (InvalidInputException e) {
        f.error("yields_to", subject, e.getMessage());
      }
    }
    List<String> wholeRefs = f.list("yields_whole_to", subject);
    for (String ref : wholeRefs == null ? List.<String>of() : wholeRefs) {
      try {
        yields.add(StackingRef.parse(ref, true));
      } catch (InvalidInputException e) {
        f.error("yields_whole_to", subject, e.getMessage());
      }
    }
    Set<String> tags = new LinkedHashSet<>();
    List<String> tagList = f.list("tags", subject);
    for (String t : tagList == null ? List.<String>of() : tagList) {
      tags.add(t.strip().toLowerCase(Locale.ROOT));
    }
    if (PolicyProblem.countErrors(problems) > errorsBefore || heading == null || effective == null || countryScope == null
        || productScope == null || rate == null || title == null || authority == null || instruments.isEmpty()) {
      return null;
    }
    String baseId = heading + "@" + from;
    int n = idCounts.merge(baseId, 1, Integer::sum);
    String id = n == 1 ? baseId : baseId + "#" + n;
    boolean printedOnly = f.has("printed_only") && f.text("printed_only").equalsIgnoreCase("true");
    if (printedOnly && (f.has("published_from") || f.has("published_until"))) {
      f.error("printed_only", subject, "a printed-only measure gives its printed dates as from/until");
      return null;
    }
    return new Measure(id, heading, title, authority, instruments, f.text("note"), effective,
        f.text("until_reason"), published, countryScope, productScope, rate, base, when, yields, tags,
        f.text("description"), printedOnly, f.text("schedule_differs"), new SourceLocation(file, YamlDoc.line(node)));
  }

  /** The fields a scenario's {@code set:} may give to change a measure (the rest is kept). */
  public static final Set<String> CHANGE_FIELDS = Set.of("title", "authority", "instruments", "note", "countries",
      "products", "rate", "base", "metal", "when", "yields_to", "tags", "description");

  /**
   * Reads a scenario's change to a measure: the fields present in {@code node} (a {@code set:}
   * mapping) replace those of {@code original}, read and validated exactly as in a policy file; the
   * others are kept. Returns null (after recording the problems) when a field is invalid.
   *
   * @param id the id of the changed copy
   * @param effective the period of the changed copy
   * @param at where the change was written (becomes the measure's source)
   */
  public Measure readChange(FileContext ctx, Node node, Measure original, String id, DateInterval effective,
      SourceLocation at, List<PolicyProblem> problems) {
    if (YamlDoc.mapping(node) == null) {
      problems.add(PolicyProblem.error(at, "set", "must be a mapping of measure fields"));
      return null;
    }
    Fields f = new Fields(ctx.file(), node, problems);
    String subject = original.heading().toString();
    int before = PolicyProblem.countErrors(problems);
    f.rejectUnknown(CHANGE_FIELDS, subject + " set");
    String title = f.has("title") ? f.requiredText("title", subject) : original.title();
    Authority authority = f.has("authority") ? f.authority("authority", subject) : original.authority();
    List<Instrument> instruments = new ArrayList<>();
    if (f.has("instruments")) {
      List<String> ids = f.list("instruments", subject);
      instruments.addAll(instruments(ctx, f, subject, ids == null ? List.of() : ids));
    } else {
      instruments.addAll(original.instruments());
    }
    CountryScope countryScope = f.has("countries") ? readCountries(f, "countries", subject) : original.countries();
    ProductScope productScope = f.has("products") ? readProducts(f, ctx, subject) : original.products();
    MeasureRate rate = f.has("rate") ? readRate(f, subject) : original.rate();
    ValueBase base = f.has("base") || f.has("metal") ? readBase(f, subject) : original.base();
    Conditions when = f.has("when") ? readWhen(f, subject) : original.when();
    List<StackingRef> yields = new ArrayList<>();
    if (f.has("yields_to")) {
      List<String> refs = f.list("yields_to", subject);
      for (String ref : refs == null ? List.<String>of() : refs) {
        try {
          yields.add(StackingRef.parse(ref));
        } catch (InvalidInputException e) {
          f.error("yields_to", subject, e.getMessage());
        }
      }
    } else {
      yields.addAll(original.yieldsTo());
    }
    Set<String> tags = new LinkedHashSet<>();
    if (f.has("tags")) {
      List<String> tagList = f.list("tags", subject);
      for (String t : tagList == null ? List.<String>of() : tagList) {
        tags.add(t.strip().toLowerCase(Locale.ROOT));
      }
    } else {
      tags.addAll(original.tags());
    }
    if (PolicyProblem.countErrors(problems) > before || title == null || authority == null || countryScope == null
        || productScope == null || rate == null || base == null || when == null || instruments.isEmpty()) {
      return null;
    }
    return new Measure(id, original.heading(), title, authority, instruments, f.has("note") ? f.text("note") : original.note(),
        effective, original.untilReason(), effective, countryScope, productScope, rate, base, when, yields, tags,
        f.has("description") ? f.text("description") : original.description(), false, "", at);
  }

  /**
   * The checks that need a whole book (contradictory measures of one heading, stacking cycles,
   * references to headings no measure has), for a book assembled outside the loader (a scenario's).
   */
  public static List<PolicyProblem> checkBook(List<Measure> measures, Map<String, ProductList> lists) {
    List<PolicyProblem> problems = new ArrayList<>();
    new BookChecks(measures, lists, problems).run();
    return problems;
  }

  private CountryScope readCountries(Fields f, String field, String subject) {
    Node node = f.node(field);
    if (node == null) {
      f.error(field, subject, "missing: all, {only: [...]} or {except: [...]}");
      return null;
    }
    String scalar = YamlDoc.scalar(node);
    if (scalar != null) {
      if (scalar.strip().equalsIgnoreCase("all")) {
        return CountryScope.ALL;
      }
      f.error(field, subject, "must be all, {only: [...]} or {except: [...]}, not '" + scalar + "'");
      return null;
    }
    Map<String, Node> map = YamlDoc.mapping(node);
    if (map == null || map.size() != 1 || !(map.containsKey("only") || map.containsKey("except"))) {
      f.error(field, subject, "must be all, {only: [...]} or {except: [...]}");
      return null;
    }
    boolean only = map.containsKey("only");
    List<String> names = YamlDoc.scalars(map.get(only ? "only" : "except"));
    if (names == null || names.isEmpty()) {
      f.error(field, subject, "needs a list of countries");
      return null;
    }
    Set<Country> members = new LinkedHashSet<>();
    boolean ok = true;
    for (String name : names) {
      try {
        members.addAll(countries.parseMembers(name));
      } catch (InvalidInputException e) {
        f.error(field, subject, e.getMessage());
        ok = false;
      }
    }
    return ok ? new CountryScope(only ? CountryScope.Kind.ONLY : CountryScope.Kind.EXCEPT, members, names) : null;
  }

  private ProductScope readProducts(Fields f, FileContext ctx, String subject) {
    Node node = f.node("products");
    if (node == null) {
      f.error("products", subject, "missing: all or {include, lists, exclude, exclude_lists}");
      return null;
    }
    String scalar = YamlDoc.scalar(node);
    if (scalar != null) {
      if (scalar.strip().equalsIgnoreCase("all")) {
        return ProductScope.ALL;
      }
      f.error("products", subject, "must be all or a mapping, not '" + scalar + "'");
      return null;
    }
    Fields p = new Fields(f.file, node, f.problems);
    if (YamlDoc.mapping(node) == null) {
      f.error("products", subject, "must be all or a mapping");
      return null;
    }
    p.rejectUnknown(PRODUCT_FIELDS, subject + " products");
    List<String> include = prefixes(p, "include", subject);
    List<String> lists = listNames(p, ctx, "lists", subject);
    List<String> exclude = prefixes(p, "exclude", subject);
    List<String> excludeLists = listNames(p, ctx, "exclude_lists", subject);
    if (include == null || lists == null || exclude == null || excludeLists == null) {
      return null;
    }
    boolean all = include.isEmpty() && lists.isEmpty();
    if (all && exclude.isEmpty() && excludeLists.isEmpty()) {
      f.error("products", subject, "names no products: use 'all' for every product");
      return null;
    }
    return new ProductScope(all, include, lists, exclude, excludeLists);
  }

  private static List<String> prefixes(Fields f, String field, String subject) {
    List<String> raw = f.list(field, subject);
    if (raw == null) {
      return f.has(field) ? null : List.of();
    }
    List<String> out = new ArrayList<>();
    for (String r : raw) {
      try {
        out.add(HtsCode.parse(r).digits());
      } catch (InvalidInputException e) {
        f.error(field, subject, e.getMessage());
        return null;
      }
    }
    return out;
  }

  private static List<String> listNames(Fields f, FileContext ctx, String field, String subject) {
    List<String> raw = f.list(field, subject);
    if (raw == null) {
      return f.has(field) ? null : List.of();
    }
    for (String name : raw) {
      if (!ctx.lists().containsKey(name)) {
        f.error(field, subject, "unknown product list '" + name + "' (no policy/lists/" + name + ".csv)");
        return null;
      }
    }
    return raw;
  }

  private static MeasureRate readRate(Fields f, String subject) {
    Node node = f.node("rate");
    Map<String, Node> map = node == null ? null : YamlDoc.mapping(node);
    if (map == null || map.size() != 1) {
      f.error("rate", subject, "must be one of {additional_pct: N}, {floor_pct: N}, {specific: \"1.5¢/kg\"}");
      return null;
    }
    Fields r = new Fields(f.file, node, f.problems);
    r.rejectUnknown(RATE_FIELDS, subject + " rate");
    if (map.containsKey("additional_pct")) {
      Percent p = r.percent("additional_pct", subject);
      return p == null ? null : new MeasureRate.Additional(p);
    }
    if (map.containsKey("floor_pct")) {
      Percent p = r.percent("floor_pct", subject);
      return p == null ? null : new MeasureRate.Floor(p);
    }
    if (map.containsKey("specific")) {
      String text = r.text("specific");
      RateReading reading = RateText.parse(text);
      if (reading.kind() != RateReading.Kind.RATE || !reading.rate().hasSpecific()) {
        r.error("specific", subject, "not a specific rate: '" + text + "'");
        return null;
      }
      DutyRate rate = reading.rate();
      return new MeasureRate.Specific(rate);
    }
    return null;
  }

  private static ValueBase readBase(Fields f, String subject) {
    String base = f.text("base");
    String metal = f.text("metal");
    if (base.isEmpty()) {
      if (!metal.isEmpty()) {
        f.error("metal", subject, "only with base: metal_content");
      }
      return ValueBase.FULL;
    }
    if (base.equals("metal_content")) {
      switch (metal) {
        case "steel":
          return ValueBase.STEEL_CONTENT;
        case "aluminum":
        case "aluminium":
          return ValueBase.ALUMINUM_CONTENT;
        case "copper":
          return ValueBase.COPPER_CONTENT;
        default:
          f.error("metal", subject, "with base: metal_content, metal must be steel, aluminum or copper");
          return null;
      }
    }
    try {
      return ValueBase.parse(base);
    } catch (InvalidInputException e) {
      f.error("base", subject, e.getMessage());
      return null;
    }
  }

  private static Conditions readWhen(Fields f, String subject) {
    Node node = f.node("when");
    if (node == null) {
      return Conditions.NONE;
    }
    if (YamlDoc.mapping(node) == null) {
      f.error("when", subject, "must be a mapping of conditions");
      return null;
    }
    Fields w = new Fields(f.file, node, f.problems);
    w.rejectUnknown(WHEN_FIELDS, subject + " when");
    Boolean usmca = null;
    if (w.has("usmca_claimed")) {
      String v = w.text("usmca_claimed").toLowerCase(Locale.ROOT);
      if (v.equals("true") || v.equals("false")) {
        usmca = Boolean.valueOf(v);
      } else {
        w.error("usmca_claimed", subject, "must be true or false");
      }
    }
    List<String> claimIds = w.has("claims") ? w.list("claims", subject) : List.of();
    return new Conditions(usmca,
        w.has("mfn_below_pct") ? w.percent("mfn_below_pct", subject) : null,
        w.has("mfn_at_least_pct") ? w.percent("mfn_at_least_pct", subject) : null,
        w.has("us_content_at_least_pct") ? w.percent("us_content_at_least_pct", subject) : null,
        claimIds == null ? List.of() : claimIds);
  }

  private BaseRateRule readBaseRate(FileContext ctx, Node node, List<PolicyProblem> problems) {
    Fields f = new Fields(ctx.file(), node, problems);
    String subject = "base rate";
    if (YamlDoc.mapping(node) == null) {
      f.error("base_rates", subject, "must be a mapping");
      return null;
    }
    int before = PolicyProblem.countErrors(problems);
    f.rejectUnknown(BASE_RATE_FIELDS, subject);
    String title = f.requiredText("title", subject);
    String column = f.requiredText("column", subject);
    if (column != null && !column.equals("other")) {
      f.error("column", subject, "only 'other' (column 2) is supported");
    }
    CountryScope scope = readCountries(f, "countries", subject);
    LocalDate from = f.requiredDate("from", subject);
    DateInterval interval = f.interval(from, f.date("until", subject), "until", subject);
    List<Instrument> instruments = new ArrayList<>();
    List<String> ids = f.requiredList("instruments", subject);
    for (String id : ids == null ? List.<String>of() : ids) {
      Instrument in = ctx.instruments().get(id);
      if (in == null) {
        f.error("instruments", subject, "unknown instrument '" + id + "'");
      } else {
        instruments.add(in);
      }
    }
    if (PolicyProblem.countErrors(problems) > before || scope == null || interval == null) {
      return null;
    }
    return new BaseRateRule(column, scope, interval, title, instruments, new SourceLocation(ctx.file(), YamlDoc.line(node)));
  }

  // ---- product lists ------------------------------------------------------------------------

  private static ProductList readList(PolicySource source, String file, List<PolicyProblem> problems) {
    String name = file.substring(file.lastIndexOf('/') + 1, file.length() - 4);
    CsvTable table;
    String sourceNote;
    try (InputStream in = source.open(file)) {
      byte[] bytes = in.readAllBytes();
      sourceNote = leadingComments(new String(bytes, StandardCharsets.UTF_8));
      table = CsvTable.read(file, new java.io.ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      problems.add(PolicyProblem.error(new SourceLocation(file, 0), "list " + name, "cannot read: " + e.getMessage()));
      return null;
    }
    if (!table.hasColumn("hts")) {
      problems.add(PolicyProblem.error(new SourceLocation(file, 1), "list " + name, "needs a column 'hts'"));
      return null;
    }
    if (sourceNote.isBlank()) {
      problems.add(PolicyProblem.warning(new SourceLocation(file, 1), "list " + name,
          "no leading # comment naming the list's source"));
    }
    List<ProductList.Entry> entries = new ArrayList<>();
    int errors = 0;
    for (CsvTable.Row row : table.rows()) {
      SourceLocation at = new SourceLocation(file, row.line());
      try {
        HtsCode code = HtsCode.parse(row.get("hts"));
        LocalDate from = row.optional("from").map(LocalDate::parse).orElse(LocalDate.of(1900, 1, 1));
        LocalDate until = row.optional("until").map(LocalDate::parse).orElse(null);
        entries.add(new ProductList.Entry(code, DateInterval.of(from, until), row.get("note"), row.line()));
      } catch (InvalidInputException | DateTimeParseException e) {
        problems.add(PolicyProblem.error(at, "list " + name, e.getMessage()));
        errors++;
      }
    }
    return errors > 0 ? null : new ProductList(name, entries, sourceNote, file);
  }

  private static String leadingComments(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n", 40)) {
      if (!line.startsWith("#")) {
        break;
      }
      sb.append(line.substring(1).strip()).append(' ');
    }
    return sb.toString().strip();
  }

  // ---- field access with messages --------------------------------------------------------------

  /** The policy files' field kinds over {@link YamlFields}: lists, intervals, rates, authorities. */
  static final class Fields extends YamlFields {
    Fields(String file, Node node, List<PolicyProblem> problems) {
      super(file, node, problems);
    }

    List<String> list(String field, String subject) {
      Node n = node(field);
      if (n == null) {
        return null;
      }
      List<String> items = YamlDoc.scalars(n);
      if (items == null) {
        error(field, subject, "must be a list of texts");
      }
      return items;
    }

    List<String> requiredList(String field, String subject) {
      if (!has(field)) {
        error(field, subject, "missing");
        return null;
      }
      return list(field, subject);
    }

    DateInterval interval(LocalDate from, LocalDate until, String untilField, String subject) {
      if (from == null) {
        return null;
      }
      if (until != null && !until.isAfter(from)) {
        error(untilField, subject, "dates out of order: " + until + " is not after " + from);
        return null;
      }
      return DateInterval.of(from, until);
    }

    Percent percent(String field, String subject) {
      String s = text(field).replace("%", "").strip();
      try {
        BigDecimal v = new BigDecimal(s);
        if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(1000)) > 0) {
          error(field, subject, "rate out of range (0 to 1000%): " + s);
          return null;
        }
        return Percent.of(v);
      } catch (NumberFormatException e) {
        error(field, subject, "not a percentage: '" + s + "'");
        return null;
      }
    }

    Authority authority(String field, String subject) {
      try {
        return Authority.parse(text(field));
      } catch (InvalidInputException e) {
        error(field, subject, e.getMessage());
        return null;
      }
    }
  }
}
