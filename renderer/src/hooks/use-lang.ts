import { createContext, useCallback, useContext, useEffect, useState } from 'react'
import { otherLang, t, type Lang, type MessageKey, type Params } from '../i18n'

const STORAGE_KEY = 'kargojet.lang'

export type LangApi = Readonly<{
  lang: Lang
  /** Text in the chosen language. */
  t: (key: MessageKey, params?: Params) => string
  /** The same text in the other language, shown small under the main one. */
  sub: (key: MessageKey, params?: Params) => string
  toggle: () => void
}>

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'tr'
  } catch {
    return 'tr' // storage blocked (file://, private mode): Turkish, the default
  }
}

/** The TR/EN switch, remembered per desk in localStorage; Turkish unless someone chose English. */
export function useLangState(): LangApi {
  const [lang, setLang] = useState<Lang>(readStoredLang)
  const toggle = useCallback(() => {
    setLang((current) => {
      const next = otherLang(current)
      try {
        localStorage.setItem(STORAGE_KEY, next)
      } catch {
        // not persisted; the switch still works for this session
      }
      return next
    })
  }, [])
  // The page's language follows the switch, so CSS upper-casing and screen readers use the right locale (issue 12).
  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])
  return {
    lang,
    t: (key, params) => t(key, lang, params),
    sub: (key, params) => t(key, otherLang(lang), params),
    toggle,
  }
}

export const LangContext = createContext<LangApi>({
  lang: 'tr',
  t: (key, params) => t(key, 'tr', params),
  sub: (key, params) => t(key, 'en', params),
  toggle: () => {},
})

export function useLang(): LangApi {
  return useContext(LangContext)
}
