import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';

type Preview = ServiceResult<'import.preview'>;

/** Each way the file writes a store and what it was read as: 101-上海古北店 → CRF/101 家乐福上海古北店 (编号+名称). */
export function StoreReadings({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const readings = preview.storeReadings;
  if (!readings.length) return null;
  return (
    <details className="store-readings" open={readings.length <= 12} data-testid="store-readings">
      <summary><h3>{t('import.storesTitle', { count: readings.length })}</h3></summary>
      <table className="table compact">
        <thead><tr><th>{t('import.storeCell')}</th><th>{t('import.storeFound')}</th><th>{t('import.storeHow')}</th><th>{t('import.storeRows')}</th></tr></thead>
        <tbody>
          {readings.slice(0, 200).map((r) => (
            <tr key={r.text}>
              <td>{r.text}</td>
              <td>{r.store ? `${r.store.ka}/${r.store.code} ${r.store.name}` : t('import.chainStore')}</td>
              <td className={`reading reading-${r.reading}`}>{t(`storeReadings.${r.reading}`)}</td>
              <td className="num">{r.rows}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
