/** The formats of money, prices, quantities and rates live in locale/, shared with the window. */
export { formatFen, formatYuan, formatPrice, formatQuantity, formatRate } from '../../locale/format.js';
