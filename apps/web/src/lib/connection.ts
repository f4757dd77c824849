/** Whether the server answers at all (any answer will do: the page can then be loaded). */
export async function serverAnswers(): Promise<boolean> {
  try {
    await fetch('/healthz', { cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

/** Loads the page again from the server: its code afresh, where a failed chunk would stay failed. */
export function reloadPage() {
  window.location.reload();
}
