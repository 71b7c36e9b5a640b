package com.tradingbacktest.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectiveTests {

  @Test
  void parsesSnakeCaseNamesIgnoringCase() {
    assertThat(Objective.parse("sharpe_ratio")).isEqualTo(Objective.SHARPE_RATIO);
    assertThat(Objective.parse("SHARPE_RATIO")).isEqualTo(Objective.SHARPE_RATIO);
    assertThat(Objective.parse(" Max_Drawdown ")).isEqualTo(Objective.MAX_DRAWDOWN);
    assertThat(Objective.parse("sqn")).isEqualTo(Objective.SQN);
  }

  @Test
  void listsTheValidNamesForAnUnknownOne() {
    assertThatThrownBy(() -> Objective.parse("sharpe"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown objective 'sharpe'; use one of sharpe_ratio, sortino_ratio, calmar_ratio, total_return,"
                + " cagr, profit_factor, win_rate, sqn, expectancy, max_drawdown, final_equity");
    assertThatThrownBy(() -> Objective.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scoresTheMetricOfItsNameWithUndefinedAsNaN() {
    PerformanceMetrics m = Fixtures.oneWinningTrade();
    Map<String, Number> json = m.toMap();

    for (Objective o : Objective.values()) {
      assertThat(json).containsKey(o.jsonName());
      double score = o.score(m);
      assertThat(Double.isFinite(score) ? (Object) score : null)
          .as(o.jsonName())
          .isEqualTo(json.get(o.jsonName()));
    }
    assertThat(Objective.TOTAL_RETURN.score(m))
        .isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(Objective.PROFIT_FACTOR.score(m)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Objective.SQN.score(m)).isNaN();
  }
}
