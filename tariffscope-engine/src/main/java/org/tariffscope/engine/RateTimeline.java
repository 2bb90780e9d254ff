package org.tariffscope.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.tariffscope.basics.Authority;
import org.tariffscope.basics.Percent;
import org.tariffscope.basics.Result;
import org.tariffscope.policy.Measure;
import org.tariffscope.schedule.RevisionInfo;

/**
 * The rate of one product from one origin over time: every day on which the total changes, with
 * the headings that changed it. Built by pricing the entry on each day a measure or a revision
 * starts or ends, with the same engine as a single duty.
 */
public final class RateTimeline {

  /**
   * A period with one rate.
   *
   * @param from first day
   * @param until first day of the next step, or null for the last
   * @param total total ad valorem rate
   * @param byAuthority the total by authority
   * @param headings the applied headings with their rates ({@code 9903.01.25 +10%})
   * @param change what changed from the previous step, in words
   * @param revision schedule revision in force at the start
   * @param notes what the reader should know about the entry at the start of the step (a claim the
   *     engine could not honour, an estimate, the end of the data), as for a single duty
   */
  public record Step(LocalDate from, LocalDate until, Percent total, Map<Authority, Percent> byAuthority,
      List<String> headings, String change, String revision, List<String> notes) {
    public Step {
      notes = List.copyOf(notes);
    }
  }

  /** The distinct notes of the steps, in order of first appearance. */
  public static List<String> notes(List<Step> steps) {
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
    steps.forEach(s -> all.addAll(s.notes()));
    return List.copyOf(all);
  }

  private RateTimeline() {
  }

  /** The steps of {@code request}'s product and origin from {@code from} to {@code to} (inclusive). */
  public static Result<List<Step>> of(DutyEngine engine, DutyRequest request, LocalDate from, LocalDate to) {
    boolean asPublished = request.view() == LawView.AS_PUBLISHED;
    TreeSet<LocalDate> days = new TreeSet<>();
    days.add(from);
    for (Measure m : engine.book().measures()) {
      add(days, m.period(asPublished).start(), from, to);
      m.period(asPublished).end().ifPresent(d -> add(days, d, from, to));
    }
    for (RevisionInfo r : engine.schedule().revisions()) {
      add(days, r.effectiveDate(), from, to);
    }
    List<Step> steps = new ArrayList<>();
    String previousKey = null;
    Map<String, Percent> previousHeadings = Map.of();
    for (LocalDate day : days) {
      Result<DutyBreakdown> r = engine.compute(request.withDate(day), false);
      if (!r.isSuccess()) {
        if (steps.isEmpty()) {
          return Result.failure(r.failure());
        }
        continue;
      }
      DutyBreakdown b = r.value();
      Map<String, Percent> headings = new TreeMap<>();
      for (AppliedMeasure a : b.applied()) {
        headings.merge(a.measure().heading().toString(), a.effective(), Percent::plus);
      }
      String key = b.totalAdValorem() + "|" + headings + "|" + b.mfn().text();
      if (key.equals(previousKey)) {
        continue;
      }
      if (!steps.isEmpty()) {
        Step last = steps.remove(steps.size() - 1);
        steps.add(new Step(last.from(), day, last.total(), last.byAuthority(), last.headings(), last.change(),
            last.revision(), last.notes()));
      }
      List<String> listed = headings.entrySet().stream().map(e -> e.getKey() + " +" + e.getValue()).toList();
      steps.add(new Step(day, null, b.totalAdValorem(), b.byAuthority(), listed,
          steps.isEmpty() ? "start" : change(previousHeadings, headings), b.revision().id(), b.warnings()));
      previousKey = key;
      previousHeadings = headings;
    }
    return Result.success(List.copyOf(steps));
  }

  private static void add(TreeSet<LocalDate> days, LocalDate d, LocalDate from, LocalDate to) {
    if (!d.isBefore(from) && !d.isAfter(to)) {
      days.add(d);
    }
  }

  /** "9903.01.53 +24% added; 9903.01.25 +10% removed". */
  private static String change(Map<String, Percent> before, Map<String, Percent> after) {
    List<String> parts = new ArrayList<>();
    after.forEach((h, p) -> {
      Percent old = before.get(h);
      if (old == null) {
        parts.add(h + " +" + p + " added");
      } else if (!Objects.equals(old, p)) {
        parts.add(h + " " + old + " -> " + p);
      }
    });
    before.forEach((h, p) -> {
      if (!after.containsKey(h)) {
        parts.add(h + " +" + p + " removed");
      }
    });
    return parts.isEmpty() ? "base rate changed" : parts.stream().collect(Collectors.joining("; "));
  }
}
