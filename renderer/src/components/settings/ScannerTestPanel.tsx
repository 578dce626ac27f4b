import type { DeviceStatusView, SettingsView } from '../../../../shared/contract/views'
import { getLayoutProfile, type LayoutProfileId } from '../../../../shared/scan/keyboard-layout'
import { GS1_SELF_TEST, SCANNER_SELF_TEST_CODE } from '../../../../shared/scan/scanner-self-test'
import { useLang } from '../../hooks/use-lang'
import type { SettingsDesk } from '../../hooks/use-settings'
import { splitBilingual } from '../../lib/format'
import type { LayoutVerdict } from '../../lib/self-test'
import { SCANNER_INPUT } from '../ScanField'
import { Tx } from '../Tx'
import { Code128Svg } from './Code128Svg'

const GS1_DATA = `${GS1_SELF_TEST.head}\x1d${GS1_SELF_TEST.tail}`

function useLayoutName(): (id: LayoutProfileId | null) => string {
  const { lang, t } = useLang()
  return (id) => (id ? splitBilingual(getLayoutProfile(id).name, lang)[0] : t('selftest.none'))
}

function LayoutResult({ verdict, received }: { verdict: LayoutVerdict; received: string | null }) {
  const { t } = useLang()
  const name = useLayoutName()
  const common = { 'data-testid': 'selftest-result', 'data-kind': verdict.kind, 'data-layout': 'layout' in verdict ? verdict.layout : '' }
  switch (verdict.kind) {
    case 'ok':
      return (
        <div className="selftest-result tone-ok" {...common}>
          ✓ {t('selftest.ok')}
        </div>
      )
    case 'alreadySet':
      return (
        <div className="selftest-result tone-ok" {...common}>
          ✓ {t('selftest.alreadySet', { name: name(verdict.layout) })}
        </div>
      )
    case 'saved':
      return (
        <div className="selftest-result tone-ok" {...common}>
          ✓ {t('selftest.applied', { name: name(verdict.layout) })}
        </div>
      )
    case 'propose':
      return (
        <div className="selftest-result tone-warn" {...common}>
          <div>
            ▲{' '}
            {verdict.reason === 'mismatch'
              ? t('selftest.mismatch', { name: name(verdict.layout) })
              : t('selftest.repairWrong', { name: name(verdict.configured) })}
          </div>
          <div className="selftest-proposal">
            {t('selftest.propose', { name: name(verdict.layout) })} <kbd className="key">F3</kbd> <Tx k="key.useLayout" />
          </div>
        </div>
      )
    case 'unrecognised':
      return (
        <div className="selftest-result tone-error" {...common}>
          <div>✕ {t('selftest.unrecognised', { n: verdict.firstDifferenceAt })}</div>
          <div className="small">{t('selftest.unrecognisedHint')}</div>
          {received !== null && (
            <div className="small mono selftest-received">
              {t('selftest.received')}: {received}
            </div>
          )}
        </div>
      )
  }
}

function Gs1Result({ desk }: { desk: SettingsDesk }) {
  const { t } = useLang()
  const r = desk.selfTest.gs1
  if (!r) return null
  if (r.status !== 'ok')
    return (
      <div className="selftest-result tone-error" data-testid="gs1-result" data-status="unrecognised">
        ✕ {t('selftest.gs1Bad')}
      </div>
    )
  const fnc1 =
    r.fnc1.kind === 'gs' ? t('selftest.fnc1Gs') : r.fnc1.kind === 'substitute' ? t('selftest.fnc1Sub', { text: r.fnc1.text }) : t('selftest.fnc1Dropped')
  return (
    <div
      className={`selftest-result ${r.fnc1.kind === 'dropped' ? 'tone-warn' : 'tone-ok'}`}
      data-testid="gs1-result"
      data-status="ok"
      data-fnc1={r.fnc1.kind}
      data-aim={r.aimPrefix}
    >
      <div>✓ {t('selftest.gs1Ok')}</div>
      <div className="small">
        {t('selftest.aim')}: <b>{r.aimPrefix ? t('selftest.yes') : t('selftest.no')}</b> · {t('selftest.fnc1')}: <b>{fnc1}</b>
      </div>
    </div>
  )
}

/** The scanner self-test: the layout barcode, then the GS1 one, each read into a plain focused field. */
export function ScannerTestPanel({ desk, settings, devices }: { desk: SettingsDesk; settings: SettingsView | null; devices: DeviceStatusView | null }) {
  const { t } = useLang()
  const name = useLayoutName()
  const { step, layout } = desk.selfTest
  const onGs1 = step !== 'layout'
  const wedge = settings?.scanner.wedgeLayout ?? null
  return (
    <section className="panel settings-scanner" data-testid="selftest" data-step={step}>
      <div className="panel-head">
        <h2 className="panel-title">
          <Tx k="selftest.title" />
        </h2>
        <ol className="selftest-steps">
          <li className={onGs1 ? 'done' : 'current'}>
            {onGs1 ? '✓' : '1'} {t('selftest.step1')}
          </li>
          <li className={step === 'done' ? 'done' : onGs1 ? 'current' : ''}>
            {step === 'done' ? '✓' : '2'} {t('selftest.step2')}
          </li>
        </ol>
      </div>
      <div className="selftest-saved muted" data-testid="saved-layout" data-layout={wedge ?? ''}>
        {t('selftest.saved')}: <b>{name(wedge)}</b>
      </div>
      <div className="barcode-card">
        {onGs1 ? (
          <Code128Svg data={GS1_DATA} gs1 label={GS1_SELF_TEST.hri} testId="selftest-barcode" />
        ) : (
          <Code128Svg data={SCANNER_SELF_TEST_CODE} label={SCANNER_SELF_TEST_CODE} testId="selftest-barcode" />
        )}
        <span className="barcode-hri">{onGs1 ? GS1_SELF_TEST.hri : SCANNER_SELF_TEST_CODE}</span>
      </div>
      <label className="selftest-field">
        <span className="selftest-prompt">
          <Tx k="selftest.scanThis" sub />
        </span>
        <input
          ref={desk.inputRef}
          className="selftest-input"
          data-testid="selftest-input"
          data-settled={desk.settled}
          data-busy={desk.busy}
          onKeyDown={desk.onInputKeyDown}
          onBlur={desk.onInputBlur}
          placeholder={t('selftest.placeholder')}
          aria-label={t('selftest.title')}
          autoFocus
          {...SCANNER_INPUT}
        />
      </label>
      {layout && <LayoutResult verdict={layout} received={desk.selfTest.received} />}
      <Gs1Result desk={desk} />
      {step === 'done' && (
        <div className="muted small">
          ✓ {t('selftest.done')} · <kbd className="key">F7</kbd> <Tx k="key.restartTest" />
        </div>
      )}
      <p className="selftest-explain muted small">{t(onGs1 ? 'selftest.explainGs1' : 'selftest.explainLayout')}</p>
      {(devices?.scanners.length ?? 0) > 0 && (
        <div className="small selftest-sources">
          <span className="muted">{t('selftest.sources')}:</span>{' '}
          {devices!.scanners.map((s) => (
            <span key={s.source} className={`chip chip-small ${s.connected ? 'tone-ok' : 'tone-error'}`}>
              {s.connected ? '●' : '✕'} {s.source}
            </span>
          ))}
        </div>
      )}
    </section>
  )
}
