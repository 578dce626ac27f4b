import type { ScannerField } from '../hooks/use-scanner'
import { useLang } from '../hooks/use-lang'

/** What a field a scanner types into turns off: the browser's autofill, autocorrect, capitals and spelling marks. */
export const SCANNER_INPUT = { autoComplete: 'off', autoCorrect: 'off', autoCapitalize: 'off', spellCheck: false } as const

/**
 * The always-focused scan field. Scanners type into it and end with Enter/Tab; a person can type a
 * code (or a box / reason number) and press Enter. `data-settled` counts finished commands for tests.
 */
export function ScanField({
  scanner,
  busy,
  settled,
  disabled,
  secret = false,
}: {
  scanner: ScannerField
  busy: boolean
  settled: number
  disabled: boolean
  secret?: boolean
}) {
  const { t, sub } = useLang()
  return (
    <label className={`scan-field ${busy ? 'scan-busy' : ''} ${disabled ? 'scan-disabled' : ''}`}>
      <span className="scan-icon" aria-hidden>
        ▮▯▮▮▯▮
      </span>
      <input
        ref={scanner.inputRef}
        className="scan-input"
        // While a badge's PIN is typed, the field masks it.
        type={secret ? 'password' : 'text'}
        data-testid="scan-input"
        data-settled={settled}
        data-busy={busy}
        value={scanner.value}
        onChange={scanner.onChange}
        onKeyDown={scanner.onKeyDown}
        onBlur={scanner.onBlur}
        placeholder={`${t('scan.placeholder')} / ${sub('scan.placeholder')}`}
        aria-label={t('scan.label')}
        autoFocus
        {...SCANNER_INPUT}
        inputMode="none"
      />
      {busy && <span className="scan-status">{t('app.busy')}</span>}
    </label>
  )
}
