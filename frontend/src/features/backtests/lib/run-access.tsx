"use client";

import { createContext, useContext, type ReactNode } from "react";

/**
 * How a run's page reaches its run: as its owner (the default: `/api/v1/backtests/{id}/...`), or through
 * a public link (`/api/v1/shared/{token}/...`), read-only. Result components that fetch more (the trades
 * table's pages) ask this instead of taking the path as a prop, so the shared page reuses them as they are.
 */
export type RunAccess = { kind: "owner" } | { kind: "shared"; token: string };

const RunAccessContext = createContext<RunAccess>({ kind: "owner" });

export function RunAccessProvider({ access, children }: { access: RunAccess; children: ReactNode }) {
  return <RunAccessContext.Provider value={access}>{children}</RunAccessContext.Provider>;
}

export function useRunAccess(): RunAccess {
  return useContext(RunAccessContext);
}
