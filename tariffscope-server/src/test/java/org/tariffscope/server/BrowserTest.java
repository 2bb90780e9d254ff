package org.tariffscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app in a real browser: Debian's headless Chromium driven by its chromedriver (never a
 * browser or driver fetched at run time). Searches, prices, draws the chart, downloads the CSV, and
 * takes the screenshots of docs/screenshots (written to target/screenshots; with
 * {@code -Dtariffscope.screenshots=<dir>} copied there too).
 */
class BrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private static ChromeDriver driver;
  private static Path profile;
  private static WebDriverWait wait;

  @BeforeAll
  static void startBrowser() throws IOException {
    assertThat(Files.isExecutable(CHROMIUM)).as("The browser tests need Debian's chromium at " + CHROMIUM
        + ": apt-get install -y chromium chromium-driver (scripts/test installs them)").isTrue();
    assertThat(Files.isExecutable(CHROMEDRIVER)).as("The browser tests need Debian's chromedriver at " + CHROMEDRIVER
        + ": apt-get install -y chromium-driver (scripts/test installs it)").isTrue();
    profile = Files.createTempDirectory("tariffscope-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=1280,800", "--lang=en-US", "--hide-scrollbars");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @BeforeEach
  void desktop() {
    viewport(1280, 800);
  }

  private static void viewport(int width, int height) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
        "deviceScaleFactor", 1, "mobile", width < 600));
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private static void open(String pathAndQuery) {
    driver.get(TestServer.url(pathAndQuery));
  }

  private static void noCspViolations() {
    assertThat((List<?>) js("return window.tariffscopeCsp || ['app.js did not run'];")).as("CSP violations").isEmpty();
  }

  @Test
  void searchAProductByWordsPickItAndPriceIt() {
    open("/");
    WebElement hts = driver.findElement(By.id("hts"));
    hts.sendKeys("hydraulic backhoes");
    WebElement option = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("#hts-options [role=option][data-code='8429.52.10.10']")));
    assertThat(hts.getAttribute("aria-expanded")).isEqualTo("true");
    option.click();
    assertThat(hts.getAttribute("value")).isEqualTo("8429.52.10.10");
    driver.findElement(By.id("origin")).sendKeys("Japan");
    js("arguments[0].value = '2025-04-09';", driver.findElement(By.id("date")));
    driver.findElement(By.cssSelector("#duty-form button[type=submit]")).click();
    WebElement total = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-total]")));
    assertThat(total.getText()).isEqualTo("24%");
    assertThat(driver.getCurrentUrl()).contains("hts=8429.52.10.10").contains("origin=Japan").contains("date=2025-04-09");
    WebElement row = driver.findElement(By.cssSelector("tr[data-heading='9903.01.53']"));
    assertThat(row.getText()).contains("IEEPA reciprocal").contains("+24%");
    noCspViolations();
  }

  @Test
  void typeTheStartOfACodeChooseWithTheKeyboardAndSeeTheSection232LineAndItsCitation() {
    open("/");
    WebElement hts = driver.findElement(By.id("hts"));
    hts.sendKeys("8703.23.01.6");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#hts-options [data-code='8703.23.01.60']")));
    hts.sendKeys(Keys.ARROW_DOWN);
    hts.sendKeys(Keys.ENTER);
    assertThat(hts.getAttribute("value")).isEqualTo("8703.23.01.60");
    driver.findElement(By.id("origin")).sendKeys("JP");
    js("arguments[0].value = '2025-04-06';", driver.findElement(By.id("date")));
    driver.findElement(By.id("value")).sendKeys("40000");
    driver.findElement(By.id("value")).sendKeys(Keys.ENTER);
    WebElement total = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-total]")));
    assertThat(total.getText()).isEqualTo("27.5%");
    WebElement row = driver.findElement(By.cssSelector("tr[data-heading='9903.94.01']"));
    assertThat(row.getText()).contains("Section 232").contains("$10,000.00");
    WebElement cite = row.findElement(By.cssSelector("a.cite"));
    assertThat(cite.getAttribute("href")).isEqualTo("https://www.federalregister.gov/d/2025-05930");
    assertThat(cite.getText()).contains("Proclamation 10908");
    assertThat(cite.getAttribute("rel")).contains("noopener");
    assertThat(driver.findElement(By.cssSelector(".result-total")).getText()).contains("$11,000.00");
    assertThat(driver.findElement(By.id("not-applied-title")).getText()).contains("Considered, not applied");
    noCspViolations();
  }

  @Test
  void theTimelineChartHasDataAndItsCsvDownloads() {
    open("/timeline?hts=8429.52.10.10&origin=JP");
    wait.until(d -> js("return !!window.tariffscopeChart;").equals(Boolean.TRUE));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> series = (List<Map<String, Object>>) js(
        "return tariffscopeChart.getOption().series.map(s => ({id: s.id, n: s.data.length,"
            + " marks: s.markLine ? s.markLine.data.length : 0}));");
    assertThat(series).isNotEmpty();
    assertThat(series).allSatisfy(s -> assertThat(((Number) s.get("n")).intValue()).isPositive());
    assertThat(series).extracting(s -> s.get("id")).contains("ieepa_reciprocal");
    assertThat(((Number) series.get(0).get("marks")).intValue()).isEqualTo(6);
    assertThat(driver.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("table.steps tbody tr")).size()).isGreaterThan(3);
    noCspViolations();

    @SuppressWarnings("unchecked")
    Map<String, Object> csv = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(document.querySelector('[data-csv]').href)"
            + ".then(r => r.text().then(t => done({status: r.status, type: r.headers.get('content-type'),"
            + " disposition: r.headers.get('content-disposition'), text: t})))"
            + ".catch(e => done({error: String(e)}));");
    assertThat(csv.get("error")).isNull();
    assertThat(((Number) csv.get("status")).intValue()).isEqualTo(200);
    assertThat((String) csv.get("type")).startsWith("text/csv");
    assertThat((String) csv.get("disposition")).startsWith("attachment");
    List<String> rows = ((String) csv.get("text")).lines().toList();
    assertThat(rows.get(0)).isEqualTo("from,until,total_ad_valorem_pct,headings,change,revision");
    assertThat(rows.size()).isGreaterThan(4);
    assertThat(rows).anyMatch(r -> r.startsWith("2025-04-09,2025-04-10,24,"));
  }

  @Test
  void theDealsPageComparesTheJapanScenariosWithAChartAndLetsOneChooseOthers() {
    DealsTest.awaitDealsPage();
    open("/deals");
    wait.until(d -> js("return !!window.tariffscopeDealsChart;").equals(Boolean.TRUE));
    List<WebElement> heads = driver.findElements(By.cssSelector("table.deals thead th.num"));
    assertThat(heads).extracting(WebElement::getText).startsWith("A", "B", "C", "D", "E");
    String table = driver.findElement(By.cssSelector("table.deals")).getText();
    assertThat(table).contains("Imports from partner, after").contains("US goods balance with partner, after");
    assertThat(((Number) js("return window.tariffscopeDealsChart.getOption().series.length;")).intValue()).isEqualTo(6);
    // choose two: the deal and no deal
    for (WebElement box : driver.findElements(By.cssSelector("input[name=s]"))) {
      boolean want = List.of("japan-24pct-july", "japan-deal").contains(box.getAttribute("value"));
      if (box.isSelected() != want) {
        box.click();
      }
    }
    driver.findElement(By.cssSelector("form[action='/deals'] button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("s=japan-24pct-july"));
    wait.until(d -> js("return !!window.tariffscopeDealsChart;").equals(Boolean.TRUE));
    assertThat(driver.findElements(By.cssSelector("table.deals thead th.num"))).extracting(WebElement::getText)
        .containsExactly("A", "B", "B − A");
    noCspViolations();
  }

  @Test
  void theEffectiveRatesPageDrawsItsChartsWithDataAndItsCsvDownloads() {
    TestServer.withPanel();
    open("/effective-rates?date=2025-10-17&by=country");
    wait.until(d -> js("return !!(window.tariffscopeCharts && window.tariffscopeCharts.lines);").equals(Boolean.TRUE));
    @SuppressWarnings("unchecked")
    Map<String, Object> charts = (Map<String, Object>) js(
        "const c = window.tariffscopeCharts; const o = (k) => c[k].getOption();"
            + "return {stack: o('stack').series.map(s => ({id: s.id, n: s.data.length})),"
            + " marks: o('stack').series[0].markLine.data.length,"
            + " bars: o('bars').yAxis[0].data.length, barSeries: o('bars').series.length,"
            + " lines: o('lines').series.map(s => ({id: s.id, n: s.data.length}))};");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> stack = (List<Map<String, Object>>) charts.get("stack");
    assertThat(stack).extracting(s -> s.get("id")).contains("mfn", "section_232", "ieepa_reciprocal", "ieepa_fentanyl");
    assertThat(stack).allSatisfy(s -> assertThat(((Number) s.get("n")).intValue()).isGreaterThan(1));
    assertThat(((Number) charts.get("marks")).intValue()).as("6 events and the chosen day").isEqualTo(7);
    assertThat(((Number) charts.get("bars")).intValue()).isEqualTo(EtrViews.BARS);
    assertThat(((Number) charts.get("barSeries")).intValue()).isGreaterThan(3);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> lines = (List<Map<String, Object>>) charts.get("lines");
    assertThat(lines).hasSize(EtrViews.LINES + 1);
    assertThat(lines).extracting(s -> s.get("id")).contains("CN", "MX", "CA", "all");
    assertThat(driver.findElements(By.cssSelector("#etr-stack canvas"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("table.etr-table tbody tr")).size()).isEqualTo(EtrViews.TABLE_ROWS);
    noCspViolations();

    @SuppressWarnings("unchecked")
    Map<String, Object> csv = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(document.querySelector('[data-csv]').href)"
            + ".then(r => r.text().then(t => done({status: r.status, type: r.headers.get('content-type'),"
            + " disposition: r.headers.get('content-disposition'), text: t})))"
            + ".catch(e => done({error: String(e)}));");
    assertThat(csv.get("error")).isNull();
    assertThat(((Number) csv.get("status")).intValue()).isEqualTo(200);
    assertThat((String) csv.get("type")).startsWith("text/csv");
    assertThat((String) csv.get("disposition")).startsWith("attachment").contains("etr-2025-10-17-country.csv");
    List<String> rows = ((String) csv.get("text")).lines().toList();
    assertThat(rows.get(0)).startsWith("date,key,label,imports_b,total_pct,mfn_pct,s232_pct");
    assertThat(rows.size()).isGreaterThan(200);
    assertThat(rows).anyMatch(r -> r.startsWith("2025-10-17,CN,China,"));

    // A click on the chart opens the page on the day clicked, with the same split.
    @SuppressWarnings("unchecked")
    List<Number> point = (List<Number>) js("return window.tariffscopeCharts.stack.convertToPixel({gridIndex: 0},"
        + " ['2025-04-20', 5]);");
    WebElement chart = driver.findElement(By.id("etr-stack"));
    new org.openqa.selenium.interactions.Actions(driver)
        .moveToElement(chart, point.get(0).intValue() - chart.getSize().getWidth() / 2,
            point.get(1).intValue() - chart.getSize().getHeight() / 2).click().perform();
    wait.until(ExpectedConditions.urlContains("date=2025-04-"));
    assertThat(driver.getCurrentUrl()).contains("by=country");
    wait.until(d -> js("return !!(window.tariffscopeCharts && window.tariffscopeCharts.stack);").equals(Boolean.TRUE));
    assertThat(driver.findElement(By.id("day-title")).getText()).contains("Apr 2025");
  }

  @Test
  void everyPageFitsAPhoneAndTheScreenshotsAreTaken() throws IOException {
    TestServer.withPanel();
    Path out = Path.of("target", "screenshots");
    Files.createDirectories(out);
    String copyTo = System.getProperty("tariffscope.screenshots");
    Map<String, String> pages = new java.util.LinkedHashMap<>();
    pages.put("calculator", "/");
    pages.put("calculator-result", "/?hts=8703.23.01.60&origin=JP&date=2025-04-06&value=40000");
    pages.put("timeline", "/timeline?hts=8429.52.10.10&origin=JP");
    pages.put("measures", "/measures?date=2025-04-09&origin=Vietnam");
    pages.put("deals", "/deals");
    DealsTest.awaitDealsPage();
    pages.put("effective-rates", "/effective-rates?date=2025-10-17&by=country");
    pages.put("effective-rates-authority", "/effective-rates?date=2025-04-10&by=authority");
    for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
      viewport(size[0], size[1]);
      for (Map.Entry<String, String> page : pages.entrySet()) {
        open(page.getValue());
        if (page.getKey().equals("timeline")) {
          wait.until(d -> js("return !!window.tariffscopeChart;").equals(Boolean.TRUE));
        }
        if (page.getKey().equals("deals")) {
          wait.until(d -> js("return !!window.tariffscopeDealsChart;").equals(Boolean.TRUE));
        }
        if (page.getKey().startsWith("effective-rates")) {
          wait.until(d -> js("return !!(window.tariffscopeCharts && window.tariffscopeCharts.bars);").equals(Boolean.TRUE));
        }
        long overflow = ((Number) js("return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
        assertThat(overflow).as(page.getKey() + " at " + size[0] + "px is wider than the screen").isLessThanOrEqualTo(0);
        noCspViolations();
        screenshot(out, page.getKey() + "-" + size[0] + "x" + size[1] + ".png", copyTo);
        if (page.getKey().equals("effective-rates")) {
          // The rates on the day: the bars and the head of the table.
          js("document.getElementById('day-title').scrollIntoView(); window.scrollBy(0, -12);");
          screenshot(out, "effective-rates-day-" + size[0] + "x" + size[1] + ".png", copyTo);
        }
      }
    }
    viewport(1280, 800);
    open("/");
    driver.findElement(By.id("hts")).sendKeys("hydraulic backhoes");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#hts-options [role=option]")));
    driver.findElement(By.id("hts")).sendKeys(Keys.ARROW_DOWN);
    screenshot(out, "calculator-search-1280x800.png", copyTo);
  }

  private static void screenshot(Path out, String name, String copyTo) throws IOException {
    Path shot = out.resolve(name);
    Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
    if (copyTo != null && !copyTo.isBlank()) {
      Path dir = Path.of(copyTo);
      Files.createDirectories(dir);
      Files.copy(shot, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
