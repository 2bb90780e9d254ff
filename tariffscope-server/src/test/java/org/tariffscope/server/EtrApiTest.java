package org.tariffscope.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tariffscope.analytics.EffectiveRates;
import org.tariffscope.analytics.EffectiveRates.By;
import org.tariffscope.analytics.EtrReport;
import org.tariffscope.analytics.PanelDatabase;
import org.tariffscope.basics.Authority;

/**
 * {@code /api/v1/etr} and {@code /api/v1/etr/series} on the real panel (built once for the module's
 * tests, see {@link TestServer#PANEL}): the rows are the CLI's (the same {@link EtrReport} the
 * {@code etr --format json} command writes, read here straight from the panel), the numbers hang
 * together, and bad input is a 400 like everywhere else.
 */
class EtrApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static PanelDatabase db;
  private static EffectiveRates rates;

  @BeforeAll
  static void panel() {
    TestServer.withPanel();
    db = PanelDatabase.open(TestServer.PANEL);
    rates = new EffectiveRates(db);
  }

  @AfterAll
  static void close() {
    if (db != null) {
      db.close();
    }
  }

  private static JsonNode ok(String pathAndQuery) {
    HttpResponse<String> r = TestServer.get(pathAndQuery);
    assertThat(r.statusCode()).as(pathAndQuery + " " + r.body()).isEqualTo(200);
    return ApiTest.json(r);
  }

  private static JsonNode error(String pathAndQuery, int status) {
    HttpResponse<String> r = TestServer.get(pathAndQuery);
    assertThat(r.statusCode()).as(pathAndQuery + " " + r.body()).isEqualTo(status);
    JsonNode e = ApiTest.json(r).get("error");
    assertThat(e.get("code").asText()).isNotBlank();
    assertThat(e.get("message").asText()).isNotBlank();
    return e;
  }

  /** What {@code tariffscope etr --format json} writes for the same question, as JSON. */
  private static JsonNode cli(List<EffectiveRates.Row> rows) {
    return JSON.valueToTree(EtrReport.of(rows));
  }

  @Test
  void theOverallRateOnADayIsTheClisRowWithItsPartsAddingUp() {
    JsonNode body = ok("/api/v1/etr?date=2025-10-17");
    assertThat(body.get("date").asText()).isEqualTo("2025-10-17");
    assertThat(body.get("by").asText()).isEqualTo("overall");
    assertThat(body.get("weights").asText()).contains("2024");
    JsonNode rows = body.get("rates");
    assertThat(rows).hasSize(1);
    JsonNode all = rows.get(0);
    List<String> fields = new ArrayList<>();
    all.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("date", "key", "label", "imports_b", "total_pct", "by_authority");
    assertThat(all.get("key").asText()).isEqualTo("all");
    List<String> keys = new ArrayList<>();
    all.get("by_authority").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly(java.util.Arrays.stream(Authority.values()).map(Authority::key).toArray(String[]::new));
    double parts = 0;
    for (Iterator<JsonNode> it = all.get("by_authority").elements(); it.hasNext();) {
      parts += it.next().asDouble();
    }
    assertThat(parts).isCloseTo(all.get("total_pct").asDouble(), within(0.001));
    // After the August 2025 rates and before the court: well above the 2.4% of 2024, below 25%.
    assertThat(all.get("total_pct").asDouble()).isBetween(12.0, 25.0);
    assertThat(all.get("imports_b").asDouble()).isBetween(2_900.0, 3_300.0);
    assertThat(rows).isEqualTo(cli(rates.on(LocalDate.of(2025, 10, 17), By.OVERALL, Set.of())));
  }

  @Test
  void byAuthorityTheRowsAreTheLayersOfTheOverallRate() {
    JsonNode overall = ok("/api/v1/etr?date=2025-04-10").get("rates").get(0);
    JsonNode layers = ok("/api/v1/etr?date=2025-04-10&by=authority").get("rates");
    assertThat(layers).hasSize(Authority.values().length);
    double sum = 0;
    for (JsonNode l : layers) {
      sum += l.get("total_pct").asDouble();
      assertThat(l.get("total_pct").asDouble()).isEqualTo(overall.get("by_authority").get(l.get("key").asText()).asDouble());
    }
    assertThat(sum).isCloseTo(overall.get("total_pct").asDouble(), within(0.001));
    assertThat(layers.get(1).get("label").asText()).isEqualTo("Section 232");
  }

  @Test
  void byCountryLargestPartnersFirstAndChinaCarriesTheHighestRateOfThem() {
    JsonNode rows = ok("/api/v1/etr?date=2025-04-12&by=country").get("rates");
    assertThat(rows.size()).isGreaterThan(200);
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i).get("imports_b").asDouble()).isLessThanOrEqualTo(rows.get(i - 1).get("imports_b").asDouble());
    }
    JsonNode china = null;
    for (JsonNode r : rows) {
      if (r.get("key").asText().equals("CN")) {
        china = r;
      }
    }
    assertThat(china).isNotNull();
    assertThat(china.get("label").asText()).isEqualTo("China");
    // 125% reciprocal and 20% fentanyl on top of 301 and 232: the April 2025 peak.
    assertThat(china.get("total_pct").asDouble()).isGreaterThan(100);
    assertThat(china.get("by_authority").get("ieepa_reciprocal").asDouble()).isGreaterThan(60);
    assertThat(rows).isEqualTo(cli(rates.on(LocalDate.of(2025, 4, 12), By.COUNTRY, Set.of())));
  }

  @Test
  void originsPickCountriesByCodeOrNameAndTopKeepsTheLargest() {
    JsonNode body = ok("/api/v1/etr?date=2025-10-17&origin=CN,Japan&origin=mx");
    assertThat(body.get("by").asText()).isEqualTo("country");
    assertThat(body.get("origins").toString()).isEqualTo("[\"CN\",\"JP\",\"MX\"]");
    List<String> keys = new ArrayList<>();
    body.get("rates").forEach(r -> keys.add(r.get("key").asText()));
    assertThat(keys).containsExactlyInAnyOrder("CN", "JP", "MX");
    assertThat(ok("/api/v1/etr?date=2025-10-17&by=country&top=5").get("rates")).hasSize(5);
    JsonNode sectors = ok("/api/v1/etr?date=2025-10-17&by=sector&top=3").get("rates");
    assertThat(sectors).hasSize(3);
    assertThat(sectors.get(0).get("label").asText()).isNotEqualTo(sectors.get(0).get("key").asText());
    assertThat(ok("/api/v1/etr?date=2025-10-17&by=hs2").get("rates").get(0).get("label").asText()).startsWith("Chapter ");
  }

  @Test
  void theSeriesHasEveryDayAndMatchesTheSingleDays() {
    JsonNode body = ok("/api/v1/etr/series");
    assertThat(body.get("from").asText()).isEqualTo("2025-01-01");
    assertThat(body.get("to").asText()).isEqualTo("2026-12-31");
    JsonNode rows = body.get("rates");
    assertThat(rows).hasSize(730);
    LocalDate d = LocalDate.of(2025, 1, 1);
    for (JsonNode r : rows) {
      assertThat(r.get("date").asText()).isEqualTo(d.toString());
      d = d.plusDays(1);
    }
    JsonNode oct17 = rows.get((int) (LocalDate.of(2025, 10, 17).toEpochDay() - LocalDate.of(2025, 1, 1).toEpochDay()));
    assertThat(oct17).isEqualTo(ok("/api/v1/etr?date=2025-10-17").get("rates").get(0));
    // The pause of 9 April: the rate falls the next day.
    JsonNode apr9 = rows.get(98);
    JsonNode apr10 = rows.get(99);
    assertThat(apr9.get("date").asText()).isEqualTo("2025-04-09");
    assertThat(apr10.get("total_pct").asDouble()).isNotEqualTo(apr9.get("total_pct").asDouble());

    JsonNode countries = ok("/api/v1/etr/series?from=2025-03-01&to=2025-03-31&by=country&top=3");
    assertThat(countries.get("rates")).hasSize(3 * 31);
    JsonNode one = ok("/api/v1/etr/series?from=2025-03-01&to=2025-03-10&origin=CA");
    assertThat(one.get("rates")).hasSize(10);
    assertThat(one.get("rates")).isEqualTo(cli(rates.series(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 10),
        By.COUNTRY, Set.of("CA"))));
  }

  @Test
  void csvHasTheClisHeaderAndOneLinePerRate() {
    HttpResponse<String> r = TestServer.get("/api/v1/etr?date=2025-10-17&by=sector&format=csv");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
        .isEqualTo("attachment; filename=\"etr-2025-10-17-sector.csv\"");
    List<String> lines = r.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo(EtrReport.CSV_HEADER)
        .isEqualTo("date,key,label,imports_b,total_pct,mfn_pct,s232_pct,s301_pct,ieepa_reciprocal_pct,"
            + "ieepa_fentanyl_pct,s122_pct,s201_pct,other_pct");
    assertThat(lines.size() - 1).isEqualTo(ok("/api/v1/etr?date=2025-10-17&by=sector").get("rates").size());
    assertThat(lines).noneMatch(l -> l.contains("E-"));
    HttpResponse<String> series = TestServer.get("/api/v1/etr/series?from=2025-04-01&to=2025-04-30&format=csv");
    assertThat(series.headers().firstValue("Content-Disposition").orElse(""))
        .contains("etr-series-2025-04-01-2025-04-30-overall.csv");
    assertThat(series.body().lines().count()).isEqualTo(31);
  }

  @Test
  void badInputIs400LikeEverywhereElse() {
    assertThat(error("/api/v1/etr", 400).get("message").asText()).contains("date is required");
    assertThat(error("/api/v1/etr?date=2024-12-31", 400).get("message").asText())
        .contains("2025-01-01 to 2026-12-31");
    error("/api/v1/etr?date=2027-01-01", 400);
    assertThat(error("/api/v1/etr?date=17/10/2025", 400).get("message").asText()).contains("YYYY-MM-DD");
    assertThat(error("/api/v1/etr?date=2025-10-17&by=planet", 400).get("message").asText())
        .contains("overall, country, authority, sector or hs2");
    assertThat(error("/api/v1/etr?date=2025-10-17&origin=Narnia", 400).get("code").asText()).isEqualTo("UNKNOWN_COUNTRY");
    assertThat(error("/api/v1/etr?date=2025-10-17&origin=CN&by=sector", 400).get("message").asText())
        .contains("origin goes with by=country");
    error("/api/v1/etr?date=2025-10-17&top=0", 400);
    error("/api/v1/etr?date=2025-10-17&format=xml", 400);
    error("/api/v1/etr/series?from=2025-05-01&to=2025-04-01", 400);
    error("/api/v1/etr/series?to=2027-06-01", 400);
    error("/api/v1/etr/series?by=Country%3B", 400);
  }
}
