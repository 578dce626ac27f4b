export const CarrierId = {
  comtohome: 'comtohome',
  yurtici: 'yurtici',
  aras: 'aras',
  mng: 'mng',
  ptt: 'ptt',
  surat: 'surat',
  hepsijet: 'hepsijet',
  sendeo: 'sendeo',
  kolaygelsin: 'kolaygelsin',
} as const
export type CarrierId = (typeof CarrierId)[keyof typeof CarrierId]

export const ShipmentStatus = {
  /** Idempotency key stored, carrier call in flight or unanswered: resume, never re-buy. */
  purchasing: 'purchasing',
  purchased: 'purchased',
  failed: 'failed',
  cancelled: 'cancelled',
} as const
export type ShipmentStatus = (typeof ShipmentStatus)[keyof typeof ShipmentStatus]

export const LabelFormat = { zpl: 'zpl', pdf: 'pdf' } as const
export type LabelFormat = (typeof LabelFormat)[keyof typeof LabelFormat]

export type Shipment = Readonly<{
  id: string
  orderId: string
  carrierId: string
  serviceCode: string
  status: ShipmentStatus
  idempotencyKey: string
  trackingNumber: string | null
  barcode: string | null
  labelFormat: LabelFormat | null
  costKurus: number | null
  errorCode: string | null
  errorMessage: string | null
  createdAt: string
  updatedAt: string
}>

/** Normalized tracking vocabulary (seed 003, docs/reference/carriers.md §12). */
export const TrackingStatus = {
  created: 'created',
  pickedUp: 'picked_up',
  inTransit: 'in_transit',
  outForDelivery: 'out_for_delivery',
  delivered: 'delivered',
  failedAttempt: 'failed_attempt',
  delayed: 'delayed',
  exception: 'exception',
  returnInTransit: 'return_in_transit',
  returnedToSender: 'returned_to_sender',
  cancelled: 'cancelled',
} as const
export type TrackingStatus = (typeof TrackingStatus)[keyof typeof TrackingStatus]
