/**
 * Waits `ms`, or rejects with the signal's own reason as soon as `signal` aborts (so a caller's
 * cancel error comes out unchanged). The one real sleep of the core: retries, the carrier rate
 * limiter and the MNG barcode wait take it as their default and let tests pass a fake one.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      },
      Math.max(0, ms),
    )
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
