import type { ReactNode } from 'react'
import type { MessageKey } from '../../i18n'
import { Tx } from '../Tx'

/** A panel of the settings screen (`settings-<name>`, its test id too): its title, a note beside it, then its body. */
export function SettingsPanel({
  name,
  title,
  note,
  mode,
  children,
}: {
  name: string
  title: MessageKey
  note?: ReactNode
  mode?: string
  children: ReactNode
}) {
  return (
    <section className={`panel settings-${name}`} data-testid={`settings-${name}`} data-mode={mode}>
      <h2 className="panel-title">
        <Tx k={title} />
        {note}
      </h2>
      {children}
    </section>
  )
}
