/** The gate's report formats. text, github, json and markdown are generators; sarif loads its builder lazily. */
import type { GateReport } from '../model.js';
import { writeGithub } from './github.js';
import { writeJsonReport } from './json.js';
import { writeMarkdown } from './markdown.js';
import { writeSarif } from './sarif.js';
import { writeText } from './text.js';

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'sarif', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export async function renderReport(r: GateReport, format: ReportFormat, version: string): Promise<string> {
  switch (format) {
    case 'text':
      return [...writeText(r)].join('');
    case 'github':
      return [...writeGithub(r)].join('');
    case 'json':
      return [...writeJsonReport(r)].join('');
    case 'markdown':
      return [...writeMarkdown(r)].join('');
    case 'sarif':
      return writeSarif(r, version);
  }
}
