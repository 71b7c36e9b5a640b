package com.tradingbacktest.engine.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Working strategies to start from, shipped as source files with documented parameters. */
public final class StrategyTemplates {

  /** One template: an id, names and descriptions in English and Korean, and its source. */
  public record Template(
      String id,
      String name,
      String nameKo,
      String description,
      String descriptionKo,
      String source) {}

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
              "12개월 수익률이 양수일 때만 보유, 아니면 현금."));

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
      return new Template(
          id,
          name,
          nameKo,
          description,
          descriptionKo,
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
