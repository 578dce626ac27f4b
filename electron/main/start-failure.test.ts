import { describe, expect, it } from 'vitest'
import { AppError, ErrorCode } from '../../shared/errors'
import { startFailureText } from './start-failure'

const DIR = '/home/desk/.config/KargoJet Station'

describe('the dialog for a failed start (Electron)', () => {
  it.each([
    [new AppError(ErrorCode.dbFromNewerVersion, 'newer db'), 'güncelleyin', 'Update the app'],
    [new AppError(ErrorCode.dbCorrupt, 'damaged; newest backup: backup-x.sqlite3'), 'yedeği geri yükleyin', 'Restore the newest backup'],
    [new AppError(ErrorCode.stationAlreadyRunning, 'another KargoJet Station is running (pid 42)'), 'başka bir masa', 'Another desk'],
    [new AppError(ErrorCode.inputInvalid, 'invalid station configuration: unknown key printer.urii'), 'station.json', 'Fix'],
    [new AppError(ErrorCode.inputInvalid, 'an encrypted credential does not open with secret.key'), 'şifreyi yeniden girin', 'enter the credential again'],
    [new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'), 'Beklenmeyen hata', 'call support'],
    ['a thrown string', 'Beklenmeyen hata', 'Unexpected error'],
  ])('%s → Turkish and English next step, the error, the data folder', (err, tr, en) => {
    const { title, message } = startFailureText(err, DIR)
    expect(title).toBe('KargoJet Station başlatılamadı / could not start')
    expect(message).toContain(tr)
    expect(message).toContain(en)
    expect(message).toContain(err instanceof Error ? err.message : String(err))
    expect(message).toContain(`Veri klasörü / Data folder: ${DIR}`)
    // Turkish first.
    expect(message.indexOf(tr)).toBeLessThan(message.indexOf(en))
  })

  it('names the error code for expected failures, and the station.json path for config errors', () => {
    const { message } = startFailureText(new AppError(ErrorCode.inputInvalid, 'x'), DIR)
    expect(message).toContain('[input.invalid]')
    expect(message).toContain(`${DIR}/station.json`)
    expect(startFailureText(new Error('boom'), DIR).message).not.toContain('[')
  })
})
