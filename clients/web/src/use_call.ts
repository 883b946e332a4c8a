// Runs one API call for a page and keeps its outcome: loading, the answer,
// or a problem in words (a browser whose session ended is sent to sign in);
// and the page's other small hooks.
import { useEffect, useMemo, useState } from "preact/hooks";
import { problemOf, signInAgainIfNeeded } from "./api";

export type Outcome<T> = { state: "loading" } | { state: "done"; value: T } |
                         { state: "failed"; problem: string };

// Calls started as the app opens, alongside users/me, for the page its
// address names (main.tsx): the page's useCall with the same key takes the
// call's answer once rather than asking again. The page still draws nothing
// before the app knows who is signed in.
const early = new Map<string, Promise<unknown>>();

export function startEarly(key: string, call: () => Promise<unknown>): void {
  const started = call();
  started.catch(() => undefined); // a failure is the page's to show, once it takes it
  early.set(key, started);
}

export function useCall<T>(call: () => Promise<T>, key: string): Outcome<T> {
  const [outcome, setOutcome] = useState<Outcome<T>>({ state: "loading" });
  useEffect(() => {
    let live = true;
    setOutcome({ state: "loading" });
    const started = early.get(key) as Promise<T> | undefined;
    early.delete(key);
    (started ?? call()).then(
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
