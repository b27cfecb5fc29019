import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../locale/index.js';
import { enResources, zhResources } from './resources';

export { LANGUAGES, type Language };

/** Chinese unless the user switched to English (kept per machine). */
export function initI18n(): typeof i18next {
  const saved = localStorage.getItem('ka-settle-language');
  const lng: Language = saved === 'en' ? 'en' : 'zh';
  void i18next.use(initReactI18next).init({
    resources: { zh: { translation: zhResources }, en: { translation: enResources } },
    lng, fallbackLng: 'zh', interpolation: { escapeValue: false }, returnNull: false,
  });
  document.documentElement.lang = lng === 'zh' ? 'zh-CN' : 'en';
  return i18next;
}

export function switchLanguage(lng: Language): void {
  localStorage.setItem('ka-settle-language', lng);
  void i18next.changeLanguage(lng);
  document.documentElement.lang = lng === 'zh' ? 'zh-CN' : 'en';
}
