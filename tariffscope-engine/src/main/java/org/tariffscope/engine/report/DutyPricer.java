package org.tariffscope.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.tariffscope.basics.Result;
import org.tariffscope.engine.DutyBreakdown;
import org.tariffscope.engine.DutyEngine;
import org.tariffscope.engine.DutyRequest;

/**
 * Prices entries given as text and reports each one, good or bad, in input order: the path shared
 * by the CLI (one entry or a CSV file) and the HTTP API (one entry or a batch). A bad entry yields a
 * report with an {@code error}; the others are priced regardless.
 */
public final class DutyPricer {
  private final DutyEngine engine;

  public DutyPricer(DutyEngine engine) {
    this.engine = engine;
  }

  /** One entry, validated and priced. */
  public Result<DutyBreakdown> price(DutyInput input, boolean explain) {
    Result<DutyRequest> request = input.toRequest(engine.countries());
    if (!request.isSuccess()) {
      return Result.failure(request.failure());
    }
    return engine.compute(request.value(), explain);
  }

  /** One entry as a report (a failure becomes a report with an error). */
  public DutyReport report(DutyInput input, boolean explain) {
    Result<DutyBreakdown> r = price(input, explain);
    return r.isSuccess() ? DutyReport.of(r.value())
        : DutyReport.failed(input.hts(), input.origin(), input.date(), r.failure());
  }

  /** Many entries, in parallel across the machine's cores, reports in input order. */
  public List<DutyReport> reportAll(List<DutyInput> inputs, boolean explain) {
    DutyReport[] out = new DutyReport[inputs.size()];
    IntStream.range(0, inputs.size()).parallel().forEach(i -> out[i] = report(inputs.get(i), explain));
    return new ArrayList<>(List.of(out));
  }
}
