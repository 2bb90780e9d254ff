package org.tariffscope.server;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.tariffscope.basics.Countries;
import org.tariffscope.basics.Country;
import org.tariffscope.basics.HtsCode;
import org.tariffscope.data.CsvTable;
import org.tariffscope.schedule.HtsRevision;
import org.tariffscope.schedule.Schedule;

/**
 * A bounded load test of the single-duty endpoint, run by hand (it is a benchmark, not a test):
 * a fixed number of requests sent open-loop at a target rate, each a realistic entry drawn like
 * real US imports (product and origin weighted by 2024 import value, a day of 2025-01-01 ..
 * 2026-06-30, a customs value), and the latency of each measured from the moment it was due to be
 * sent, so a slow server cannot hide its queue. Then the home page: full response over HTTP, and
 * first contentful paint in headless Chromium.
 *
 * <pre>
 * ./tariffscope serve --port 8080 &amp;
 * mvn -q -pl tariffscope-server exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.tariffscope.server.WebBenchmark -Dexec.args="http://127.0.0.1:8080 20000 1000"
 * </pre>
 *
 * Sends only to the URL given, which must be on this machine (loopback).
 */
public final class WebBenchmark {
  /** Keep-alive connections of the load client (a browser opens about six per site). */
  private static final int CONNECTIONS = 8;

  private WebBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
    String host = URI.create(base).getHost();
    if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]") && !host.startsWith("127.")) {
      throw new IllegalArgumentException("The benchmark only sends to this machine (loopback), not to " + host);
    }
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    List<String> entries = entries(requests + 5_000, 2025);
    System.out.printf(Locale.ROOT, "%d entries drawn from the 2024 import mix%n", entries.size());
    // Warm-up, not measured: the server's JIT and the client's connections.
    run(base, entries.subList(requests, requests + 5_000), rate, CONNECTIONS);
    Result r = run(base, entries.subList(0, requests), rate, CONNECTIONS);
    System.out.printf(Locale.ROOT, "GET /api/v1/duty: %d requests at a target of %d/s on %d connections: achieved %.0f req/s"
        + " over %.2f s%n", requests, rate, CONNECTIONS, r.achieved(), r.seconds());
    System.out.printf(Locale.ROOT, "  latency from due time: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
        r.pct(50), r.pct(90), r.pct(99), r.pct(99.9), r.pct(100));
    System.out.printf(Locale.ROOT, "  statuses: %s%n", r.statuses());

    double[] home = new double[50];
    for (int i = 0; i < home.length; i++) {
      long t0 = System.nanoTime();
      HttpResponse<byte[]> h = client.send(HttpRequest.newBuilder(URI.create(base + "/")).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      home[i] = (System.nanoTime() - t0) / 1e6;
      if (h.statusCode() != 200) {
        throw new IllegalStateException("GET / answered " + h.statusCode());
      }
    }
    Arrays.sort(home);
    System.out.printf(Locale.ROOT, "GET / (whole page over HTTP, 50 times): p50 %.2f ms, max %.2f ms%n",
        home[home.length / 2], home[home.length - 1]);
    firstPaint(base).ifPresent(ms -> System.out.printf(Locale.ROOT,
        "Home page in headless Chromium, first contentful paint: median %.0f ms of 5 cold loads%n", ms));
    System.exit(0);
  }

  record Result(double[] latenciesMs, double seconds, Map<Integer, Integer> statuses) {
    double achieved() {
      return latenciesMs.length / seconds;
    }

    double pct(double p) {
      int i = (int) Math.ceil(p / 100 * latenciesMs.length) - 1;
      return latenciesMs[Math.max(0, Math.min(latenciesMs.length - 1, i))];
    }
  }

  /**
   * Sends {@code queries} open-loop: request i is due at start + i / rate, and is sent by the first
   * of a few keep-alive connections that is free; its latency runs from its due time, so time spent
   * waiting for a free connection counts. A plain HTTP/1.1 client on sockets, so the client costs
   * little beside a server sharing the same cores.
   */
  private static Result run(String base, List<String> queries, int rate, int connections) throws Exception {
    URI uri = URI.create(base);
    int n = queries.size();
    double[] latency = new double[n];
    int[] status = new int[n];
    AtomicInteger next = new AtomicInteger();
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime() + 10_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Thread t = new Thread(() -> {
        try (Connection conn = new Connection(uri.getHost(), uri.getPort())) {
          int i;
          while ((i = next.getAndIncrement()) < n) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
              LockSupport.parkNanos(wait);
            }
            status[i] = conn.get("/api/v1/duty?" + queries.get(i));
            latency[i] = (System.nanoTime() - due) / 1e6;
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }, "bench-" + c);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int s : status) {
      statuses.merge(s, 1, Integer::sum);
    }
    Arrays.sort(latency);
    return new Result(latency, seconds, statuses);
  }

  /** One keep-alive HTTP/1.1 connection: GET, read the status and the body (Content-Length or chunked). */
  private static final class Connection implements AutoCloseable {
    private final String host;
    private final java.net.Socket socket;
    private final java.io.BufferedInputStream in;
    private final java.io.OutputStream out;

    Connection(String host, int port) throws IOException {
      this.host = host;
      this.socket = new java.net.Socket(host, port);
      socket.setTcpNoDelay(true);
      this.in = new java.io.BufferedInputStream(socket.getInputStream(), 64 * 1024);
      this.out = socket.getOutputStream();
    }

    int get(String pathAndQuery) throws IOException {
      out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String statusLine = line();
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      long length = -1;
      boolean chunked = false;
      String h;
      while (!(h = line()).isEmpty()) {
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(h.substring(15).strip());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        }
      }
      if (chunked) {
        long size;
        while ((size = Long.parseLong(line().strip(), 16)) > 0) {
          skip(size);
          line();
        }
        line();
      } else if (length > 0) {
        skip(length);
      }
      return status;
    }

    private void skip(long n) throws IOException {
      long left = n;
      while (left > 0) {
        long k = in.skip(left);
        if (k <= 0) {
          if (in.read() < 0) {
            throw new java.io.EOFException();
          }
          k = 1;
        }
        left -= k;
      }
    }

    private String line() throws IOException {
      StringBuilder sb = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0 && c != '\n') {
        if (c != '\r') {
          sb.append((char) c);
        }
      }
      if (c < 0 && sb.length() == 0) {
        throw new java.io.EOFException("connection closed");
      }
      return sb.toString();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** Query strings of entries drawn like 2024 US imports. */
  static List<String> entries(int n, long seed) {
    Countries countries = Countries.standard();
    Schedule schedule = Schedule.embedded();
    HtsRevision latest = schedule.load(schedule.latest());
    List<String> codes = new ArrayList<>();
    List<String> origins = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (CsvTable.Row row : CsvTable.embedded("data/trade/us_imports_2024_hs10_by_country.csv.gz").rows()) {
      Optional<Country> origin = countries.byCensusCode(row.get("cty_code"));
      HtsCode code = HtsCode.of(row.get("hs10"));
      double value = Double.parseDouble(row.get("con_val_2024"));
      if (origin.isEmpty() || value <= 0 || latest.line(code).isEmpty()) {
        continue;
      }
      codes.add(code.toString());
      origins.add(origin.get().iso2());
      weights.add(value);
    }
    double[] cumulative = new double[weights.size()];
    double sum = 0;
    for (int i = 0; i < cumulative.length; i++) {
      sum += weights.get(i);
      cumulative[i] = sum;
    }
    SplittableRandom random = new SplittableRandom(seed);
    LocalDate first = LocalDate.of(2025, 1, 1);
    int days = (int) (LocalDate.of(2026, 6, 30).toEpochDay() - first.toEpochDay()) + 1;
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int k = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
      int idx = k >= 0 ? k : Math.min(-k - 1, cumulative.length - 1);
      out.add("hts=" + codes.get(idx) + "&origin=" + origins.get(idx) + "&date=" + first.plusDays(random.nextInt(days))
          + "&value=" + enc(BigDecimal.valueOf(1000 + random.nextInt(99_000)).toPlainString()));
    }
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Median first contentful paint of the home page over 5 loads in a fresh headless Chromium, if there is one. */
  private static Optional<Double> firstPaint(String base) throws IOException {
    if (!new File("/usr/bin/chromium").canExecute() || !new File("/usr/bin/chromedriver").canExecute()) {
      return Optional.empty();
    }
    Path profile = Files.createTempDirectory("tariffscope-bench-");
    var options = new org.openqa.selenium.chrome.ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=1280,800");
    var service = new org.openqa.selenium.chrome.ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    var driver = new org.openqa.selenium.chrome.ChromeDriver(service, options);
    try {
      driver.executeCdpCommand("Network.enable", Map.of());
      driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
      double[] fcp = new double[5];
      for (int i = 0; i < fcp.length; i++) {
        driver.get("about:blank");
        driver.get(base + "/");
        // The paint entry can come a moment after the load event: wait for it, at most a second.
        Object v = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
            "const done = arguments[arguments.length - 1]; const t0 = performance.now();"
                + "(function poll() { const e = performance.getEntriesByName('first-contentful-paint')[0];"
                + " if (e) return done(e.startTime); if (performance.now() - t0 > 1000) return done(-1);"
                + " setTimeout(poll, 20); })();");
        fcp[i] = ((Number) v).doubleValue();
      }
      Arrays.sort(fcp);
      return fcp[2] < 0 ? Optional.empty() : Optional.of(fcp[2]);
    } finally {
      driver.quit();
    }
  }
}
