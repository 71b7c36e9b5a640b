import { create } from "zustand";
import { toggledSort, type Sort } from "@/lib/sort";
import type { BacktestStatus } from "../api/get-backtests";

/** The fields the API sorts runs by (RunSort): the run's own and its key metrics. */
export const RUN_SORT_FIELDS = [
  "created_at",
  "completed_at",
  "symbol",
  "status",
  "total_return",
  "cagr",
  "sharpe_ratio",
  "sortino_ratio",
  "max_drawdown",
  "win_rate",
  "profit_factor",
  "trade_count",
  "final_equity",
] as const;
export type RunSortField = (typeof RUN_SORT_FIELDS)[number];

interface BacktestListState {
  status: BacktestStatus | "all";
  symbol: string;
  strategyId: string;
  /** Search text over name, notes, strategy and symbol (the API's `q`). */
  query: string;
  tag: string;
  sort: Sort<RunSortField>;
  page: number;
  size: number;
  setStatus: (status: BacktestStatus | "all") => void;
  setSymbol: (symbol: string) => void;
  setStrategyId: (strategyId: string) => void;
  setQuery: (query: string) => void;
  setTag: (tag: string) => void;
  toggleSort: (field: RunSortField) => void;
  setSort: (sort: Sort<RunSortField>) => void;
  setPage: (page: number) => void;
  setSize: (size: number) => void;
  reset: () => void;
}

const sameSort = (a: Sort, b: Sort) => a.field === b.field && a.direction === b.direction;

/** The list's sort when the address names none: newest first. */
export const DEFAULT_RUN_SORT: Sort<RunSortField> = { field: "created_at", direction: "desc" };

const initial = {
  status: "all" as const,
  symbol: "",
  strategyId: "",
  query: "",
  tag: "",
  sort: DEFAULT_RUN_SORT,
  page: 0,
  size: 20,
};

/** How the runs list is being looked at (client state only; the runs live in TanStack Query). */
export const useBacktestListStore = create<BacktestListState>((set) => ({
  ...initial,
  setStatus: (status) => set({ status, page: 0 }),
  setSymbol: (symbol) => set({ symbol, page: 0 }),
  setStrategyId: (strategyId) => set({ strategyId, page: 0 }),
  setQuery: (query) => set({ query, page: 0 }),
  setTag: (tag) => set({ tag, page: 0 }),
  toggleSort: (field) => set((state) => ({ page: 0, sort: toggledSort(state.sort, field, ["symbol", "status"]) })),
  setSort: (sort) => set((state) => (sameSort(state.sort, sort) ? state : { sort, page: 0 })),
  setPage: (page) => set({ page: Math.max(0, page) }),
  setSize: (size) => set({ size, page: 0 }),
  reset: () => set(initial),
}));
