/**
 * Calls `stop` once the process that started this one is gone. `pnpm mock` runs the server through
 * a shell: a signal sent to pnpm alone (by `kill`, a process manager or a test runner) ends pnpm and
 * its shell but never reaches the server, which would go on holding its port. Node has no portable
 * "parent died" event; when the parent exits the server is re-parented (on POSIX) and `process.ppid`
 * changes, and the old parent id no longer answers signal 0 (on Windows too). `parent` is the id read
 * when the process started: read later, it may already be the process it was re-parented to. The
 * check is cheap and its timer does not keep the process alive.
 */
export function stopWithParent(stop: () => void, parent = process.ppid, intervalMs = 200): () => void {
  const timer = setInterval(() => {
    if (process.ppid !== parent || !isAlive(parent)) {
      clearInterval(timer);
      stop();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
