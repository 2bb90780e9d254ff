package org.tariffscope.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The one shape of an effective rate: the CLI's JSON and CSV, the API's, the page's. */
class EtrReportTest {
  private static final EffectiveRates.Row ROW = new EffectiveRates.Row(LocalDate.of(2025, 10, 17), "CN", "China, "
      + "People's Republic", 413.10749, 42.164512, new double[] {2.61604, 3.32494, 10.06731, 6.15548, 20, 0, 0.00091, 0});

  @Test
  void jsonHasTheClisFieldsRounded() throws Exception {
    String json = new ObjectMapper().writeValueAsString(EtrReport.of(ROW));
    assertThat(json).isEqualTo("{\"date\":\"2025-10-17\",\"key\":\"CN\",\"label\":\"China, People's Republic\","
        + "\"imports_b\":413.107,\"total_pct\":42.1645,\"by_authority\":{\"mfn\":2.616,\"section_232\":3.3249,"
        + "\"section_301\":10.0673,\"ieepa_reciprocal\":6.1555,\"ieepa_fentanyl\":20.0,\"section_122\":0.0,"
        + "\"section_201\":9.0E-4,\"other\":0.0}}");
  }

  @Test
  void csvQuotesWhatNeedsItAndWritesNumbersAsPeopleDo() {
    assertThat(EtrReport.CSV_HEADER).isEqualTo("date,key,label,imports_b,total_pct,mfn_pct,s232_pct,s301_pct,"
        + "ieepa_reciprocal_pct,ieepa_fentanyl_pct,s122_pct,s201_pct,other_pct");
    assertThat(EtrReport.of(ROW).csvRow()).isEqualTo("2025-10-17,CN,\"China, People's Republic\",413.107,42.1645,"
        + "2.616,3.3249,10.0673,6.1555,20,0,0.0009,0");
  }
}
