import { useTranslation } from 'react-i18next';
import { AREAS, type AreaId } from '../app/areas';

/** The areas of the product; the current one is marked for screen readers too. */
export function Sidebar({ current, onGo, areas = AREAS }: { current: AreaId; onGo: (a: AreaId) => void; areas?: readonly AreaId[] }) {
  const { t } = useTranslation();
  return (
    <nav className="sidebar" aria-label="areas">
      {areas.map((a) => (
        <button key={a} type="button" data-testid={`area-${a}`} aria-current={a === current ? 'page' : undefined} className={a === current ? 'current' : ''}
          title={`Alt+${(AREAS.indexOf(a) + 1) % 10}`} onClick={() => onGo(a)}>
          {t(`areas.${a}`)}
        </button>
      ))}
    </nav>
  );
}
