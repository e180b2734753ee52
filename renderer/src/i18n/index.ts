// i18next set up once, before the first render. Indonesian is the default; the saved
// language (settings:get) is applied as soon as the core answers.

import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { id } from './id'
import { en } from './en'
import { setFormatLanguage, type Lang } from './format'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof id }
  }
}

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: 'id',
  fallbackLng: 'id',
  // React escapes text itself.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
})

export async function setLanguage(lang: Lang) {
  setFormatLanguage(lang)
  document.documentElement.lang = lang
  await i18n.changeLanguage(lang)
}

export { i18n }
