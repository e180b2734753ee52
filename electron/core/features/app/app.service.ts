// What the About screen and `--version` show: app, schema and reference-data versions.

import packageJson from '../../../../package.json'
import type { AppInfo } from '../../../../shared/contract'
import type { Db } from '../../db/schema'
import { SCHEMA_VERSION } from '../../db/migrations'

export async function appInfo(db: Db): Promise<AppInfo> {
  const source = await db.selectFrom('meta').select('value').where('key', '=', 'area_source').executeTakeFirst()
  return { appVersion: packageJson.version, schemaVersion: SCHEMA_VERSION, areaSource: source?.value ?? '' }
}
