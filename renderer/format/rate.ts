/** A rate in parts per million as a percentage: 25000 → "2.5%" (locale/ formats it, as everywhere else). */
export { formatRate as formatPpm } from '../../locale/format.js';
