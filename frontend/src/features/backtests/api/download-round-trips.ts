import { api } from "@/lib/api/client";
import { ApiError } from "@/lib/api/errors";
import { saveBlob } from "./download-fills";
import type { RoundTripFilters } from "./get-round-trips";

/**
 * The run's round trips matching `filters` as the API's streamed CSV (`/round-trips?format=csv`),
 * fetched with the bearer token and saved as a file: every one of them, not only the page shown.
 */
export async function downloadRoundTrips(id: string, filters: RoundTripFilters, fileName: string) {
  let result;
  try {
    result = await api.GET("/api/v1/backtests/{id}/round-trips", {
      params: { path: { id }, query: { ...filters, format: "csv" } },
      headers: { Accept: "text/csv" },
      parseAs: "blob",
    });
  } catch (error) {
    throw ApiError.network(error);
  }
  if (!result.response.ok || !result.data) throw ApiError.fromResponse(result.response, result.error);
  saveBlob(result.data as Blob, fileName);
}
