package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.engine.sim.CostModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What each cost preset charges, from the engine's own presets, so the run form shows a preset's
 * parts (the US preset's dated SEC and FINRA sell fees included) without copying them.
 */
@RestController
@RequestMapping(BacktestController.PATH)
@Tag(name = "Backtests")
class CostPresetsController {

  /** The presets, in the order the run form lists them. */
  static final List<String> PRESETS = List.of("none", "krx", "us", "upbit", "binance");

  @GetMapping("/cost-presets")
  @Operation(
      summary = "The cost presets and what each charges",
      description =
          "Each preset as a run stores it (tick_size is the symbol's in a run; here the preset's"
              + " default): commission, sell tax, slippage, per-share fee and, for us, the SEC"
              + " Section 31 fee and FINRA Trading Activity Fee on sells by effective date.",
      responses = {@ApiResponse(responseCode = "200", description = "The presets")})
  List<RunSettings.Costs> costPresets() {
    return PRESETS.stream()
        .map(name -> RunSettings.Costs.of(name, CostModel.preset(name)))
        .toList();
  }
}
