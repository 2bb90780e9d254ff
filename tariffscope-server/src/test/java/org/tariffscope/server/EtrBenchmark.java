package org.tariffscope.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The effective rates over HTTP, run by hand (a benchmark, not a test): waits until the server's
 * rate panel is ready (asking for it starts the build when it is missing, and the time that takes
 * is reported), then times whole answers — single days overall and split, the 730-day series
 * overall and by country, the CSV and the page — one request at a time on a keep-alive connection,
 * each case warmed up first, days drawn at random over 2025-2026.
 *
 * <pre>
 * scripts/bench-web          # runs WebBenchmark, then this
 * </pre>
 *
 * Sends only to the URL given, which must be on this machine (loopback).
 */
public final class EtrBenchmark {
  private EtrBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    String host = URI.create(base).getHost();
    if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]") && !host.startsWith("127.")) {
      throw new IllegalArgumentException("The benchmark only sends to this machine (loopback), not to " + host);
    }
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    // The panel: ready, or built now (the first request starts the build).
    long t0 = System.nanoTime();
    boolean built = false;
    while (true) {
      HttpResponse<String> r = get(client, base + "/api/v1/etr?date=2025-10-17");
      if (r.statusCode() == 200) {
        break;
      }
      if (r.statusCode() != 503 || !r.body().contains("PANEL_BUILDING")) {
        throw new IllegalStateException("GET /api/v1/etr answered " + r.statusCode() + ": " + r.body());
      }
      if (!built) {
        System.out.println("The rate panel is being built; waiting for it");
      }
      built = true;
      if (System.nanoTime() - t0 > 15L * 60 * 1_000_000_000L) {
        throw new IllegalStateException("The panel was not ready after 15 minutes: " + r.body());
      }
      Thread.sleep(1_000);
    }
    if (built) {
      System.out.printf(Locale.ROOT, "Rate panel built by the server in %.1f s (from the first request to the first 200)%n",
          (System.nanoTime() - t0) / 1e9);
    }

    SplittableRandom random = new SplittableRandom(2025);
    List<String[]> cases = List.of(
        new String[] {"GET /api/v1/etr?date=D (overall)", "/api/v1/etr?date=D"},
        new String[] {"GET /api/v1/etr?date=D&by=country (every partner)", "/api/v1/etr?date=D&by=country"},
        new String[] {"GET /api/v1/etr?date=D&by=authority", "/api/v1/etr?date=D&by=authority"},
        new String[] {"GET /api/v1/etr?date=D&by=sector", "/api/v1/etr?date=D&by=sector"},
        new String[] {"GET /api/v1/etr/series (730 days, overall)", "/api/v1/etr/series"},
        new String[] {"GET /api/v1/etr/series?format=csv (730 days, overall)", "/api/v1/etr/series?format=csv"},
        new String[] {"GET /api/v1/etr/series?by=country&top=8 (730 days x 8)", "/api/v1/etr/series?by=country&top=8"},
        new String[] {"GET /api/v1/etr/series?by=country (730 days x every partner)", "/api/v1/etr/series?by=country"},
        new String[] {"GET /effective-rates?date=D (the page)", "/effective-rates?date=D&by=country"});
    System.out.printf(Locale.ROOT, "%-62s %8s %8s %8s %10s%n", "request (" + repeats + " times, days at random)", "p50 ms",
        "p90 ms", "max ms", "bytes");
    for (String[] c : cases) {
      int n = c[1].contains("by=country") && c[1].contains("series") && !c[1].contains("top") ? Math.min(repeats, 5)
          : repeats;
      for (int i = 0; i < 3; i++) {
        get(client, base + c[1].replace("D", day(random).toString()));
      }
      double[] ms = new double[n];
      long bytes = 0;
      for (int i = 0; i < n; i++) {
        String url = base + c[1].replace("D", day(random).toString());
        long s = System.nanoTime();
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
        ms[i] = (System.nanoTime() - s) / 1e6;
        if (r.statusCode() != 200) {
          throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        bytes = r.body().length;
      }
      Arrays.sort(ms);
      System.out.printf(Locale.ROOT, "%-62s %8.1f %8.1f %8.1f %,10d%s%n", c[0], ms[n / 2], ms[(int) Math.ceil(0.9 * n) - 1],
          ms[n - 1], bytes, n < repeats ? "  (" + n + " times)" : "");
    }
    System.exit(0);
  }

  private static LocalDate day(SplittableRandom random) {
    return LocalDate.of(2025, 1, 1).plusDays(random.nextInt(730));
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
