package org.tariffscope.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tariffscope.basics.DateInterval;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.policy.LintReport.Coverage;
import org.tariffscope.policy.LintReport.Finding;
import org.tariffscope.policy.LintReport.FootnoteAgreement;
import org.tariffscope.policy.LintReport.Kind;
import org.tariffscope.policy.LintReport.Severity;
import org.tariffscope.schedule.Footnote;
import org.tariffscope.schedule.HtsLine;
import org.tariffscope.schedule.HtsRevision;
import org.tariffscope.schedule.RateReading;
import org.tariffscope.schedule.RevisionInfo;
import org.tariffscope.schedule.Schedule;

/**
 * Checks the policy book against the official schedule, mechanically:
 * <ol>
 *   <li>for every measure and every revision printed while it is in force, the heading exists in
 *       that revision and its rate text says what the measure charges (or the measure says, in
 *       {@code schedule_differs}, why the law differs from the print);</li>
 *   <li>every Chapter 99 heading of every revision is modelled by a measure or listed in a
 *       {@code not_modelled} entry with its reason;</li>
 *   <li>the footnotes "See 9903.xx.xx" on product lines agree with the product scopes of the
 *       measures of that heading (reported, since footnoting practice is uneven).</li>
 * </ol>
 * A revision is printed from its effective date to the next revision's; a measure is in force in it
 * when its printed period (its {@code published} dates) overlaps that.
 */
public final class PolicyLint {
  private final Schedule schedule;
  private final PolicyBook book;

  public PolicyLint(Schedule schedule, PolicyBook book) {
    this.schedule = schedule;
    this.book = book;
  }

  /** Lints every revision of the schedule. */
  public LintReport run() {
    return run(schedule.revisions());
  }

  public LintReport run(List<RevisionInfo> revisions) {
    List<Finding> findings = new ArrayList<>();
    List<Coverage> coverage = new ArrayList<>();
    Map<String, int[]> footnoteCounts = new TreeMap<>();
    Map<String, Set<String>> footnoteExamples = new HashMap<>();
    ProductIndex index = new ProductIndex(book.measures(), book);
    Set<String> modelledHeadings = new HashSet<>();
    for (Measure m : book.measures()) {
      modelledHeadings.add(m.heading().digits());
    }
    int rateChecks = 0;
    for (RevisionInfo info : revisions) {
      HtsRevision rev = schedule.load(info);
      DateInterval printed = printedPeriod(info);
      List<Measure> inForce = new ArrayList<>();
      for (Measure m : book.measures()) {
        if (m.published().overlaps(printed)) {
          inForce.add(m);
          rateChecks++;
          checkRate(m, rev, findings);
        }
      }
      coverage.add(coverage(rev, modelledHeadings, findings));
      footnotes(rev, printed, inForce, index, footnoteCounts, footnoteExamples);
    }
    List<FootnoteAgreement> agreements = new ArrayList<>();
    footnoteCounts.forEach((heading, c) -> {
      List<String> examples = new ArrayList<>(footnoteExamples.getOrDefault(heading, Set.of()));
      examples.sort(null);
      agreements.add(new FootnoteAgreement(heading, c[0], c[1], c[2], examples.subList(0, Math.min(6, examples.size()))));
      if (c[1] > 0 || c[2] > 0) {
        findings.add(new Finding(Severity.WARNING, Kind.FOOTNOTE_DISAGREES, "", heading, "",
            c[1] + " line(s) footnoted but outside the scope, " + c[2] + " in scope but not footnoted; e.g. "
                + String.join(", ", examples.subList(0, Math.min(6, examples.size())))));
      }
    });
    return new LintReport(merge(findings), coverage, rateChecks, agreements);
  }

  /** One finding per problem, naming the revisions it holds in, rather than one per revision. */
  private static List<Finding> merge(List<Finding> findings) {
    Map<String, List<Finding>> groups = new java.util.LinkedHashMap<>();
    for (Finding f : findings) {
      groups.computeIfAbsent(f.severity() + "|" + f.kind() + "|" + f.heading() + "|" + f.where() + "|" + f.message(),
          k -> new ArrayList<>()).add(f);
    }
    List<Finding> out = new ArrayList<>();
    for (List<Finding> g : groups.values()) {
      Finding first = g.get(0);
      String revisions = g.size() == 1 ? first.revision()
          : first.revision() + ".." + g.get(g.size() - 1).revision() + " (" + g.size() + " revisions)";
      out.add(new Finding(first.severity(), first.kind(), revisions, first.heading(), first.where(), first.message()));
    }
    return out;
  }

  /**
   * The days on which a revision was the one in force. The newest revision is taken to speak for
   * its first day only: a measure that starts later (a scheduled increase, a statutory end) is
   * beyond what any shipped revision printed, and cannot be checked against one.
   */
  private DateInterval printedPeriod(RevisionInfo info) {
    LocalDate end = schedule.next(info).map(RevisionInfo::effectiveDate).orElse(info.effectiveDate().plusDays(1));
    return DateInterval.of(info.effectiveDate(), end);
  }

  private static void checkRate(Measure m, HtsRevision rev, List<Finding> findings) {
    String where = m.source().toString();
    String heading = m.heading().toString();
    var line = rev.line(m.heading());
    if (line.isEmpty()) {
      findings.add(new Finding(Severity.ERROR, Kind.HEADING_MISSING, rev.id(), heading, where,
          "measure " + m.id() + " is in force while this revision is, but the revision has no such heading"));
      return;
    }
    RateReading printed = line.get().generalReading();
    String difference = difference(m, printed);
    if (difference == null) {
      return;
    }
    if (!m.scheduleDiffers().isEmpty()) {
      findings.add(new Finding(Severity.EXPLAINED, Kind.RATE_DIFFERS, rev.id(), heading, where,
          difference + "; the law wins: " + m.scheduleDiffers()));
    } else {
      findings.add(new Finding(Severity.ERROR, Kind.RATE_DIFFERS, rev.id(), heading, where, difference));
    }
  }

  /** How the printed rate differs from the measure's, or null when they agree. */
  static String difference(Measure m, RateReading printed) {
    MeasureRate rate = m.rate();
    String says = "the schedule prints '" + printed.text() + "' but the measure charges " + rate
        + (m.base() == org.tariffscope.basics.ValueBase.FULL ? "" : " on the " + m.base().description());
    boolean noDuty = rate instanceof MeasureRate.Additional a0 && a0.percent().isZero();
    switch (printed.kind()) {
      case BLANK -> {
        // Exception headings printed without a rate (9903.01.29) impose no additional duty.
        return noDuty ? null : says + " (the printed text is blank)";
      }
      case ADDITIONAL -> {
        if (rate instanceof MeasureRate.Additional a) {
          boolean ratesAgree = a.percent().equals(printed.rate().adValorem()) && !printed.rate().hasSpecific();
          // No duty is no duty, whatever part of the value it is said of.
          return ratesAgree && (printed.base() == m.base() || a.percent().isZero()) ? null : says;
        }
        if (rate instanceof MeasureRate.Specific s) {
          return s.rate().equals(printed.rate()) ? null : says;
        }
        return says;
      }
      case ALL_IN -> {
        if (rate instanceof MeasureRate.Floor f) {
          return f.percent().equals(printed.rate().adValorem()) && !printed.rate().hasSpecific() ? null : says;
        }
        return says;
      }
      default -> {
        return says + " (the printed text is " + printed.kind().name().toLowerCase(java.util.Locale.ROOT) + ")";
      }
    }
  }

  private Coverage coverage(HtsRevision rev, Set<String> modelled, List<Finding> findings) {
    int total = 0;
    int isModelled = 0;
    int notModelled = 0;
    int unaccounted = 0;
    int total9903 = 0;
    int modelled9903 = 0;
    for (HtsLine line : rev.linesUnder(HtsCode.of("99"))) {
      HtsCode code = line.code();
      if (code.length() != 8) {
        continue;
      }
      total++;
      boolean is9903 = code.digits().startsWith("9903");
      if (is9903) {
        total9903++;
      }
      if (modelled.contains(code.digits())) {
        isModelled++;
        if (is9903) {
          modelled9903++;
        }
      } else if (book.notModelled().stream().anyMatch(n -> n.covers(code))) {
        notModelled++;
      } else {
        unaccounted++;
        findings.add(new Finding(Severity.ERROR, Kind.UNACCOUNTED_HEADING, rev.id(), code.toString(), "",
            "neither modelled by a measure nor listed as not modelled: " + abbreviate(line.description())));
      }
    }
    return new Coverage(rev.id(), total, isModelled, notModelled, unaccounted, modelled9903, total9903);
  }

  /** Compares footnotes with scopes for the measures in force in this revision that list products. */
  private void footnotes(HtsRevision rev, DateInterval printed, List<Measure> inForce, ProductIndex index,
      Map<String, int[]> counts, Map<String, Set<String>> examples) {
    Set<Measure> listing = new HashSet<>();
    Set<String> headingsListing = new HashSet<>();
    for (Measure m : inForce) {
      if (!m.products().all()) {
        listing.add(m);
        headingsListing.add(m.heading().toString());
      }
    }
    List<Measure> measures = book.measures();
    Map<String, int[]> revCounts = new HashMap<>();
    Map<String, Set<String>> revExamples = new HashMap<>();
    for (HtsLine line : rev.reportingLines()) {
      Set<String> footnoted = new HashSet<>();
      for (Footnote f : line.footnotes()) {
        for (HtsCode h : f.chapter99()) {
          if (headingsListing.contains(h.toString())) {
            footnoted.add(h.toString());
          }
        }
      }
      Set<String> inScope = new HashSet<>();
      index.includesOf(line.code().digits(), hit -> {
        Measure m = measures.get(hit.measure());
        if (listing.contains(m) && hit.period().overlaps(printed)) {
          inScope.add(m.heading().toString());
        }
      });
      for (String h : footnoted) {
        int[] c = revCounts.computeIfAbsent(h, k -> new int[3]);
        if (inScope.contains(h)) {
          c[0]++;
        } else {
          c[1]++;
          revExamples.computeIfAbsent(h, k -> new java.util.TreeSet<>()).add(line.code() + " (footnote only)");
        }
      }
      for (String h : inScope) {
        if (!footnoted.contains(h)) {
          revCounts.computeIfAbsent(h, k -> new int[3])[2]++;
          revExamples.computeIfAbsent(h, k -> new java.util.TreeSet<>()).add(line.code() + " (scope only)");
        }
      }
    }
    // A heading no line footnotes in this revision is not footnoted by practice: it is not compared.
    revCounts.forEach((h, c) -> {
      if (c[0] + c[1] == 0) {
        return;
      }
      int[] total = counts.computeIfAbsent(h, k -> new int[3]);
      for (int i = 0; i < 3; i++) {
        total[i] = Math.max(total[i], c[i]);
      }
      examples.computeIfAbsent(h, k -> new java.util.TreeSet<>()).addAll(revExamples.getOrDefault(h, Set.of()));
    });
  }

  private static String abbreviate(String s) {
    return s.length() <= 100 ? s : s.substring(0, 97) + "...";
  }
}
