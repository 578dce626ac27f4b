import { useState, type ChangeEvent, type KeyboardEvent } from 'react'

/**
 * The text field of a prompt that owns the keys (data-own-keys): the scanner or the keyboard types into it, Enter
 * hands the trimmed text to `onCode` and clears the field, Esc calls `onEscape`. Spread it on the <input>.
 */
export function usePromptField(onCode: (code: string) => void, onEscape: () => void) {
  const [value, setValue] = useState('')
  return {
    value,
    onChange: (e: ChangeEvent<HTMLInputElement>) => setValue(e.target.value),
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key !== 'Enter' && e.key !== 'Escape') return
      e.preventDefault()
      e.stopPropagation()
      if (e.key === 'Escape') return onEscape()
      const code = value.trim()
      setValue('')
      if (code) onCode(code)
    },
  }
}
