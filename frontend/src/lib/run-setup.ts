/**
 * What a backtest runs on, as the forms that start one hold it (numbers as the text typed): the
 * strategy, the symbol with its interval and days, and the starting capital. The backtest and the
 * optimisation forms add their own fields to it.
 */
export interface RunSetupValues {
  strategy_id: string;
  symbol: string;
  interval: string;
  start_date: string;
  end_date: string;
  initial_capital: string;
}

export const emptyRunSetup = (): RunSetupValues => ({
  strategy_id: "",
  symbol: "",
  interval: "",
  start_date: "",
  end_date: "",
  initial_capital: "10000",
});
