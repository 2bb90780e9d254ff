package org.tariffscope.scenarios;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.DateInterval;
import org.tariffscope.basics.InvalidInputException;
import org.tariffscope.data.EmbeddedData;
import org.tariffscope.policy.CountryScope;
import org.tariffscope.policy.Instrument;
import org.tariffscope.policy.Measure;
import org.tariffscope.policy.PolicyBook;
import org.tariffscope.policy.PolicyLoader;
import org.tariffscope.policy.PolicyProblem;
import org.tariffscope.policy.SourceLocation;
import org.tariffscope.policy.StackingRef;
import org.tariffscope.policy.YamlDoc;
import org.tariffscope.policy.YamlFields;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates scenario files ({@code scenarios/*.yaml}, or any file) and derives each
 * scenario's policy book from the actual book or from its base scenario, by its edits. Never stops
 * at the first problem; every problem names the file, the line and the field. See
 * {@code docs/scenarios.md} for the format. Thread-safe (holds only immutable inputs).
 */
public final class ScenarioLoader {
  /** First and last day a scenario may be evaluated on (the data covers 2025 and 2026). */
  public static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
  public static final LocalDate END = LocalDate.of(2027, 1, 1);

  private static final Set<String> FIELDS = Set.of("name", "title", "description", "base", "partner", "evaluate",
      "instruments", "edits", "commitments", "exchange_rate", "model");
  private static final Set<String> EVALUATE_FIELDS = Set.of("date", "from", "until");
  private static final Set<String> INSTRUMENT_FIELDS = Set.of("title", "citation", "url", "date", "fr_document");
  private static final Set<String> END_FIELDS = Set.of("end", "on", "origins", "reason");
  private static final Set<String> CHANGE_FIELDS = Set.of("change", "from", "until", "origins", "set", "reason");
  private static final Set<String> ADD_FIELDS = Set.of("add");
  private static final Set<String> COMMITMENT_FIELDS = Set.of("purchases", "barrier_cuts");
  private static final Set<String> PURCHASE_FIELDS = Set.of("chapters", "usd_per_year", "additional_share", "note");
  private static final Set<String> CUT_FIELDS = Set.of("kind", "chapters", "ave_cut_pct", "ave_before_pct",
      "us_exports_2024_usd", "source");
  private static final Set<String> FX_FIELDS = Set.of("change_pct", "pass_through");
  private static final Set<String> MODEL_FIELDS = Set.of("import_demand_elasticity", "import_demand_by_chapter",
      "substitution_scale", "export_supply_elasticity", "tariff_pass_through", "consumer_import_share",
      "reference_date", "sigma_spread", "eta_spread");

  private final PolicyBook actual;
  private final Countries countries;
  private final PolicyLoader policyLoader;
  private final PartnerExports exports;

  public ScenarioLoader(PolicyBook actual, Countries countries) {
    this.actual = actual;
    this.countries = countries;
    this.policyLoader = new PolicyLoader(countries);
    this.exports = PartnerExports.load(countries);
  }

  /** A scenario as loaded, with every problem found; the scenario is null when there are errors. */
  public record Loaded(Scenario scenario, List<PolicyProblem> problems) {
    public Loaded {
      problems = List.copyOf(problems);
    }

    public List<PolicyProblem> errors() {
      return PolicyProblem.errors(problems);
    }

    public List<PolicyProblem> warnings() {
      return PolicyProblem.warnings(problems);
    }

    /** The scenario, or an exception naming the first error. */
    public Scenario orThrow() {
      if (scenario == null || !errors().isEmpty()) {
        throw new ScenarioException(errors());
      }
      return scenario;
    }
  }

  /** The names of the scenarios shipped in {@code scenarios/}, sorted. */
  public static List<String> shipped() {
    List<String> names = new ArrayList<>();
    for (String f : EmbeddedData.list("scenarios")) {
      String base = f.substring(f.lastIndexOf('/') + 1);
      if (base.endsWith(".yaml") && !f.substring("scenarios/".length()).contains("/")) {
        names.add(base.substring(0, base.length() - 5));
      }
    }
    names.sort(null);
    return names;
  }

  /**
   * Loads a scenario named by a path to a file, or by the name of a shipped scenario
   * ({@code japan-deal}).
   *
   * @throws InvalidInputException when it is neither
   */
  public Loaded load(String pathOrName) {
    String text = pathOrName == null ? "" : pathOrName.strip();
    if (text.isEmpty()) {
      throw new InvalidInputException("A scenario is required: a .yaml file or the name of a shipped scenario ("
          + String.join(", ", shipped()) + ")");
    }
    Path path = Path.of(text);
    if (Files.isRegularFile(path)) {
      return load(path);
    }
    if (text.matches("[a-z0-9][a-z0-9-]*") && EmbeddedData.exists("scenarios/" + text + ".yaml")) {
      return load(shippedSource(text), new ArrayDeque<>());
    }
    if (Files.isDirectory(path)) {
      throw new InvalidInputException("'" + text + "' is a folder: give a scenario .yaml file");
    }
    throw new InvalidInputException("No scenario file or shipped scenario '" + text + "' (shipped: "
        + String.join(", ", shipped()) + ")", shipped());
  }

  /** Loads a scenario file. */
  public Loaded load(Path file) {
    return load(fileSource(file), new ArrayDeque<>());
  }

  /** Loads a scenario given as text (e.g. posted to the HTTP API), named {@code file} in messages. */
  public Loaded loadText(String file, String yaml) {
    return load(new Source(file, null, null, () -> new StringReader(yaml)), new ArrayDeque<>());
  }

  // ---- sources ------------------------------------------------------------------------------

  private interface ReaderSupplier {
    Reader open() throws IOException;
  }

  /** Where a scenario's text comes from: its name in messages, the name it must carry, its folder. */
  private record Source(String file, String stem, Path folder, ReaderSupplier reader) {
  }

  private static Source shippedSource(String name) {
    String file = "scenarios/" + name + ".yaml";
    return new Source(file, name, null, () -> new java.io.InputStreamReader(EmbeddedData.open(file), StandardCharsets.UTF_8));
  }

  private static Source fileSource(Path file) {
    String name = file.getFileName().toString();
    String stem = name.endsWith(".yaml") ? name.substring(0, name.length() - 5)
        : name.endsWith(".yml") ? name.substring(0, name.length() - 4) : null;
    Path folder = file.toAbsolutePath().getParent();
    return new Source(file.toString(), stem, folder, () -> Files.newBufferedReader(file, StandardCharsets.UTF_8));
  }

  /** A base scenario: beside the file that names it, else shipped. */
  private static Source baseSource(Source from, String name) {
    if (from.folder() != null) {
      Path sibling = from.folder().resolve(name + ".yaml");
      if (Files.isRegularFile(sibling)) {
        String shown = from.file().contains("/") ? from.file().substring(0, from.file().lastIndexOf('/') + 1) + name + ".yaml"
            : name + ".yaml";
        return new Source(shown, name, from.folder(), () -> Files.newBufferedReader(sibling, StandardCharsets.UTF_8));
      }
    }
    if (EmbeddedData.exists("scenarios/" + name + ".yaml")) {
      return shippedSource(name);
    }
    return null;
  }

  // ---- reading ------------------------------------------------------------------------------

  private Loaded load(Source src, Deque<String> chain) {
    List<PolicyProblem> problems = new ArrayList<>();
    Node root;
    try (Reader reader = src.reader().open()) {
      root = YamlDoc.parse(reader);
    } catch (YamlDoc.SyntaxError e) {
      problems.add(PolicyProblem.error(new SourceLocation(src.file(), e.line()), "", "YAML syntax: " + e.getMessage()));
      return new Loaded(null, problems);
    } catch (IOException e) {
      problems.add(PolicyProblem.error(new SourceLocation(src.file(), 0), "", "cannot read: " + e.getMessage()));
      return new Loaded(null, problems);
    }
    if (root == null || YamlDoc.mapping(root) == null) {
      problems.add(PolicyProblem.error(new SourceLocation(src.file(), root == null ? 1 : YamlDoc.line(root)), "",
          "a scenario is a mapping with name, title, evaluate and edits (see docs/scenarios.md)"));
      return new Loaded(null, problems);
    }
    Fields f = new Fields(src.file(), root, problems);
    f.rejectUnknown(FIELDS, "");
    String name = f.requiredText("name", "");
    if (name != null && !name.matches("[a-z0-9][a-z0-9-]*")) {
      f.error("name", "", "lower-case letters, digits and hyphens only: '" + name + "'");
      name = null;
    } else if (name != null && src.stem() != null && !name.equals(src.stem())) {
      f.error("name", "", "'" + name + "' must match the file name (" + src.stem() + ".yaml)");
    }
    String title = f.has("title") ? f.requiredText("title", "") : null;
    String description = f.text("description");

    // the base: the actual book, or another scenario (loaded first, cycles refused)
    String baseName = f.has("base") ? f.text("base") : Scenario.ACTUAL;
    Scenario base = null;
    if (!baseName.equals(Scenario.ACTUAL)) {
      String self = name != null ? name : src.stem();
      if (baseName.equals(self) || chain.contains(baseName)) {
        List<String> cycle = new ArrayList<>(chain);
        cycle.add(self);
        cycle.add(baseName);
        f.error("base", "", "scenarios build on each other in a circle: " + String.join(" -> ", cycle));
        return new Loaded(null, problems);
      }
      Source bs = baseSource(src, baseName);
      if (bs == null) {
        f.error("base", "", "unknown base scenario '" + baseName + "' (use 'actual' or one of: "
            + String.join(", ", shipped()) + ")");
        return new Loaded(null, problems);
      }
      chain.addLast(self);
      Loaded loadedBase = load(bs, chain);
      chain.removeLast();
      if (!loadedBase.errors().isEmpty()) {
        f.error("base", "", "base scenario '" + baseName + "' has " + loadedBase.errors().size()
            + " error(s); first: " + loadedBase.errors().get(0));
        return new Loaded(null, problems);
      }
      base = loadedBase.scenario();
    }

    Country partner = base == null ? null : base.partner();
    if (f.has("partner")) {
      try {
        partner = countries.parse(f.text("partner"));
        if (exports.of(partner).isEmpty()) {
          f.error("partner", "", "no 2024 US export figure for " + partner.name() + " in " + PartnerExports.FILE
              + " (partners with one: " + String.join(", ", exports.partners().stream().map(Country::iso2).sorted().toList())
              + ")");
        }
      } catch (InvalidInputException e) {
        f.error("partner", "", e.getMessage());
      }
    }
    DateInterval evaluation = base == null ? null : base.evaluation();
    if (f.has("evaluate")) {
      evaluation = readEvaluation(f, problems);
    } else if (base == null) {
      f.error("evaluate", "", "missing: { date: 2025-10-01 } or { from: ..., until: ... }");
    }

    Map<String, Instrument> instruments = readInstruments(f, problems);
    PolicyBook baseBook = base == null ? actual : base.book();
    List<Scenario.EditSummary> summaries = new ArrayList<>(base == null ? List.of() : base.edits());
    EditContext ctx = new EditContext(src.file(), name == null ? "scenario" : name, instruments, baseBook);
    if (f.has("edits")) {
      List<Node> items = YamlDoc.sequence(f.node("edits"));
      if (items == null) {
        f.error("edits", "", "must be a list of edits (add, change or end)");
      } else {
        for (Node item : items) {
          applyEdit(ctx, item, summaries, problems);
        }
      }
    }
    PolicyBook book = baseBook;
    if (ctx.edited) {
      for (PolicyProblem p : PolicyLoader.checkBook(ctx.measures, baseBook.lists())) {
        if (p.isError() || p.location().file().equals(src.file())) {
          problems.add(p);
        }
      }
      try {
        book = baseBook.with(ctx.measures, baseBook.lists());
      } catch (IllegalArgumentException e) {
        problems.add(PolicyProblem.error(new SourceLocation(src.file(), f.lineOf("edits")), "edits", e.getMessage()));
      }
    }

    Scenario.Commitments commitments = base == null ? Scenario.Commitments.NONE : base.commitments();
    if (f.has("commitments")) {
      commitments = commitments.plus(readCommitments(f, problems));
    }
    Scenario.ExchangeRate fx = base == null ? null : base.exchangeRate();
    if (f.has("exchange_rate")) {
      fx = readExchangeRate(f, problems);
    }
    ModelSettings model = readModel(f, base == null ? ModelSettings.DEFAULTS : base.model(), problems);
    if (partner == null && (!commitments.isEmpty() || fx != null)) {
      problems.add(PolicyProblem.error(new SourceLocation(src.file(), f.lineOf(f.has("commitments") ? "commitments"
          : "exchange_rate")), "partner", "commitments and exchange-rate changes need a partner (e.g. partner: JP)"));
    }
    boolean hasErrors = problems.stream().anyMatch(PolicyProblem::isError);
    if (hasErrors || name == null || evaluation == null) {
      return new Loaded(null, problems);
    }
    Scenario s = new Scenario(name, title, description, src.file(), baseName, book, summaries, partner, evaluation,
        commitments, fx, model);
    return new Loaded(s, problems);
  }

  private DateInterval readEvaluation(Fields top, List<PolicyProblem> problems) {
    Node node = top.node("evaluate");
    if (YamlDoc.mapping(node) == null) {
      top.error("evaluate", "", "must be { date: YYYY-MM-DD } or { from: ..., until: ... }");
      return null;
    }
    Fields f = new Fields(top.file, node, problems);
    f.rejectUnknown(EVALUATE_FIELDS, "evaluate");
    if (f.has("date") == (f.has("from") || f.has("until"))) {
      top.error("evaluate", "", "give either date, or from and until");
      return null;
    }
    if (f.has("date")) {
      LocalDate d = f.date("date", "evaluate");
      if (d == null) {
        return null;
      }
      if (d.isBefore(FIRST_DAY) || !d.isBefore(END)) {
        f.error("date", "evaluate", "out of range: scenarios are evaluated from " + FIRST_DAY + " to "
            + END.minusDays(1) + ", not " + d);
        return null;
      }
      return DateInterval.of(d, d.plusDays(1));
    }
    LocalDate from = f.requiredDate("from", "evaluate");
    LocalDate until = f.requiredDate("until", "evaluate");
    if (from == null || until == null) {
      return null;
    }
    if (!until.isAfter(from)) {
      f.error("until", "evaluate", "dates out of order: " + until + " is not after " + from);
      return null;
    }
    if (from.isBefore(FIRST_DAY) || until.isAfter(END)) {
      f.error(from.isBefore(FIRST_DAY) ? "from" : "until", "evaluate", "out of range: scenarios are evaluated from "
          + FIRST_DAY + " to " + END.minusDays(1));
      return null;
    }
    return DateInterval.of(from, until);
  }

  private Map<String, Instrument> readInstruments(Fields top, List<PolicyProblem> problems) {
    Map<String, Instrument> out = new LinkedHashMap<>();
    if (!top.has("instruments")) {
      return out;
    }
    Map<String, Node> map = YamlDoc.mapping(top.node("instruments"));
    if (map == null) {
      top.error("instruments", "", "must map ids to instruments ({title, citation, url})");
      return out;
    }
    map.forEach((id, value) -> {
      Fields f = new Fields(top.file, value, problems);
      String subject = "instrument " + id;
      if (YamlDoc.mapping(value) == null) {
        problems.add(PolicyProblem.error(new SourceLocation(top.file, YamlDoc.line(value)), subject, "must be a mapping"));
        return;
      }
      f.rejectUnknown(INSTRUMENT_FIELDS, subject);
      String title = f.requiredText("title", subject);
      String citation = f.requiredText("citation", subject);
      String url = f.requiredText("url", subject);
      if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
        f.error("url", subject, "must be an http(s) address: '" + url + "'");
        url = null;
      }
      LocalDate date = f.has("date") ? f.date("date", subject) : null;
      if (title != null && citation != null && url != null) {
        out.put(id, new Instrument(id, title, citation, f.text("fr_document"), url, date));
      }
    });
    return out;
  }

  // ---- edits --------------------------------------------------------------------------------

  /** The book being edited: its measures, and which edit last touched each heading (for messages). */
  private final class EditContext {
    final String file;
    final String scenario;
    final PolicyLoader.FileContext files;
    final List<Measure> measures;
    final Map<String, Integer> touchedAt = new HashMap<>();
    final Map<String, Integer> idCounts = new HashMap<>();
    int copies;
    boolean edited;

    EditContext(String file, String scenario, Map<String, Instrument> instruments, PolicyBook base) {
      this.file = file;
      this.scenario = scenario;
      this.files = new PolicyLoader.FileContext(file, null, instruments, base.lists());
      this.measures = new ArrayList<>(base.measures());
    }

    String newId(Measure m) {
      copies++;
      String root = m.id().contains("~") ? m.id().substring(0, m.id().indexOf('~')) : m.id();
      return root + "~" + scenario + "." + copies;
    }
  }

  private void applyEdit(EditContext ctx, Node item, List<Scenario.EditSummary> summaries, List<PolicyProblem> problems) {
    Fields f = new Fields(ctx.file, item, problems);
    Map<String, Node> map = YamlDoc.mapping(item);
    if (map == null) {
      problems.add(PolicyProblem.error(new SourceLocation(ctx.file, YamlDoc.line(item)), "edits",
          "each edit is a mapping starting with add:, change: or end:"));
      return;
    }
    List<String> kinds = map.keySet().stream().filter(k -> k.equals("add") || k.equals("change") || k.equals("end")).toList();
    if (kinds.size() != 1) {
      problems.add(PolicyProblem.error(new SourceLocation(ctx.file, YamlDoc.line(item)), "edits",
          kinds.isEmpty() ? "an edit needs one of add:, change: or end: (fields: " + String.join(", ", new TreeSet<>(map.keySet())) + ")"
              : "an edit is one of add:, change: or end:, not " + String.join(" and ", kinds)));
      return;
    }
    int line = YamlDoc.line(item);
    SourceLocation at = new SourceLocation(ctx.file, line);
    switch (kinds.get(0)) {
      case "add" -> {
        f.rejectUnknown(ADD_FIELDS, "add");
        int before = PolicyProblem.countErrors(problems);
        Measure m = policyLoader.readMeasure(ctx.files, f.node("add"), ctx.idCounts, problems);
        if (m == null || PolicyProblem.countErrors(problems) > before) {
          return;
        }
        if (m.effective().start().isBefore(FIRST_DAY)) {
          problems.add(PolicyProblem.error(at, m.heading() + " from", "a scenario's measures start on or after " + FIRST_DAY));
          return;
        }
        Measure added = copy(m, ctx.newId(m), m.effective(), m.countries(), m.untilReason(),
            new SourceLocation(ctx.file, YamlDoc.line(f.node("add"))));
        ctx.measures.add(added);
        ctx.touchedAt.put(m.heading().digits(), line);
        ctx.edited = true;
        summaries.add(new Scenario.EditSummary("add", "add " + m.heading() + " " + m.rate() + " for " + m.countries()
            + " from " + m.effective().start() + (m.effective().isOpen() ? "" : " until " + m.effective().endExclusive()), at));
      }
      case "end" -> {
        f.rejectUnknown(END_FIELDS, "end");
        StackingRef ref = selector(f, "end");
        LocalDate on = f.requiredDate("on", "end");
        Set<Country> origins = origins(f, "end");
        String reason = f.has("reason") ? f.text("reason") : "ended by scenario " + ctx.scenario;
        if (ref == null || on == null || origins == null) {
          return;
        }
        if (on.isBefore(FIRST_DAY)) {
          f.error("on", "end", "a scenario's edits take effect on or after " + FIRST_DAY);
          return;
        }
        List<Measure> hits = select(ctx, f, "end", ref, DateInterval.from(on), origins);
        if (hits == null) {
          return;
        }
        for (Measure m : hits) {
          ctx.measures.remove(m);
          DateInterval e = m.effective();
          if (e.start().isBefore(on)) {
            ctx.measures.add(copy(m, ctx.newId(m), DateInterval.of(e.start(), on), m.countries(), reason, m.source()));
          }
          if (!origins.isEmpty()) {
            CountryScope rest = minus(m.countries(), origins);
            if (rest != null) {
              LocalDate start = e.start().isAfter(on) ? e.start() : on;
              ctx.measures.add(copy(m, ctx.newId(m), DateInterval.of(start, e.endExclusive()), rest, m.untilReason(), at));
            }
          }
          ctx.touchedAt.put(m.heading().digits(), line);
        }
        ctx.edited = true;
        summaries.add(new Scenario.EditSummary("end", "end " + ref + forOrigins(origins) + " on " + on, at));
      }
      default -> {
        f.rejectUnknown(CHANGE_FIELDS, "change");
        StackingRef ref = selector(f, "change");
        LocalDate from = f.requiredDate("from", "change");
        LocalDate until = f.has("until") ? f.date("until", "change") : null;
        Set<Country> origins = origins(f, "change");
        Node set = f.node("set");
        if (set == null) {
          f.error("set", "change", "missing: the fields that change, e.g. set: { rate: { additional_pct: 25 } }");
        }
        if (ref == null || from == null || origins == null || set == null || (f.has("until") && until == null)) {
          return;
        }
        if (from.isBefore(FIRST_DAY)) {
          f.error("from", "change", "a scenario's edits take effect on or after " + FIRST_DAY);
          return;
        }
        if (until != null && !until.isAfter(from)) {
          f.error("until", "change", "dates out of order: " + until + " is not after " + from);
          return;
        }
        Map<String, Node> setMap = YamlDoc.mapping(set);
        if (!origins.isEmpty() && setMap != null && setMap.containsKey("countries")) {
          f.error("origins", "change", "contradicts set.countries: give the origins the change is for, or new countries, not both");
          return;
        }
        DateInterval window = DateInterval.of(from, until);
        List<Measure> hits = select(ctx, f, "change", ref, window, origins);
        if (hits == null) {
          return;
        }
        SourceLocation setAt = new SourceLocation(ctx.file, YamlDoc.line(set));
        List<Measure> added = new ArrayList<>();
        for (Measure m : hits) {
          DateInterval e = m.effective();
          LocalDate start = e.start().isAfter(from) ? e.start() : from;
          LocalDate end = e.endExclusive() == null ? until
              : until == null || e.endExclusive().isBefore(until) ? e.endExclusive() : until;
          DateInterval middle = DateInterval.of(start, end);
          Measure changed = policyLoader.readChange(ctx.files, set, m, ctx.newId(m), middle, setAt, problems);
          if (changed == null) {
            return; // the problems name the field; the same set would fail for every measure
          }
          if (!origins.isEmpty()) {
            CountryScope only = intersect(m.countries(), origins);
            changed = copy(changed, changed.id(), middle, only, "", setAt);
            CountryScope rest = minus(m.countries(), origins);
            if (rest != null) {
              added.add(copy(m, ctx.newId(m), middle, rest, m.untilReason(), m.source()));
            }
          }
          added.add(changed);
          if (e.start().isBefore(from)) {
            added.add(copy(m, ctx.newId(m), DateInterval.of(e.start(), from), m.countries(), "changed by scenario "
                + ctx.scenario, m.source()));
          }
          if (until != null && (e.endExclusive() == null || e.endExclusive().isAfter(until))) {
            added.add(copy(m, ctx.newId(m), DateInterval.of(until, e.endExclusive()), m.countries(), m.untilReason(),
                m.source()));
          }
          ctx.measures.remove(m);
          ctx.touchedAt.put(m.heading().digits(), line);
        }
        ctx.measures.addAll(added);
        ctx.edited = true;
        summaries.add(new Scenario.EditSummary("change", "change " + ref + forOrigins(origins) + " from " + from
            + (until == null ? "" : " until " + until) + ": " + String.join(", ", setMap == null ? Set.of() : setMap.keySet()), at));
      }
    }
  }

  private static String forOrigins(Set<Country> origins) {
    return origins.isEmpty() ? "" : " for " + String.join(", ", origins.stream().map(Country::iso2).sorted().toList());
  }

  /** The measures an edit names, in force on some day of the window and for some of the origins. */
  private List<Measure> select(EditContext ctx, Fields f, String kind, StackingRef ref, DateInterval window,
      Set<Country> origins) {
    List<Measure> hits = new ArrayList<>();
    boolean named = false;
    for (Measure m : ctx.measures) {
      if (!ref.matches(m) || m.printedOnly()) {
        continue;
      }
      named = true;
      if (m.effective().overlaps(window) && (origins.isEmpty() || origins.stream().anyMatch(m.countries()::includes))) {
        hits.add(m);
      }
    }
    if (hits.isEmpty()) {
      Integer earlier = null;
      for (Map.Entry<String, Integer> t : ctx.touchedAt.entrySet()) {
        boolean same = ref.kind() == StackingRef.Kind.HEADING
            ? t.getKey().length() == ref.from().digits().length() && t.getKey().compareTo(ref.from().digits()) >= 0
                && t.getKey().compareTo(ref.to().digits()) <= 0
            : ctx.measures.stream().anyMatch(m -> ref.matches(m) && m.heading().digits().equals(t.getKey()));
        if (same) {
          earlier = t.getValue();
        }
      }
      String contradiction = earlier == null ? "" : " (the edit at line " + earlier
          + " already ended or changed it: the edits contradict each other)";
      if (!named && earlier == null) {
        f.error(kind, kind, "no measure has " + describe(ref) + " (unknown heading, tag or authority)");
      } else {
        f.error(kind, kind, "no measure of " + describe(ref) + " is in force on or after " + window.start()
            + forOrigins(origins) + contradiction);
      }
      return null;
    }
    return hits;
  }

  private static String describe(StackingRef ref) {
    return switch (ref.kind()) {
      case HEADING -> "heading " + ref;
      case TAG -> ref.toString();
      case AUTHORITY -> "authority " + ref;
    };
  }

  private static StackingRef selector(Fields f, String field) {
    String text = f.requiredText(field, "");
    if (text == null) {
      return null;
    }
    try {
      StackingRef ref = StackingRef.parse(text);
      if (ref.kind() == StackingRef.Kind.HEADING && !ref.from().isChapter99()) {
        f.error(field, field, "names a Chapter 99 heading (9903.01.25), a range, tag:name or an authority, not '" + text + "'");
        return null;
      }
      return ref;
    } catch (InvalidInputException e) {
      f.error(field, field, e.getMessage());
      return null;
    }
  }

  /** The {@code origins:} of an edit (empty when absent), or null after an error. */
  private Set<Country> origins(Fields f, String subject) {
    if (!f.has("origins")) {
      return Set.of();
    }
    List<String> names = YamlDoc.scalars(f.node("origins"));
    if (names == null || names.isEmpty()) {
      f.error("origins", subject, "must be a list of countries, e.g. [JP]");
      return null;
    }
    Set<Country> out = new LinkedHashSet<>();
    for (String n : names) {
      try {
        out.addAll(countries.parseMembers(n));
      } catch (InvalidInputException e) {
        f.error("origins", subject, e.getMessage());
        return null;
      }
    }
    return out;
  }

  private static CountryScope minus(CountryScope scope, Set<Country> origins) {
    Set<Country> set = new LinkedHashSet<>();
    return switch (scope.kind()) {
      case ALL -> new CountryScope(CountryScope.Kind.EXCEPT, origins, codes(origins));
      case EXCEPT -> {
        set.addAll(scope.countries());
        set.addAll(origins);
        yield new CountryScope(CountryScope.Kind.EXCEPT, set, codes(set));
      }
      case ONLY -> {
        set.addAll(scope.countries());
        set.removeAll(origins);
        yield set.isEmpty() ? null : new CountryScope(CountryScope.Kind.ONLY, set, codes(set));
      }
    };
  }

  private static CountryScope intersect(CountryScope scope, Set<Country> origins) {
    Set<Country> set = new LinkedHashSet<>();
    for (Country c : origins) {
      if (scope.includes(c)) {
        set.add(c);
      }
    }
    return new CountryScope(CountryScope.Kind.ONLY, set, codes(set));
  }

  private static List<String> codes(Set<Country> set) {
    return set.stream().map(Country::iso2).sorted().toList();
  }

  /** A copy of a measure for other dates, origins or source (law view only: printed dates follow). */
  static Measure copy(Measure m, String id, DateInterval effective, CountryScope countries, String untilReason,
      SourceLocation source) {
    return new Measure(id, m.heading(), m.title(), m.authority(), m.instruments(), m.note(), effective, untilReason,
        effective, countries, m.products(), m.rate(), m.base(), m.when(), m.yieldsTo(), m.tags(), m.description(),
        false, m.scheduleDiffers(), source);
  }

  // ---- commitments, exchange rate, model --------------------------------------------------------

  private Scenario.Commitments readCommitments(Fields top, List<PolicyProblem> problems) {
    Node node = top.node("commitments");
    if (YamlDoc.mapping(node) == null) {
      top.error("commitments", "", "must be a mapping with purchases and/or barrier_cuts");
      return Scenario.Commitments.NONE;
    }
    Fields f = new Fields(top.file, node, problems);
    f.rejectUnknown(COMMITMENT_FIELDS, "commitments");
    List<Scenario.Purchase> purchases = new ArrayList<>();
    List<Scenario.BarrierCut> cuts = new ArrayList<>();
    for (Node item : f.items("purchases", "commitments")) {
      Fields p = new Fields(top.file, item, problems);
      String s = "purchase";
      p.rejectUnknown(PURCHASE_FIELDS, s);
      List<String> chapters = p.chapters("chapters", s);
      Double usd = p.number("usd_per_year", s, 0, 5e12, true);
      Double share = p.has("additional_share") ? p.number("additional_share", s, 0, 1, true) : Double.valueOf(1.0);
      if (chapters != null && usd != null && share != null) {
        purchases.add(new Scenario.Purchase(chapters, usd, share, p.text("note"), p.at("usd_per_year")));
      }
    }
    for (Node item : f.items("barrier_cuts", "commitments")) {
      Fields c = new Fields(top.file, item, problems);
      String s = "barrier_cut";
      c.rejectUnknown(CUT_FIELDS, s);
      String kind = c.requiredText("kind", s);
      if (kind != null && !kind.equals("tariff") && !kind.equals("non_tariff")) {
        c.error("kind", s, "must be tariff or non_tariff, not '" + kind + "'");
        kind = null;
      }
      List<String> chapters = c.chapters("chapters", s);
      Double cut = c.number("ave_cut_pct", s, 0, 500, true);
      Double before = c.has("ave_before_pct") ? c.number("ave_before_pct", s, 0, 1000, true) : cut;
      Double usd = c.number("us_exports_2024_usd", s, 0, 5e12, true);
      String source = c.requiredText("source", s);
      if (cut != null && before != null && before < cut) {
        c.error("ave_before_pct", s, "contradicts ave_cut_pct: a cut of " + fmt(cut) + " points from a barrier of "
            + fmt(before) + "%");
        before = null;
      }
      if (kind != null && chapters != null && cut != null && before != null && usd != null && source != null) {
        cuts.add(new Scenario.BarrierCut(kind, chapters, cut, before, usd, source, c.at("ave_cut_pct")));
      }
    }
    return new Scenario.Commitments(purchases, cuts);
  }

  private static String fmt(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static Scenario.ExchangeRate readExchangeRate(Fields top, List<PolicyProblem> problems) {
    Node node = top.node("exchange_rate");
    if (YamlDoc.mapping(node) == null) {
      top.error("exchange_rate", "", "must be { change_pct: -10, pass_through: 0.5 }");
      return null;
    }
    Fields f = new Fields(top.file, node, problems);
    f.rejectUnknown(FX_FIELDS, "exchange_rate");
    Double change = f.number("change_pct", "exchange_rate", -90, 500, true);
    Double pass = f.number("pass_through", "exchange_rate", 0, 1, true);
    return change == null || pass == null ? null : new Scenario.ExchangeRate(change / 100, pass, f.at("change_pct"));
  }

  private static ModelSettings readModel(Fields top, ModelSettings inherited, List<PolicyProblem> problems) {
    if (!top.has("model")) {
      return inherited;
    }
    Node node = top.node("model");
    if (YamlDoc.mapping(node) == null) {
      top.error("model", "", "must be a mapping of model settings (see docs/model.md)");
      return inherited;
    }
    Fields f = new Fields(top.file, node, problems);
    String s = "model";
    f.rejectUnknown(MODEL_FIELDS, s);
    double eta = f.has("import_demand_elasticity") ? orElse(f.number("import_demand_elasticity", s, 0, 50, false),
        inherited.importDemandElasticity()) : inherited.importDemandElasticity();
    Map<String, Double> byChapter = new TreeMap<>(inherited.importDemandByChapter());
    if (f.has("import_demand_by_chapter")) {
      Map<String, Node> m = YamlDoc.mapping(f.node("import_demand_by_chapter"));
      if (m == null) {
        f.error("import_demand_by_chapter", s, "must map HS chapters to elasticities, e.g. { \"87\": 1.5 }");
      } else {
        Fields c = new Fields(top.file, f.node("import_demand_by_chapter"), problems);
        for (String ch : m.keySet()) {
          if (!ch.matches("\\d{2}") || Integer.parseInt(ch) < 1 || Integer.parseInt(ch) > 97) {
            c.error(ch, s + " import_demand_by_chapter", "not an HS chapter (01 to 97): '" + ch + "'");
            continue;
          }
          Double v = c.number(ch, s + " import_demand_by_chapter", 0, 50, false);
          if (v != null) {
            byChapter.put(ch, v);
          }
        }
      }
    }
    double scale = f.has("substitution_scale") ? orElse(f.number("substitution_scale", s, 0, 10, false),
        inherited.substitutionScale()) : inherited.substitutionScale();
    double supply = inherited.exportSupplyElasticity();
    if (f.has("export_supply_elasticity")) {
      String t = f.text("export_supply_elasticity").toLowerCase(Locale.ROOT);
      supply = t.equals("infinite") || t.equals("inf") ? Double.POSITIVE_INFINITY
          : orElse(f.number("export_supply_elasticity", s, 0, 1000, false), supply);
    }
    double pass = f.has("tariff_pass_through") ? orElse(f.number("tariff_pass_through", s, 0, 1, true),
        inherited.tariffPassThrough()) : inherited.tariffPassThrough();
    double share = f.has("consumer_import_share") ? orElse(f.number("consumer_import_share", s, 0, 1, true),
        inherited.consumerImportShare()) : inherited.consumerImportShare();
    LocalDate reference = inherited.referenceDate();
    if (f.has("reference_date")) {
      LocalDate d = f.date("reference_date", s);
      if (d != null && (d.isBefore(FIRST_DAY) || !d.isBefore(END))) {
        f.error("reference_date", s, "out of range: " + FIRST_DAY + " to " + END.minusDays(1));
      } else if (d != null) {
        reference = d;
      }
    }
    double sigmaSpread = f.has("sigma_spread") ? orElse(f.number("sigma_spread", s, 0, 2, true), inherited.sigmaSpread())
        : inherited.sigmaSpread();
    double etaSpread = f.has("eta_spread") ? orElse(f.number("eta_spread", s, 0, 2, true), inherited.etaSpread())
        : inherited.etaSpread();
    return new ModelSettings(eta, byChapter, scale, supply, pass, share, reference, sigmaSpread, etaSpread);
  }

  private static double orElse(Double v, double fallback) {
    return v == null ? fallback : v;
  }

  // ---- field access with messages ------------------------------------------------------------

  /** The scenario files' field kinds over {@link YamlFields}: numbers, lists of mappings, HS chapters. */
  static final class Fields extends YamlFields {
    Fields(String file, Node node, List<PolicyProblem> problems) {
      super(file, node, problems);
    }

    /** A date; unlike a policy file's, a date field written empty is an error, not an absent date. */
    @Override
    public LocalDate date(String field, String subject) {
      LocalDate d = super.date(field, subject);
      if (d == null && has(field) && text(field).isEmpty()) {
        error(field, subject, "bad date '' (use YYYY-MM-DD)");
      }
      return d;
    }

    /** A number in [min, max]; null after recording the problem. */
    Double number(String field, String subject, double min, double max, boolean inclusiveMin) {
      if (!has(field)) {
        error(field, subject, "missing");
        return null;
      }
      String s = text(field).replace("_", "");
      try {
        double v = Double.parseDouble(s);
        if (Double.isNaN(v) || v > max || v < min || (!inclusiveMin && v == min)) {
          error(field, subject, "out of range: " + s + " (must be " + (inclusiveMin ? "from " : "above ") + fmt(min)
              + " to " + fmt(max) + ")");
          return null;
        }
        return v;
      } catch (NumberFormatException e) {
        error(field, subject, "not a number: '" + s + "'");
        return null;
      }
    }

    List<Node> items(String field, String subject) {
      if (!has(field)) {
        return List.of();
      }
      List<Node> items = YamlDoc.sequence(node(field));
      if (items == null) {
        error(field, subject, "must be a list");
        return List.of();
      }
      List<Node> out = new ArrayList<>();
      for (Node n : items) {
        if (YamlDoc.mapping(n) == null) {
          problems.add(PolicyProblem.error(new SourceLocation(file, YamlDoc.line(n)), subject + " " + field,
              "each item must be a mapping"));
        } else {
          out.add(n);
        }
      }
      return out;
    }

    /** HS chapters ("87", "10"), as a list. */
    List<String> chapters(String field, String subject) {
      if (!has(field)) {
        error(field, subject, "missing");
        return null;
      }
      List<String> raw = YamlDoc.scalars(node(field));
      if (raw == null || raw.isEmpty()) {
        error(field, subject, "must be a list of HS chapters, e.g. [\"10\", \"12\"]");
        return null;
      }
      List<String> out = new ArrayList<>();
      for (String r : raw) {
        String c = r.strip();
        if (c.length() == 1) {
          c = "0" + c;
        }
        if (!c.matches("\\d{2}") || Integer.parseInt(c) < 1 || Integer.parseInt(c) > 97) {
          error(field, subject, "not an HS chapter (01 to 97): '" + r + "'");
          return null;
        }
        out.add(c);
      }
      return out;
    }
  }
}
