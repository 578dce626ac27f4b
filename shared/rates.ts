/**
 * Rates and carrier selection (docs/carriers.md "Rates and selection"). The code lives in shared/rates/;
 * this module keeps the one import path the packing service, the station and the UI use.
 */
export { hasDistancePrices, priceFor, type ExcludedDistrict, type RateBand, type RateCard } from './rates/rate-card'
export {
  distanceBandLabel,
  QuoteReason,
  selectCarrier,
  SelectionStrategy,
  type CarrierPreference,
  type QuoteContext,
  type QuoteOption,
  type SelectionRules,
} from './rates/carrier-select'
export {
  DEFAULT_DISTANCE_THRESHOLDS_KM,
  DISTANCE_BAND_LABELS,
  DISTANCE_BANDS,
  DistanceBand,
  distanceBandForKm,
  parseDistanceBand,
  type DistanceBandFn,
  type DistanceThresholdsKm,
} from './rates/distance-band'
export { boxItemsFromLines, DEFAULT_FILL_FACTOR, suggestBoxes, type BoxItem, type BoxSuggestion, type BoxSuggestOptions } from './rates/box-suggestion'
export { formatCsv, parseCsv, rateCardsFromCsv, rateCardsToCsv, type CsvDelimiter } from './rates/rate-card.csv'
export { RATE_CARD_COLUMNS, rateCardsFromTable, rateCardsToTable, type RateCardTableError, type TableCell, type TableRow } from './rates/rate-card.table'
