package com.tradingbacktest.app.backtest.walkforward;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.robust.WindowMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The windows fields of a walk-forward request, checked together with their defaults. */
class WalkForwardWindowsRequestTests {

  private static WalkForwardRequest.WindowsSpec spec(
      String mode,
      Integer count,
      Double ratio,
      Integer trainBars,
      Integer testBars,
      String trainPeriod,
      String testPeriod,
      Integer gap) {
    return new WalkForwardRequest.WindowsSpec(
        mode, count, ratio, trainBars, testBars, trainPeriod, testPeriod, gap);
  }

  @Test
  void fillsEveryDefaultWhenNoWindowsAreGiven() {
    Map<String, String> errors = new LinkedHashMap<>();

    WalkForwardService.WindowsRequest resolved = WalkForwardService.windowsRequest(null, errors);

    assertThat(errors).isEmpty();
    assertThat(resolved.mode()).isEqualTo(WindowMode.ROLLING);
    assertThat(resolved.spec()).isEqualTo(spec("rolling", 5, 3.0, null, null, null, null, 0));
  }

  @Test
  void readsTheModeInAnyCaseAndNormalisesPeriods() {
    Map<String, String> errors = new LinkedHashMap<>();

    WalkForwardService.WindowsRequest resolved =
        WalkForwardService.windowsRequest(
            spec(" Anchored ", null, null, null, null, "p2y", "P6M", 3), errors);

    assertThat(errors).isEmpty();
    assertThat(resolved.mode()).isEqualTo(WindowMode.ANCHORED);
    assertThat(resolved.spec().mode()).isEqualTo("anchored");
    assertThat(resolved.spec().trainPeriod()).isEqualTo("P2Y");
    assertThat(resolved.spec().testPeriod()).isEqualTo("P6M");
    assertThat(resolved.spec().gapBars()).isEqualTo(3);
  }

  @Test
  void namesEachFieldThatIsWrong() {
    Map<String, String> errors = new LinkedHashMap<>();

    WalkForwardService.windowsRequest(
        spec("sideways", null, null, 100, null, "P0D", null, null), errors);

    assertThat(errors)
        .containsEntry("windows.mode", "must be rolling or anchored")
        .containsEntry("windows.test_bars", "give train_bars and test_bars together, or neither")
        .containsEntry(
            "windows.test_period", "give train_period and test_period together, or neither")
        .containsEntry("windows.train_period", "must be longer than zero");
  }

  @Test
  void refusesBarsAndPeriodsTogetherAndPeriodsThatAreNotPeriods() {
    Map<String, String> errors = new LinkedHashMap<>();

    WalkForwardService.windowsRequest(
        spec(null, null, null, 100, 20, "two years", "P-1M", null), errors);

    assertThat(errors)
        .containsEntry(
            "windows.train_period", "must be an ISO-8601 period such as P2Y, P6M or P30D")
        .containsEntry("windows.test_period", "must be longer than zero")
        .containsKey("windows");
  }
}
