import { afterAll, beforeAll } from 'vitest'
import { startYurticiEmulator, type YurticiEmulator } from '../../sandbox/yurtici/yurtici.emulator'

/** The sandbox Yurtiçi account as `station ship|track|return` flags (the emulator's --base-url goes beside them). */
export const YURTICI_CLI_FLAGS: string[] = ['--carrier', 'yurtici', '--username', 'YKTEST', '--password', 'YK']

/** The warehouse in Şişli, as an order file names it. */
export const DEPOT_SISLI = {
  name: 'KargoJet Depo',
  address: 'Büyükdere Cd. No:185',
  district: 'Şişli',
  city: 'İstanbul',
  postalCode: '34381',
  phone: '02123456789',
}

/** A customer in Karşıyaka (Turkish letters in every field a label prints). */
export const CUSTOMER_KARSIYAKA = {
  name: 'Ğülşen Çağlayan',
  address: 'Cemal Gürsel Cd. No:42',
  district: 'Karşıyaka',
  city: 'İzmir',
  postalCode: '35540',
  phone: '+905359876543',
}

/** A Yurtiçi emulator for the whole test file: started before its first test, closed after its last. Call the result inside a test. */
export function yurticiForFile(): () => YurticiEmulator {
  let emulator: YurticiEmulator | null = null
  beforeAll(async () => {
    emulator = await startYurticiEmulator()
  })
  afterAll(async () => {
    await emulator?.close()
    emulator = null
  })
  return () => emulator ?? failOutsideFile()
}

function failOutsideFile(): never {
  throw new Error("yurticiForFile: the emulator runs only while the file's tests run")
}
