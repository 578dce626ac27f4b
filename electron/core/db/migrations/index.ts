import type { Migration } from 'kysely'
import * as m20261125_1830 from './20261125_1830_create_core_tables'
import * as m20261125_1930 from './20261125_1930_allow_test_print_jobs'
import * as m20261125_2200 from './20261125_2200_carrier_layer'
import * as m20261126_0100 from './20261126_0100_returns_and_item_sizes'
import * as m20261207_1640 from './20261207_1640_add_shipment_charged_kurus'
import * as m20261207_1945 from './20261207_1945_widen_packer_roles'
import * as m20261207_2030 from './20261207_2030_create_search_index'
import * as m20261207_2315 from './20261207_2315_add_order_parcel_count'
import * as m20261207_2330 from './20261207_2330_create_desk_exceptions'

/** Static map: survives bundling, no fs scan. Never edit a shipped migration; add a new one. */
export const migrations: Record<string, Migration> = {
  '20261125_1830_create_core_tables': m20261125_1830,
  '20261125_1930_allow_test_print_jobs': m20261125_1930,
  '20261125_2200_carrier_layer': m20261125_2200,
  '20261126_0100_returns_and_item_sizes': m20261126_0100,
  '20261207_1640_add_shipment_charged_kurus': m20261207_1640,
  '20261207_1945_widen_packer_roles': m20261207_1945,
  '20261207_2030_create_search_index': m20261207_2030,
  '20261207_2315_add_order_parcel_count': m20261207_2315,
  '20261207_2330_create_desk_exceptions': m20261207_2330,
}
