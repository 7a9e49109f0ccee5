/** What the latency benches post to a bot and how they check its answer, shared so they measure alike. */

/** One Bot Framework activity POSTed to a bot's `/api/messages`; the answer's status and body. */
export async function post(url: string, activity: Record<string, unknown>): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  return { status: response.status, text: await response.text() };
}

/** Stops the run when the bot answered something other than expected: a fast wrong answer is no measurement. */
export function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`unexpected answer: ${what}`);
}
