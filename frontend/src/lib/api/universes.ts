import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { operations } from "@/lib/api/schema";

/*
 * Reading saved universes: shared by the universes screen and the UniversePicker that run forms use
 * (features never import each other). The universes feature's mutations invalidate through these keys.
 */

export type UniverseListParams = NonNullable<operations["listUniverses"]["parameters"]["query"]>;
export type UniverseScope = "all" | "mine" | "shared";

export const universeKeys = {
  all: ["universes"] as const,
  lists: () => [...universeKeys.all, "list"] as const,
  list: (params: UniverseListParams) => [...universeKeys.lists(), params] as const,
  detail: (id: string) => [...universeKeys.all, "detail", id] as const,
};

export function getUniverses(params: UniverseListParams, signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/universes", { params: { query: params }, signal }));
}

export function universesQueryOptions(params: UniverseListParams) {
  return queryOptions({
    queryKey: universeKeys.list(params),
    queryFn: ({ signal }) => getUniverses(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUniverses(params: UniverseListParams) {
  return useQuery(universesQueryOptions(params));
}

export function getUniverse(id: string, signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/universes/{id}", { params: { path: { id } }, signal }));
}

export function universeQueryOptions(id: string) {
  return queryOptions({
    queryKey: universeKeys.detail(id),
    queryFn: ({ signal }) => getUniverse(id, signal),
  });
}

/** One universe with every symbol and those without data; nothing is fetched while `id` is null. */
export function useUniverse(id: string | null) {
  return useQuery({ ...universeQueryOptions(id ?? ""), enabled: id !== null });
}
