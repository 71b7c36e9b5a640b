import { placeholderParams } from "@/lib/dynamic-route";
import { StrategyDetail } from "./strategy-detail";

/** Exported once for the placeholder id; the server maps every /strategies/<id> to it. */
export function generateStaticParams() {
  return placeholderParams("id");
}

export default function StrategyPage() {
  return <StrategyDetail />;
}
