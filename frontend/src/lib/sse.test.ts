import { describe, expect, it } from "vitest";
import { createSseParser, readServerSentEvents } from "./sse";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>) {
  const events = [];
  for await (const event of readServerSentEvents(stream)) events.push(event);
  return events;
}

describe("the Server-Sent Events parser", () => {
  it("reads events as the backend writes them (event:, data: without a space, blank line)", () => {
    const parser = createSseParser();
    const events = parser.push('event:status\ndata:{"status":"pending","progress":0}\n\nevent:status\ndata:{"status":"running"}\n\n');
    expect(events).toEqual([
      { event: "status", data: '{"status":"pending","progress":0}' },
      { event: "status", data: '{"status":"running"}' },
    ]);
  });

  it("joins data lines, skips comments, keeps the id, defaults the name to message", () => {
    const parser = createSseParser();
    expect(parser.push(": keep-alive\n\nid: 7\ndata: first\ndata: second\n\n")).toEqual([
      { event: "message", data: "first\nsecond", id: "7" },
    ]);
  });

  it("handles CRLF and CR line ends, and chunks split anywhere (even between CR and LF)", () => {
    const parser = createSseParser();
    const text = "event: status\r\ndata: a\r\n\r\nevent: status\rdata: b\r\r";
    const events = [];
    for (let i = 0; i < text.length; i++) events.push(...parser.push(text[i]!));
    expect(events).toEqual([
      { event: "status", data: "a" },
      { event: "status", data: "b" },
    ]);
  });

  it("decodes UTF-8 split across chunks and drops an event the stream did not finish", async () => {
    const bytes = new TextEncoder().encode('data: {"error":"실패"}\n\ndata: unfinished');
    // Byte 17 is inside 실 (3 bytes from byte 16).
    const split = [bytes.slice(0, 17), bytes.slice(17)];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        split.forEach((part) => controller.enqueue(part));
        controller.close();
      },
    });
    expect(await collect(stream)).toEqual([{ event: "message", data: '{"error":"실패"}' }]);
  });

  it("stops reading when aborted", async () => {
    const controller = new AbortController();
    let pull = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        pull += 1;
        c.enqueue(new TextEncoder().encode(`data: ${pull}\n\n`));
      },
    });
    const seen: string[] = [];
    for await (const event of readServerSentEvents(stream, controller.signal)) {
      seen.push(event.data);
      if (seen.length === 3) controller.abort();
    }
    expect(seen.slice(0, 3)).toEqual(["1", "2", "3"]);
    expect(seen.length).toBeLessThanOrEqual(4);
  });

  it("reads a stream in one pass", async () => {
    expect(await collect(streamOf(["event:status\nda", 'ta:{"p":1}\n', "\n"]))).toEqual([{ event: "status", data: '{"p":1}' }]);
  });
});
