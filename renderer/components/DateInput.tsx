import { useTranslation } from 'react-i18next';

const ISO = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * A date typed as YYYY-MM-DD in every language (the browser's own date field follows the machine's locale, e.g.
 * mm/dd/yyyy). An incomplete or impossible date is marked invalid next to the field.
 */
export function DateInput({ value, onChange, testId, label }: { value: string; onChange: (v: string) => void; testId?: string; label: string }) {
  const { t } = useTranslation();
  const bad = value !== '' && !ISO.test(value);
  return (
    <label>{label}
      <input type="text" inputMode="numeric" placeholder="YYYY-MM-DD" maxLength={10} size={10} value={value} data-testid={testId}
        aria-invalid={bad} className={bad ? 'invalid' : ''} onChange={(e) => onChange(e.target.value.trim())} />
      {bad && <span className="field-error" role="alert">{t('app.dateFormat')}</span>}
    </label>
  );
}

export const isIsoDateOrEmpty = (v: string) => v === '' || ISO.test(v);
