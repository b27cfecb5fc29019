import { useRef } from 'react';

/**
 * A file chooser in the window's words: a button of ours opens the browser's file dialog (whose own button would say
 * "Choose File" in the system's language), and the input stays in the page for tests and assistive tools.
 */
export function FilePick({ label, onFile, testId, accept, disabled }: { label: string; onFile: (f: File) => void; testId?: string; accept?: string; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <span className="file-pick">
      <button type="button" disabled={disabled} onClick={() => input.current?.click()}>{label}</button>
      <input ref={input} type="file" tabIndex={-1} aria-hidden="true" data-testid={testId} accept={accept}
        onChange={(e) => { const f = e.target.files?.[0]; if (f) onFile(f); e.target.value = ''; }} />
    </span>
  );
}
