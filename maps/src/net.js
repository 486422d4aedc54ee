// Fetching JSON from the service with its problem details (RFC 9457) turned into readable errors.

/** GET or POST JSON; throws an Error whose message is the problem's detail (or the HTTP status). */
export async function fetchJson(url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    throw new Error(e.message || 'network error');
  }
  if (!response.ok) {
    let detail = `HTTP ${response.status}`;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch {
      /* not JSON */
    }
    const error = new Error(detail);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

/** Today's date in Stockholm, YYYY-MM-DD. */
export function stockholmToday() {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}
