import type { CarrierChangeNeed } from '../../../shared/contract/carrier-change'
import { CARRIER_CHANGE_REASONS } from '../../../shared/contract/desk-reasons'
import { noticeText } from '../../../shared/i18n/notice-text'
import type { NoticeRef } from '../../../shared/i18n/notice-codes'
import { formatTry } from '../../../shared/money'
import type { CarrierChangePrompt as PromptState } from '../hooks/use-carrier-change'
import { useLang } from '../hooks/use-lang'
import { usePromptField } from '../hooks/use-prompt-field'
import type { MessageKey } from '../i18n'
import { ProblemBanner } from './ProblemBanner'
import { Tx } from './Tx'

const NEED: Readonly<Record<CarrierChangeNeed, MessageKey>> = {
  none: 'carrierPrompt.needNone',
  reason: 'carrierPrompt.needReason',
  supervisor: 'carrierPrompt.needSupervisor',
  refused: 'carrierPrompt.needRefused',
}

const INSTRUCTION: Readonly<Record<'pick' | 'reason' | 'badge', MessageKey>> = {
  pick: 'carrierPrompt.pick',
  reason: 'carrierPrompt.pickReason',
  badge: 'carrierPrompt.scanBadge',
}

/**
 * The carrier prompt (Ctrl+K): the comparison's rows with their keys, what each change takes, then the reason and the
 * supervisor's badge when needed. It owns the keys while open (data-own-keys): the scanner types into its own field,
 * Enter sends, Esc closes. Prices show for managers only (the core leaves them out for a packer).
 */
export function CarrierChangePrompt({ prompt }: { prompt: PromptState }) {
  const { lang, t } = useLang()
  const field = usePromptField(prompt.scan, prompt.close)
  const view = prompt.view
  if (!view) return null
  const picked = view.rows.find((r) => r.picked)
  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="carrier-change-title"
      data-testid="carrier-change-prompt"
      data-own-keys
      data-stage={prompt.stage}
    >
      <div className="override">
        <h2 className="override-title" id="carrier-change-title">
          <Tx k="carrierPrompt.title" /> {view.orderNumber && <>— {view.orderNumber}</>}
        </h2>
        {view.rows.length > 0 && (
          <table className="carrier-table" data-testid="carrier-change-rows">
            <thead>
              <tr>
                <th>{t('carrierPrompt.key')}</th>
                <th>{t('carrier.name')}</th>
                <th className="num">{t('carrier.price')}</th>
                <th className="num">{t('carrier.transit')}</th>
                <th>{t('carrierPrompt.need')}</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr
                  key={r.key}
                  className={r.picked || (!picked && r.suggested) ? 'chosen' : r.need === 'refused' ? 'ineligible' : ''}
                  data-testid="carrier-change-row"
                  data-key={r.key}
                  data-carrier={r.option.carrierId}
                  data-service={r.option.serviceCode}
                  data-need={r.need}
                  data-suggested={r.suggested}
                  data-picked={r.picked}
                >
                  <td>
                    <kbd className="key">{r.key}</kbd>
                  </td>
                  <td>
                    {r.option.name}
                    {r.option.contract === 'own' && <span className="chip chip-small">kendi / own</span>}
                    {r.suggested && (
                      <span className="chip chip-small">
                        <Tx k="carrierPrompt.suggested" />
                      </span>
                    )}
                    {r.picked && (
                      <span className="chip chip-small">
                        <Tx k="carrierPrompt.picked" />
                      </span>
                    )}
                  </td>
                  <td className="num">{r.option.priceKurus !== null ? formatTry(r.option.priceKurus) : '—'}</td>
                  <td className="num">
                    <Tx k="carrier.days" params={{ n: r.option.transitDays }} />
                  </td>
                  <td className="reason">
                    <Tx k={NEED[r.need]} />
                    {r.refusal && <>: {noticeText({ code: r.refusal, params: {} } as NoticeRef, lang)}</>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {prompt.stage === 'done' && picked ? (
          <p className="override-scan" data-testid="carrier-change-done">
            <Tx k="carrierPrompt.done" params={{ name: picked.option.name }} />
          </p>
        ) : prompt.stage === 'done' ? (
          <p className="override-scan" data-testid="carrier-change-done">
            <Tx k="carrierPrompt.back" />
          </p>
        ) : view.rows.length > 0 ? (
          <p className="override-scan">
            <Tx k={INSTRUCTION[prompt.stage]} sub />
          </p>
        ) : null}
        {(prompt.stage === 'reason' || prompt.stage === 'badge') && (
          <ol className="reason-list">
            {CARRIER_CHANGE_REASONS.map((key, i) => (
              <li key={key} className={i === prompt.reason ? 'reason chosen' : 'reason'} data-testid="carrier-change-reason" data-chosen={i === prompt.reason}>
                <kbd className="key">{i + 1}</kbd> <Tx k={key} />
              </li>
            ))}
          </ol>
        )}
        {prompt.problem ? <ProblemBanner problem={prompt.problem} showKey={false} /> : null}
        <input
          className="search-input"
          data-testid="carrier-change-input"
          aria-labelledby="carrier-change-title"
          type={prompt.stage === 'badge' ? 'password' : 'text'}
          autoFocus
          {...field}
          autoComplete="off"
        />
        <p className="muted small">
          <Tx k={prompt.stage === 'done' ? 'carrierPrompt.next' : 'carrierPrompt.keys'} />
        </p>
      </div>
    </div>
  )
}
