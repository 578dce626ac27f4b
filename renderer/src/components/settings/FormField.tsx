import type { Ref } from 'react'

/** One labelled text field of a settings form (the box catalog, the printer address): typed, Tab moves on, Enter submits the form. */
export function FormField({
  label,
  testId,
  value,
  onChange,
  inputRef,
  numeric = false,
  mono = false,
}: {
  label: string
  testId: string
  value: string
  onChange: (value: string) => void
  inputRef?: Ref<HTMLInputElement> | undefined
  numeric?: boolean
  mono?: boolean
}) {
  return (
    <label className="box-field">
      <span className="muted small">{label}</span>
      <input
        ref={inputRef}
        className={mono ? 'search-input mono' : 'search-input'}
        data-testid={testId}
        type="text"
        inputMode={numeric ? 'numeric' : 'text'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
      />
    </label>
  )
}
