import type { Translate } from "@/lib/i18n";
import type { SchemaProblem } from "./schema";

export interface FieldError {
  field: string | null;
  message: string;
}

export interface BadRow {
  line: number;
  reason: string;
}

/** A row-level or code-level error the API attaches to a problem (`/problems/invalid-strategy`). */
export interface CodeError {
  line: number;
  column: number;
  length: number;
  message: string;
}

/** Retry-After as delay-seconds; the HTTP-date form is not used by this API. */
function retryAfter(header: string | null): number | undefined {
  const seconds = header === null ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

type ProblemBody = SchemaProblem & Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * An RFC 9457 problem document as a typed error. `type` is the stable identifier to branch on
 * (`/problems/email-taken`); `status` 0 means the request never reached the server.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly fieldErrors: FieldError[];
  readonly body: Record<string, unknown>;
  /** The Retry-After header in seconds, when the server sent one as a number. */
  readonly retryAfterHeader: number | undefined;

  constructor(init: {
    status: number;
    type: string;
    title: string;
    detail?: string;
    requestId?: string;
    fieldErrors?: FieldError[];
    body?: Record<string, unknown>;
    retryAfterHeader?: number;
  }) {
    super(init.detail ?? init.title);
    this.name = "ApiError";
    this.status = init.status;
    this.type = init.type;
    this.title = init.title;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? [];
    this.body = init.body ?? {};
    this.retryAfterHeader = init.retryAfterHeader;
  }

  /** Builds the error from whatever the server sent, trusting nothing about its shape. */
  static fromResponse(response: Response, body: unknown): ApiError {
    const problem: Partial<ProblemBody> = isRecord(body) ? (body as Partial<ProblemBody>) : {};
    const errors = Array.isArray(problem.errors) ? problem.errors : [];
    return new ApiError({
      status: response.status,
      type: typeof problem.type === "string" ? problem.type : `/problems/http-${response.status}`,
      title: typeof problem.title === "string" ? problem.title : response.statusText || `HTTP ${response.status}`,
      detail: typeof problem.detail === "string" ? problem.detail : undefined,
      requestId:
        (typeof problem.request_id === "string" ? problem.request_id : undefined) ?? response.headers.get("X-Request-Id") ?? undefined,
      fieldErrors: errors
        .filter(isRecord)
        .flatMap((e) =>
          typeof e.message === "string" ? [{ field: typeof e.field === "string" ? e.field : null, message: e.message }] : [],
        ),
      body: isRecord(body) ? body : {},
      retryAfterHeader: retryAfter(response.headers.get("Retry-After")),
    });
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError({
      status: 0,
      type: "/problems/network",
      title: "Network error",
      detail: cause instanceof Error ? cause.message : undefined,
    });
    return error;
  }

  is(type: string): boolean {
    return this.type === type || this.type.endsWith(type);
  }

  /** Rows a CSV import rejected (`/problems/import-rejected`). */
  get badRows(): BadRow[] {
    const rows = this.body.bad_rows;
    return Array.isArray(rows) ? rows.filter(isRecord).map((r) => ({ line: Number(r.line), reason: String(r.reason ?? "") })) : [];
  }

  /** Likely splits a CSV import was refused for (`reject_on_suspected_split`): each day and its ratio. */
  get suspectedSplits(): { date: string; ratio: number }[] {
    const splits = this.body.suspected_splits;
    return Array.isArray(splits)
      ? splits
          .filter(isRecord)
          .flatMap((s) => (typeof s.date === "string" && typeof s.ratio === "number" ? [{ date: s.date, ratio: s.ratio }] : []))
      : [];
  }

  get badRowCount(): number {
    const count = this.body.bad_row_count;
    return typeof count === "number" ? count : this.badRows.length;
  }

  /** Compile errors (`/problems/invalid-strategy`), whose `errors` carry a line and column. */
  get codeErrors(): CodeError[] {
    const errors = this.body.errors;
    return Array.isArray(errors)
      ? errors
          .filter(isRecord)
          .filter((e) => typeof e.line === "number")
          .map((e) => ({
            line: Number(e.line),
            column: Number(e.column ?? 1),
            length: Number(e.length ?? 1),
            message: String(e.message ?? ""),
          }))
      : [];
  }

  get retryAfterSeconds(): number | undefined {
    const value = this.body.retry_after_seconds;
    return typeof value === "number" ? value : this.retryAfterHeader;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** What a failed request means in a sentence: no connection, else the API's own words, else "unexpected". */
export function errorMessage(error: unknown, t: Translate): string {
  if (!isApiError(error)) return t("errors.unexpected");
  return error.status === 0 ? t("errors.network") : (error.detail ?? error.title);
}
