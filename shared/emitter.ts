/** Unsubscribe / dispose handle returned by every `onDid*` subscription. */
export type Unsubscribe = () => void

/** A tiny typed event emitter (VS Code style `onDid*` events without the DI machinery). */
export class Emitter<T> {
  private listeners = new Set<(value: T) => void>()

  readonly event = (listener: (value: T) => void): Unsubscribe => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value)
  }

  dispose(): void {
    this.listeners.clear()
  }
}
