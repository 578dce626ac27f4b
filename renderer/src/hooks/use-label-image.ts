import { useEffect, useState } from 'react'
import type { LabelImageView } from '../../../shared/contract/views'
import { toAppError } from '../../../shared/errors'
import type { StationClient } from '../lib/station-client'

/**
 * The lookup panel's label image: asked of the core (`shipments.labelImage`) after the panel is on screen, never before, so a scan
 * never waits on the renderer. A refusal (e.g. the shipment is gone) reads as a failed preview; the panel itself stays.
 */
export function useLabelImage(client: StationClient, shipmentId: string | null): LabelImageView | null {
  const [image, setImage] = useState<LabelImageView | null>(null)
  useEffect(() => {
    if (!shipmentId) return
    let live = true
    client.call('shipments.labelImage', { shipmentId }).then(
      (found) => live && setImage(found),
      (err: unknown) => live && setImage({ shipmentId, kind: 'failed', reason: toAppError(err).message }),
    )
    return () => {
      live = false
    }
  }, [client, shipmentId])
  return image && image.shipmentId === shipmentId ? image : null
}
