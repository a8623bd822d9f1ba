import type { CatalogInfo, UploadProgress, UploadReport } from '../../app/types.js';
import { catalogExportView, catalogInfoView, progressView, uploadReportView } from '../../present/catalog.js';
import type { Rendered } from './limits.js';
import { renderView } from './view.js';

export function renderCatalogProgress(filename: string, p: UploadProgress): Rendered {
  return renderView(progressView(filename, p));
}

/** The final upload report; its empty text replaces the progress line it edits. */
export function renderUploadReport(r: UploadReport, filename?: string): Rendered {
  return renderView(uploadReportView(r, filename), { content: '' });
}

export function renderCatalogInfo(info: CatalogInfo | null): Rendered {
  return renderView(catalogInfoView(info));
}

/** The catalog file (`catalog.json` or `catalog.csv`), private to the admin who asked. */
export function renderCatalogExport(data: string, count: number, format: 'json' | 'csv' = 'json', neutralised = 0): Rendered {
  return renderView(catalogExportView(data, count, format, neutralised));
}
