import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";

const response = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

describe("ApiError", () => {
  it("reads an RFC 9457 problem document", () => {
    const error = ApiError.fromResponse(response(422), {
      type: "/problems/validation-failed",
      title: "Validation failed",
      status: 422,
      detail: "password: must be 8 to 72 characters",
      errors: [{ field: "password", message: "must be 8 to 72 characters" }],
      request_id: "req-1",
    });

    expect(error.is("/problems/validation-failed")).toBe(true);
    expect(error.fieldErrors).toEqual([{ field: "password", message: "must be 8 to 72 characters" }]);
    expect(error.requestId).toBe("req-1");
    expect(error.message).toBe("password: must be 8 to 72 characters");
  });

  it("lists the rows a CSV import rejected", () => {
    const error = ApiError.fromResponse(response(422), {
      type: "/problems/import-rejected",
      title: "Import rejected",
      status: 422,
      bad_rows: [{ line: 5, reason: "low 'x' is not a number" }],
      bad_row_count: 12,
    });

    expect(error.badRows).toEqual([{ line: 5, reason: "low 'x' is not a number" }]);
    expect(error.badRowCount).toBe(12);
  });

  it("lists compile errors with their place", () => {
    const error = ApiError.fromResponse(response(422), {
      type: "/problems/invalid-strategy",
      title: "Invalid strategy",
      status: 422,
      errors: [{ line: 3, column: 14, length: 4, message: "unknown function 'smaa'" }],
    });

    expect(error.codeErrors).toEqual([{ line: 3, column: 14, length: 4, message: "unknown function 'smaa'" }]);
  });

  it("copes with a body that is not a problem document", () => {
    const error = ApiError.fromResponse(response(502, { "X-Request-Id": "edge-7" }), "<html>Bad gateway</html>");

    expect(error.status).toBe(502);
    expect(error.type).toBe("/problems/http-502");
    expect(error.requestId).toBe("edge-7");
    expect(error.fieldErrors).toEqual([]);
    expect(error.badRows).toEqual([]);
  });
});
