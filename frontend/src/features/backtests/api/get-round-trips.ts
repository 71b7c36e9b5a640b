import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { operations, SchemaPageResponseRoundTripItem } from "@/lib/api/schema";
import { useRunAccess } from "../lib/run-access";
import { backtestKeys } from "./get-backtests";
import { getSharedRoundTrips, sharedKeys } from "./get-shared-run";

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

/** A page of round trips of the run on screen: the owner's, or a shared run's through its link ({@link useRunAccess}). */
export function useRoundTrips(id: string, params: RoundTripParams) {
  const access = useRunAccess();
  const token = access.kind === "shared" ? access.token : null;
  const owners = roundTripsQueryOptions(id, params);
  return useQuery<SchemaPageResponseRoundTripItem>({
    queryKey: token ? sharedKeys.roundTrips(token, params) : owners.queryKey,
    queryFn: ({ signal }) => (token ? getSharedRoundTrips(token, params, signal) : getRoundTrips(id, params, signal)),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}
