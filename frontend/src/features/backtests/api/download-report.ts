import { api } from "@/lib/api/client";
import { saveCsv } from "./download-csv";

/**
 * The run's self-contained HTML report in the reader's language, fetched with the bearer token (a plain
 * link could not send it) and saved as `<name>-report.html`.
 */
export function downloadReport(id: string, fileName: string, language: string) {
  return saveCsv(
    () =>
      api.GET("/api/v1/backtests/{id}/report", {
        params: { path: { id } },
        headers: { Accept: "text/html", "Accept-Language": language },
        parseAs: "blob",
      }),
    fileName,
  );
}
