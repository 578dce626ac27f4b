import { join } from 'node:path'
import { ErrorCode, isAppError } from '../../shared/errors'

// Runs in the Electron main process but imports nothing from 'electron', so it is unit-tested
// in plain Node; index.ts shows the text with dialog.showErrorBox and quits.

export type StartFailureText = Readonly<{ title: string; message: string }>

/** What the operator does next, per failure (Turkish / English). */
function nextStep(code: string | null, dataDir: string): readonly [string, string] {
  const stationJson = join(dataDir, 'station.json')
  switch (code) {
    case ErrorCode.dbFromNewerVersion:
      return [
        'Veritabanı bu sürümden daha yeni bir KargoJet Station ile yazılmış. Uygulamayı en yeni sürüme güncelleyin; eski sürümle açmayın (veriler değiştirilmedi).',
        'The database was written by a newer KargoJet Station. Update the app to the newest version; do not open it with an older one (nothing was changed).',
      ]
    case ErrorCode.dbCorrupt:
      return [
        'Veritabanı bozuk ve dokunulmadı. Yukarıda adı geçen en yeni yedeği geri yükleyin (README: "Where data lives") ya da destek çağırın.',
        'The database is damaged and was left untouched. Restore the newest backup named above (README: "Where data lives") or call support.',
      ]
    case ErrorCode.dbMigrationFailed:
      return [
        'Veritabanı güncellenemedi; güncellemeden önceki yedek veri klasöründe. Destek çağırın.',
        'The database upgrade failed; the backup taken before it is in the data folder. Call support.',
      ]
    case ErrorCode.stationAlreadyRunning:
      return [
        'Bu veri klasöründe başka bir masa (uygulama ya da "station serve") açık. Onu kullanın ya da kapatıp yeniden başlatın.',
        'Another desk (the app or "station serve") is running on this data folder. Use it, or stop it and start again.',
      ]
    case ErrorCode.inputInvalid:
      return [
        `Ayar dosyası ya da kayıtlı bir şifre okunamadı. ${stationJson} dosyasını düzeltin (şifreyi yeniden girin) ve yeniden başlatın.`,
        `A settings file or a stored credential could not be read. Fix ${stationJson} (enter the credential again) and start again.`,
      ]
    default:
      return [
        'Beklenmeyen hata. Uygulamayı yeniden başlatın; sürerse bu mesajla destek çağırın.',
        'Unexpected error. Restart the app; if it persists, call support with this message.',
      ]
  }
}

/**
 * The dialog text for a start that failed (boot() rejected): Turkish first, then English, the
 * error itself, what to do, and the data folder, so a packer can read it out to support.
 */
export function startFailureText(err: unknown, dataDir: string): StartFailureText {
  const code = isAppError(err) ? err.code : null
  const detail = err instanceof Error ? err.message : String(err)
  const [tr, en] = nextStep(code, dataDir)
  return {
    title: 'KargoJet Station başlatılamadı / could not start',
    message: [tr, en, '', `${detail}${code ? ` [${code}]` : ''}`, '', `Veri klasörü / Data folder: ${dataDir}`].join('\n'),
  }
}
