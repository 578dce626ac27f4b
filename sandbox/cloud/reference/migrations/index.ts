import type { Migration } from 'kysely'
import * as m20261126_0900 from './20261126_0900_create_cloud_tables'

/** Static map: survives bundling, no fs scan. Never edit a shipped migration; add a new one. */
export const cloudMigrations: Record<string, Migration> = {
  '20261126_0900_create_cloud_tables': m20261126_0900,
}
