/**
 * Sendeo's documented error messages, read by the connector (electron/core/carriers/sendeo) and the emulator
 * (sandbox/sendeo). Source: docs/reference/carriers.md §7, from the official tables of Sendeo's integration
 * document [SND] ("SetDelivery Exception Message", "CancelDelivery Hatalı Dönüş Parametreleri"):
 * each ExceptionMessage paired with its statusCode.
 */
export const SendeoError = {
  102: 'Delivery Reference No Cannot be Null.',
  103: 'Wrong Delivery Type',
  104: 'Products Cannot Be Null',
  105: 'Collection Type Not Found',
  201: 'Receiver Cannot Be Null',
  202: 'Receiver Address Cannot Be Null',
  203: 'Receiver District Id Cannot Be Zero.',
  204: 'Receiver City Id Cannot Be Zero.',
  205: 'Receiver City Id is Not Correct.',
  206: 'Receiver District Id is Not Correct.',
  207: 'Please Enter Receiver Phone or GSM Number',
  301: 'Sender Cannot Be Null.',
  302: 'Sender Address Cannot Be Null.',
  303: 'Sender District Id Cannot Be Zero.',
  304: 'Sender City Id Cannot Be Zero.',
  305: 'Sender City Id is Not Correct.',
  306: 'Sender District Id is Not Correct.',
  307: 'Please Enter Sender Phone or GSM Number',
  410: 'Product Price Cannot Be Zero.',
  411: 'Payment Type Is Not Correct.',
  701: 'Please Enter Tracking Number or Reference Number.',
  702: 'No Delivery Found.',
  703: 'You Cannot Cancel , Delivery Has Already Sent.',
} as const
export type SendeoErrorCode = keyof typeof SendeoError
