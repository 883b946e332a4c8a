// Runs one API call for a page and keeps its outcome: loading, the answer,
// or a problem in words (a browser whose session ended is sent to sign in);
// and the page's other small hooks.
import { useEffect, useLayoutEffect, useMemo, useState } from "preact/hooks";
import { problemOf, signInAgainIfNeeded } from "./api";

export type Outcome<T> = { state: "loading" } | { state: "done"; value: T } |
                         { state: "failed"; problem: string };

// Calls started as the app opens, before its first drawing (main.tsx):
// users/me, and the calls of the page its address names. The useCall with
// the same key (or takeEarly) takes the call's answer once rather than
// asking again. A page still draws nothing before the app knows who is
// signed in.
const early = new Map<string, Promise<unknown>>();

export function startEarly(key: string, call: () => Promise<unknown>): void {
  const started = call();
  started.catch(() => undefined); // a failure is the page's to show, once it takes it
  early.set(key, started);
}

// The call started early under `key`, once; undefined if none was.
export function takeEarly<T>(key: string): Promise<T> | undefined {
  const started = early.get(key) as Promise<T> | undefined;
  early.delete(key);
  return started;
}

// The call is made as soon as its page is drawn (a layout effect), not
// after the browser has painted it (useEffect waits a frame or more): a
// page waits on its calls, not on frames.
export function useCall<T>(call: () => Promise<T>, key: string): Outcome<T> {
  const [outcome, setOutcome] = useState<Outcome<T>>({ state: "loading" });
  useLayoutEffect(() => {
    let live = true;
    setOutcome((now) => (now.state === "loading" ? now : { state: "loading" }));
    (takeEarly<T>(key) ?? call()).then(
      (value) => live && setOutcome({ state: "done", value }),
      (error: unknown) => {
        signInAgainIfNeeded(error);
        if (live) setOutcome({ state: "failed", problem: problemOf(error) });
      });
    return () => { live = false; };
  }, [key]);
  return outcome;
}

// A blob: address for `content`, made once per content and released when
// the page no longer shows it (so one-time links do not linger in memory).
export function useObjectUrl(content: string, type: string): string {
  const url = useMemo(() => URL.createObjectURL(new Blob([content], { type })), [content, type]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return url;
}
