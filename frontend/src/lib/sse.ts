/**
 * Server-Sent Events read from a fetch response body, for streams that need headers EventSource cannot
 * send (the bearer token). Parses the text/event-stream format of the HTML standard: `event:`, `data:`
 * (several lines joined by \n), `id:`, comments (`:`) ignored, an event dispatched at a blank line,
 * CR, LF and CRLF line ends, and chunks split anywhere (even inside a UTF-8 character).
 */
export interface ServerSentEvent {
  event: string;
  data: string;
  id?: string;
}

/** An incremental parser: feed it text as it arrives, it returns the events completed so far. */
export function createSseParser() {
  let buffer = "";
  let event = "";
  let data: string[] = [];
  let id: string | undefined;
  // A chunk that ended with \r may be followed by \n in the next one: that \n ends no new line.
  let pendingCr = false;

  function line(text: string, out: ServerSentEvent[]) {
    if (text === "") {
      if (data.length > 0) out.push({ event: event || "message", data: data.join("\n"), ...(id !== undefined ? { id } : {}) });
      event = "";
      data = [];
      return;
    }
    if (text.startsWith(":")) return;
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
    else if (field === "id" && !value.includes("\u0000")) id = value;
  }

  return {
    push(chunk: string): ServerSentEvent[] {
      const out: ServerSentEvent[] = [];
      let text = chunk;
      if (pendingCr && text.startsWith("\n")) text = text.slice(1);
      pendingCr = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c === "\n" || c === "\r") {
          line(buffer.slice(start, i), out);
          if (c === "\r") {
            if (i + 1 < buffer.length) {
              if (buffer[i + 1] === "\n") i++;
            } else {
              pendingCr = true;
            }
          }
          start = i + 1;
        }
      }
      buffer = buffer.slice(start);
      return out;
    },
  };
}

/** Reads every event of a stream until it ends or `signal` aborts. */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createSseParser();
  const cancel = () => void reader.cancel().catch(() => {});
  signal?.addEventListener("abort", cancel, { once: true });
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      for (const event of parser.push(decoder.decode(value, { stream: true }))) yield event;
    }
    // An event the stream did not finish (no blank line after it) is dropped, as the standard says.
    for (const event of parser.push(decoder.decode())) yield event;
  } finally {
    signal?.removeEventListener("abort", cancel);
    reader.releaseLock();
  }
}
