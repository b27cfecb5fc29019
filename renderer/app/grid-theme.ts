import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';

// AG Grid community: without registering its modules, filters, cell classes and some API calls fail silently.
ModuleRegistry.registerModules([AllCommunityModule]);

/** One look for every grid: compact rows for long ledgers, the app's font (CJK-capable) and accent. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit', fontSize: 13, headerFontWeight: 600, rowHeight: 30, headerHeight: 34, spacing: 5,
  accentColor: '#1f6feb', borderColor: '#d0d7de', headerBackgroundColor: '#f3f5f8',
});
