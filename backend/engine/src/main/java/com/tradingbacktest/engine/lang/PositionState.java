package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.sim.AccountView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The account's state a strategy can read: each the value at the bar's close, after the bar's fills
 * ({@link AccountView}). A strategy that reads any of them is evaluated bar by bar with the account
 * ({@link BarByBar}).
 */
final class PositionState {

  record Variable(String name, String description, String descriptionKo) {}

  static final Map<String, Variable> ALL = new LinkedHashMap<>();

  static {
    add(
        "position_size",
        "The open position in units at the bar's close: above 0 long, below 0 short, 0 flat.",
        "봉 종가 시점의 보유 수량: 양수는 매수, 음수는 공매도, 0은 무포지션.");
    add(
        "position_side",
        "1 when long, -1 when short, 0 when flat, at the bar's close.",
        "봉 종가 시점의 포지션 방향: 매수 1, 공매도 -1, 무포지션 0.");
    add(
        "entry_price",
        "The open position's entry price (its average when entered in parts); na when flat.",
        "보유 포지션의 진입가 (나누어 진입했으면 평균가); 무포지션이면 na.");
    add(
        "bars_since_entry",
        "Bars since the open position was entered (0 on the entry bar); na when flat.",
        "보유 포지션 진입 후 지난 봉 수 (진입 봉에서 0); 무포지션이면 na.");
    add(
        "equity",
        "The account's equity at the bar's close: cash plus the position at the close.",
        "봉 종가 시점의 계좌 평가액: 현금 + 종가로 평가한 포지션.");
    add(
        "cash",
        "The account's cash at the bar's close (negative when borrowed).",
        "봉 종가 시점의 현금 (차입 중이면 음수).");
    add(
        "open_profit",
        "The open position's profit at the bar's close, before exit costs:"
            + " position_size x (close - entry_price); 0 when flat.",
        "봉 종가 시점 보유 포지션의 평가손익 (청산 비용 제외):" + " position_size x (close - entry_price); 무포지션이면 0.");
  }

  private PositionState() {}

  private static void add(String name, String en, String ko) {
    ALL.put(name, new Variable(name, en, ko));
  }

  static boolean contains(String name) {
    return ALL.containsKey(name);
  }

  /** The value of variable {@code name} in {@code account}. */
  static double read(String name, AccountView account) {
    return switch (name) {
      case "position_size" -> account.positionSize();
      case "position_side" -> account.positionSide();
      case "entry_price" -> account.entryPrice();
      case "bars_since_entry" -> account.barsSinceEntry();
      case "equity" -> account.equity();
      case "cash" -> account.cash();
      case "open_profit" -> account.openProfit();
      default -> throw new IllegalArgumentException("not a state variable: " + name);
    };
  }
}
