import { placeholderParams } from "@/lib/dynamic-route";
import { BacktestDetail } from "./backtest-detail";

/** Exported once for the placeholder id; the server maps every /backtests/<id> to it. */
export function generateStaticParams() {
  return placeholderParams("id");
}

export default function BacktestPage() {
  return <BacktestDetail />;
}
