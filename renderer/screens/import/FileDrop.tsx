import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A drop zone that is also a keyboard-operable file chooser. */
export function FileDrop({ onFile, chosen, disabled }: { onFile: (f: File) => void; chosen: string | null; disabled?: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div className={`drop ${over ? 'over' : ''}`} data-testid="drop-zone"
      onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const f = e.dataTransfer.files[0];
        if (f && !disabled) onFile(f);
      }}>
      <span>{t('import.drop')}</span>
      <button type="button" disabled={disabled} onClick={() => input.current?.click()}>{t('import.choose')}</button>
      <input ref={input} type="file" hidden data-testid="file-input" accept=".xlsx,.xls,.csv,.txt,.json,.htm,.html"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
          e.target.value = '';
        }} />
      <span className="muted small">{chosen ? t('import.chosen', { name: chosen }) : t('import.formats')}</span>
    </div>
  );
}
