import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { operations, SchemaPageResponseRoundTripItem } from "@/lib/api/schema";
import { backtestKeys } from "./get-backtests";

export type RoundTripParams = NonNullable<operations["roundTrips"]["parameters"]["query"]>;
export type RoundTripFilters = Pick<RoundTripParams, "side" | "outcome" | "from" | "to" | "symbol">;

/** The JSON page (the same path streams CSV with `format=csv`, which the generated type also allows). */
export function getRoundTrips(id: string, params: RoundTripParams, signal?: AbortSignal): Promise<SchemaPageResponseRoundTripItem> {
  return unwrap(
    api.GET("/api/v1/backtests/{id}/round-trips", { params: { path: { id }, query: params }, signal }),
  ) as Promise<SchemaPageResponseRoundTripItem>;
}

/** A page of a finished run's round trips, filtered by the API; a finished run never changes. */
export function roundTripsQueryOptions(id: string, params: RoundTripParams) {
  return queryOptions({
    queryKey: backtestKeys.roundTrips(id, params),
    queryFn: ({ signal }) => getRoundTrips(id, params, signal),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

export function useRoundTrips(id: string, params: RoundTripParams) {
  return useQuery(roundTripsQueryOptions(id, params));
}
