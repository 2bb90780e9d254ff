package org.tariffscope.cli;

import java.nio.file.Path;
import org.tariffscope.analytics.Weighting;
import picocli.CommandLine.Option;

/** The weighting options of the commands that report effective rates (see {@link Weighting}). */
final class WeightingOptions {
  @Option(names = "--usmca-shares", paramLabel = "<file.csv>",
      description = "USMCA claim shares to weight Canada and Mexico with (columns hts10,cty_code,usmca_share) instead of "
          + "the 2025 DataWeb shares. Overall rate and --by authority only.")
  Path usmcaShares;

  @Option(names = "--usmca-utilisation", paramLabel = "<share>",
      description = "Rescale the 2025 USMCA claim shares to this trade-weighted average (0-1), shrinking each line's "
          + "non-claimed share by one factor (0.87: the July-December 2025 average). Overall rate and --by authority only.")
  Double usmcaUtilisation;

  @Option(names = "--no-mfn-preferences", description = "Base rates at column 1 for every flow (by default each is scaled "
      + "by the share of its column-1 duty paid in 2024, which reflects FTA and other preference claims). Overall rate "
      + "and --by authority only.")
  boolean noMfnPreferences;

  Weighting weighting() {
    return new Weighting(!noMfnPreferences, usmcaShares, usmcaUtilisation);
  }
}
