import { useRef, useState, type FormEvent } from 'react'
import { toAppError, type SerializedAppError } from '../../../../shared/errors'
import { useCtrlKey } from '../../hooks/use-ctrl-key'
import { useLang } from '../../hooks/use-lang'
import type { StationClient } from '../../lib/station-client'
import { ProblemBanner } from '../ProblemBanner'
import { Tx } from '../Tx'
import { FormField } from './FormField'

/**
 * Admins: the label printer's address (Ctrl+P takes the keys here from the self-test field; Enter saves). The core
 * checks it as the desk would open it (tcp://, usb://, serial://, spooler://, file://), writes printer.uri to
 * station.json and audits it; the desk uses it from its next start.
 */
export function PrinterAddressForm({ client }: { client: StationClient }) {
  const { t } = useLang()
  const [uri, setUri] = useState('')
  const [saved, setSaved] = useState<string | null>(null)
  const [problem, setProblem] = useState<SerializedAppError | null>(null)
  const field = useRef<HTMLInputElement | null>(null)
  useCtrlKey('p', true, () => field.current?.focus())
  const save = (e: FormEvent) => {
    e.preventDefault()
    setSaved(null)
    setProblem(null)
    client.call('settings.setPrinter', { uri }).then(
      (r) => setSaved(r.uri),
      (err: unknown) => setProblem(toAppError(err).serialize()),
    )
  }
  return (
    <section className="panel settings-printer-address" data-testid="settings-printer-address" aria-labelledby="printer-address-title" data-own-keys>
      <h2 className="panel-title" id="printer-address-title">
        <Tx k="printerAddress.title" /> <kbd className="key">Ctrl+P</kbd>
      </h2>
      <form className="box-form" onSubmit={save}>
        <FormField label={t('printerAddress.hint')} testId="printer-address" value={uri} onChange={setUri} inputRef={field} mono />
      </form>
      {saved && (
        <p className="tone-ok" data-testid="printer-address-saved">
          ✓ <Tx k="printerAddress.saved" params={{ uri: saved }} />
        </p>
      )}
      {problem && <ProblemBanner problem={problem} showKey={false} />}
    </section>
  )
}
