import type { ErrorCode, SerializedAppError } from '../errors'
import { ERRORS_EN } from './errors.en'
import { ERRORS_TR } from './errors.tr'
import type { Lang } from './notice-text'

/** How the desk words an error code: what went wrong, and the next step. */
export type ErrorWording = Readonly<{ title: string; next: string }>

export const ERROR_WORDING: Readonly<Record<Lang, Readonly<Record<ErrorCode, ErrorWording>>>> = { tr: ERRORS_TR, en: ERRORS_EN }

/** The wording of a code in one language; null for a code this build does not know (a newer core). */
export function errorWording(code: SerializedAppError['code'] | string, lang: Lang): ErrorWording | null {
  const table = ERROR_WORDING[lang] as Partial<Record<string, ErrorWording>>
  return table[code] ?? null
}
