import type { LabelImageView, PackingView, ShipmentLookupView } from '../../../shared/contract/views'
import type { SerializedAppError } from '../../../shared/errors'
import type { Box } from '../../../shared/domain/box'
import type { ReactNode } from 'react'
import type { ScaleState } from '../hooks/use-station'
import { expectsBox, promptFor } from '../lib/steps'
import { BoxPicker } from './BoxPicker'
import { CarrierPanel } from './CarrierPanel'
import { ItemList } from './ItemList'
import { NoticeBanner } from './NoticeBanner'
import { OrderHeader } from './OrderHeader'
import { OverridePrompt } from './OverridePrompt'
import { ParcelList } from './ParcelList'
import { ProblemBanner } from './ProblemBanner'
import { ShipmentLookup } from './ShipmentLookup'
import { ShipmentPanel } from './ShipmentPanel'
import { StepBar } from './StepBar'
import { Tx } from './Tx'
import { UnconfirmedLabels } from './UnconfirmedLabels'
import { WeightPanel } from './WeightPanel'
import { scrollRegion } from '../hooks/use-page-scroll'
import { useLang } from '../hooks/use-lang'

type Props = Readonly<{
  view: PackingView
  problem: SerializedAppError | null
  boxes: readonly Box[]
  scale: ScaleState | null
  now: number
  override: { open: boolean; reason: number }
  confirmCancel: boolean
  /** A shipment found by scanning its tracking number (Esc closes it). */
  lookup?: ShipmentLookupView | null
  /** The lookup's label as an image, once the core rendered it. */
  labelImage?: LabelImageView | null
  /** Shown in the empty order area (demo: orders to try). */
  idleExtra?: ReactNode
}>

/** The one working screen: steps, what to do now, the order and its items, scale, box, carriers, shipment. */
export function PackingScreen({ view, problem, boxes, scale, now, override, confirmCancel, lookup, labelImage, idleExtra }: Props) {
  const choosingBox = expectsBox(view) && !view.box
  const { t } = useLang()
  const unconfirmed = (view.unconfirmedLabels ?? []).filter((l) => l.orderId !== view.order?.id || view.step === 'idle' || view.step === 'packed')
  return (
    <main className="packing" data-testid="packing">
      <StepBar view={view} stuck={!!problem} />
      {/* The open order's own unknown label is already the red banner below; the list shows the others. */}
      {unconfirmed.length > 0 && <UnconfirmedLabels labels={unconfirmed} />}
      {confirmCancel ? (
        <div className="banner banner-warn" role="alert" data-testid="confirm-cancel">
          <span className="banner-icon" aria-hidden>
            ⚠
          </span>
          <div className="banner-body">
            <div className="banner-title">
              <kbd className="key key-on-dark">F8</kbd> <Tx k="cancel.confirm" sub />
            </div>
          </div>
        </div>
      ) : problem ? (
        <ProblemBanner problem={problem} />
      ) : (
        <div className="prompt-row">
          <div className="prompt" data-testid="prompt">
            <Tx k={promptFor(view)} sub />
          </div>
          {view.notice && <NoticeBanner notice={view.notice} />}
        </div>
      )}
      <div className="desk">
        <div className="desk-left" {...scrollRegion(t('region.order'), 'desk-left')}>
          {/* A shipment scanned by its tracking number stands in for the order area until Esc or the next scan. */}
          {lookup ? (
            <ShipmentLookup lookup={lookup} image={labelImage ?? null} />
          ) : view.order ? (
            <>
              <OrderHeader order={view.order} claim={view.claim} />
              <ItemList lines={view.order.lines} />
              {view.shipment && <ShipmentPanel shipment={view.shipment} />}
            </>
          ) : (
            <div className="empty-order">
              <p className="muted">
                <Tx k="order.none" />
              </p>
              {idleExtra}
            </div>
          )}
          {/* Over the order only: the live weight stays in sight for a re-weigh. */}
          {override.open && problem && <OverridePrompt problem={problem} reason={override.reason} />}
        </div>
        <div className="desk-right" {...scrollRegion(t('region.devices'), 'desk-right')}>
          <WeightPanel view={view} scale={scale} now={now} />
          <ParcelList parcels={view.parcels} />
          {choosingBox ? (
            <BoxPicker boxes={boxes} suggestions={view.boxSuggestions} awaiting={view.boxFitPending?.code ?? null} />
          ) : (
            <CarrierPanel quote={view.quote} chosen={view.chosen} maxRows={4} />
          )}
        </div>
      </div>
    </main>
  )
}
