package org.tariffscope.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.basics.Money;
import org.tariffscope.data.CsvTable;
import org.tariffscope.engine.DutyRequest;
import org.tariffscope.engine.EntryFacts;
import org.tariffscope.engine.LawView;
import org.tariffscope.schedule.HtsRevision;
import org.tariffscope.schedule.Schedule;

/**
 * Entries drawn like real US imports: a product and origin with probability proportional to their
 * 2024 import value (Census, HTS-10 x top-50 partners), a day uniformly in 2025-01-01 .. 2026-06-30,
 * and the customs value of the flow's average shipment. Skewed like the real mix: a few hundred
 * lines carry most of the value. Reproducible from a seed.
 */
final class EntryMix {
  private final List<HtsCode> codes = new ArrayList<>();
  private final List<Country> origins = new ArrayList<>();
  private final double[] cumulative;

  EntryMix(Schedule schedule) {
    Countries countries = Countries.standard();
    HtsRevision latest = schedule.load(schedule.latest());
    List<Double> weights = new ArrayList<>();
    for (CsvTable.Row row : CsvTable.embedded("data/trade/us_imports_2024_hs10_by_country.csv.gz").rows()) {
      Optional<Country> origin = countries.byCensusCode(row.get("cty_code"));
      HtsCode code = HtsCode.of(row.get("hs10"));
      double value = Double.parseDouble(row.get("con_val_2024"));
      if (origin.isEmpty() || value <= 0 || latest.line(code).isEmpty()) {
        continue; // the EU aggregate (0003) and codes retired since 2024
      }
      codes.add(code);
      origins.add(origin.get());
      weights.add(value);
    }
    cumulative = new double[weights.size()];
    double sum = 0;
    for (int i = 0; i < weights.size(); i++) {
      sum += weights.get(i);
      cumulative[i] = sum;
    }
  }

  List<DutyRequest> draw(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double total = cumulative[cumulative.length - 1];
    LocalDate first = LocalDate.of(2025, 1, 1);
    int days = (int) (LocalDate.of(2026, 6, 30).toEpochDay() - first.toEpochDay()) + 1;
    List<DutyRequest> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int k = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * total);
      int idx = k >= 0 ? k : Math.min(-k - 1, cumulative.length - 1);
      EntryFacts facts = EntryFacts.ofValue(Money.usd(BigDecimal.valueOf(1000 + random.nextInt(99_000))));
      out.add(new DutyRequest(codes.get(idx), origins.get(idx), first.plusDays(random.nextInt(days)), facts, LawView.LAW));
    }
    return out;
  }

  int flows() {
    return codes.size();
  }
}
