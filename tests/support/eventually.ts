/** Re-checks an observable condition until it holds or the deadline passes (no fixed sleeps). */
export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last = await probe()
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`)
    await new Promise((r) => setTimeout(r, intervalMs))
    last = await probe()
  }
  return last
}
