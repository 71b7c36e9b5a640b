package com.tradingbacktest.engine.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Working strategies to start from, shipped as source files with documented parameters. */
public final class StrategyTemplates {

  /**
   * One template: an id, names and descriptions in English and Korean, and its source.
   *
   * @param portfolio true when it assigns {@code weight}: it allocates across a universe of symbols
   *     (a portfolio run) rather than trading one symbol
   */
  public record Template(
      String id,
      String name,
      String nameKo,
      String description,
      String descriptionKo,
      String source,
      boolean portfolio) {}

  private static final List<Template> ALL =
      List.of(
          load(
              "buy_and_hold",
              "Buy and hold",
              "매수 후 보유",
              "Buy on the first bar and hold: the benchmark.",
              "첫 봉에 매수하고 계속 보유: 비교 기준."),
          load(
              "sma_crossover",
              "SMA crossover",
              "단순 이동평균 교차",
              "Long while the fast SMA is above the slow SMA.",
              "빠른 SMA가 느린 SMA 위에 있는 동안 매수 보유."),
          load(
              "ema_crossover",
              "EMA crossover",
              "지수 이동평균 교차",
              "Long while the fast EMA is above the slow EMA.",
              "빠른 EMA가 느린 EMA 위에 있는 동안 매수 보유."),
          load(
              "golden_cross",
              "Golden cross / death cross (50/200)",
              "골든 크로스 / 데드 크로스 (50/200)",
              "Buy the 50/200 golden cross, sell the death cross.",
              "50/200 골든 크로스에 매수, 데드 크로스에 매도."),
          load(
              "rsi_mean_reversion",
              "RSI mean reversion",
              "RSI 평균 회귀",
              "Buy oversold RSI, sell overbought.",
              "RSI 과매도에서 매수, 과매수에서 매도."),
          load(
              "bollinger_mean_reversion",
              "Bollinger Band mean reversion",
              "볼린저 밴드 평균 회귀",
              "Buy below the lower band, sell at the middle band.",
              "하단 밴드 아래에서 매수, 중심선에서 매도."),
          load(
              "macd_signal_cross",
              "MACD signal cross",
              "MACD 시그널 교차",
              "Long while MACD is above its signal line.",
              "MACD가 시그널선 위에 있는 동안 매수 보유."),
          load(
              "donchian_breakout",
              "Donchian breakout (turtle)",
              "돈치안 채널 돌파 (터틀)",
              "Buy a break of the 20-bar high, sell a break of the 10-bar low.",
              "20봉 최고가 돌파 시 매수, 10봉 최저가 이탈 시 매도."),
          load(
              "atr_trailing_trend",
              "ATR trailing-stop trend follower",
              "ATR 트레일링 스탑 추세 추종",
              "Enter above the EMA, exit 3 ATRs below the high.",
              "EMA 위로 돌파 시 진입, 고점 대비 3 ATR 하락 시 청산."),
          load(
              "scale_in_trend",
              "Scale-in trend follower",
              "분할 매수 추세 추종",
              "Buy a third above the SMA, add on new highs (up to three), take half off at a profit"
                  + " target, exit below the SMA.",
              "SMA 위에서 1/3 매수, 신고가마다 추가 매수 (최대 3회), 목표 수익에서 절반 매도, SMA 아래에서" + " 청산."),
          load(
              "volatility_breakout",
              "Volatility breakout (Larry Williams)",
              "변동성 돌파 (래리 윌리엄스)",
              "Buy when price rises k x yesterday's range above the open; sell next open.",
              "시가 + k x 전일 변동폭 돌파 시 매수, 다음 날 시가에 매도."),
          load(
              "dual_momentum",
              "Dual momentum (absolute momentum)",
              "듀얼 모멘텀 (절대 모멘텀)",
              "Hold while the 12-month return is positive, else cash.",
              "12개월 수익률이 양수일 때만 보유, 아니면 현금."),
          load(
              "profit_or_time_exit",
              "Profit target or time exit",
              "목표 수익 또는 보유 기간 청산",
              "Buy a cross above the EMA; sell at a profit on the entry price or after N bars in"
                  + " the trade.",
              "종가가 EMA를 상향 돌파하면 매수; 진입가 대비 목표 수익에 도달하거나 N봉이 지나면 매도."),
          load(
              "equal_weight",
              "Equal weight (portfolio)",
              "동일 비중 (포트폴리오)",
              "Every symbol of the universe at 1 / N of equity, rebalanced monthly.",
              "유니버스의 모든 종목을 자산의 1 / N씩 보유, 매월 리밸런싱."),
          load(
              "momentum_rotation",
              "12-1 month momentum rotation (portfolio)",
              "12-1개월 모멘텀 로테이션 (포트폴리오)",
              "Each month hold the top N symbols by their return from 12 months to 1 month ago.",
              "매월 12개월 전부터 1개월 전까지의 수익률 상위 N개 종목을 보유."),
          load(
              "dual_momentum_rotation",
              "Dual momentum, relative and absolute (portfolio)",
              "듀얼 모멘텀, 상대 + 절대 (포트폴리오)",
              "Hold the best performers of the universe while their return beats a threshold, else"
                  + " cash.",
              "유니버스에서 수익률이 가장 좋은 종목을 보유하되, 수익률이 기준을 넘을 때만; 아니면 현금."),
          load(
              "inverse_volatility",
              "Inverse-volatility weighting (portfolio)",
              "역변동성 가중 (포트폴리오)",
              "Weights proportional to 1 / volatility, summing to 1, rebalanced monthly.",
              "변동성의 역수에 비례한 비중 (합계 1), 매월 리밸런싱."),
          load(
              "krx_momentum",
              "KOSPI large caps momentum (portfolio)",
              "코스피 대형주 모멘텀 (포트폴리오)",
              "Each month hold the top KOSPI large caps by 6-month return that trade above their"
                  + " 200-day average.",
              "매월 6개월 수익률 상위이면서 200일 이동평균 위에 있는 코스피 대형주를 보유."));

  private StrategyTemplates() {}

  public static List<Template> all() {
    return ALL;
  }

  public static java.util.Optional<Template> byId(String id) {
    return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  private static Template load(
      String id, String name, String nameKo, String description, String descriptionKo) {
    String path = "templates/" + id + ".strategy";
    try (InputStream in = StrategyTemplates.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing template resource " + path);
      }
      String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      StrategyCompiler.Compilation compiled = StrategyCompiler.compile(source);
      if (!compiled.ok()) {
        throw new IllegalStateException(
            "template " + id + " does not compile: " + compiled.errors());
      }
      return new Template(
          id, name, nameKo, description, descriptionKo, source, compiled.strategy().hasWeight());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
