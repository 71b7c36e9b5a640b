import { create } from "zustand";
import type { StrategyScope } from "../api/get-strategies";

export type SortField = "name" | "created_at" | "updated_at";
export type SortDirection = "asc" | "desc";

interface StrategyListState {
  scope: StrategyScope;
  search: string;
  sort: { field: SortField; direction: SortDirection };
  page: number;
  size: number;
  setScope: (scope: StrategyScope) => void;
  setSearch: (search: string) => void;
  toggleSort: (field: SortField) => void;
  setPage: (page: number) => void;
  setSize: (size: number) => void;
}

/** How the strategy list is being looked at (client state only; the rows live in TanStack Query). */
export const useStrategyListStore = create<StrategyListState>((set) => ({
  scope: "mine",
  search: "",
  sort: { field: "updated_at", direction: "desc" },
  page: 0,
  size: 20,
  setScope: (scope) => set({ scope, page: 0 }),
  setSearch: (search) => set({ search, page: 0 }),
  toggleSort: (field) =>
    set((state) => ({
      page: 0,
      sort:
        state.sort.field === field
          ? { field, direction: state.sort.direction === "asc" ? "desc" : "asc" }
          : { field, direction: field === "name" ? "asc" : "desc" },
    })),
  setPage: (page) => set({ page: Math.max(0, page) }),
  setSize: (size) => set({ size, page: 0 }),
}));
