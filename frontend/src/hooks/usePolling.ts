/**
 * Runs a task now and then every `intervalMs` after the previous run ended (never two at once),
 * pauses while the page is hidden, and runs at once on `refresh()` or when the page shows again.
 */
import { useCallback, useEffect, useRef, useState } from "react";

export type PollTask = (signal: AbortSignal) => Promise<void>;

export interface Polling {
  refresh: () => void;
  /** True while the tab is hidden: no requests are sent then. */
  hidden: boolean;
}

export function usePolling(task: PollTask, intervalMs: number): Polling {
  const taskRef = useRef(task);
  const [hidden, setHidden] = useState(() => document.hidden);
  const [refreshCount, setRefreshCount] = useState(0);

  useEffect(() => {
    taskRef.current = task;
  }, [task]);

  useEffect(() => {
    const onVisibilityChange = () => setHidden(document.hidden);
    document.addEventListener("visibilitychange", onVisibilityChange);
    return () => document.removeEventListener("visibilitychange", onVisibilityChange);
  }, []);

  useEffect(() => {
    if (hidden) return undefined;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      try {
        await taskRef.current(controller.signal);
      } catch (error) {
        // The task reports its own failures; one that escapes must not end the polling.
        console.error("status poll failed", error);
      } finally {
        if (!controller.signal.aborted) timer = setTimeout(run, intervalMs);
      }
    };
    void run();
    // A new interval, a manual refresh or hiding the page ends this loop and its request.
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [hidden, intervalMs, refreshCount]);

  const refresh = useCallback(() => setRefreshCount((count) => count + 1), []);
  return { refresh, hidden };
}
