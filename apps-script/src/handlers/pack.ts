/**
 * A client's documentation pack (parties, agreement, statement of account, interest worked
 * out, chasing record, route), its internal notes and two CSVs, for a lawyer, an agency, a small-claims filing or a bad-debt deduction:
 * the core builds it, the add-on hands it to the sidebar or shows it in a dialog.
 */
import type { Ledger, Report } from '../../../shared/index.ts';
import {
  buildPack,
  packChasingCsv,
  packHtml,
  packNotesHtml,
  PackError,
  packStatementCsv,
} from '../../../shared/index.ts';
import type { PackResult } from '../api.ts';
import { UserError } from './ledger.ts';

export function clientPack(ledger: Ledger, report: Report, client: string): PackResult {
  try {
    const pack = buildPack({ ledger, report, client, today: report.today });
    const slug = pack.client.client.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'client';
    return {
      filename: `payladder-pack-${slug}-${report.today}`,
      html: packHtml(pack),
      notes: packNotesHtml(pack),
      statementCsv: packStatementCsv(pack),
      chasingCsv: packChasingCsv(pack),
    };
  } catch (error) {
    if (error instanceof PackError) throw new UserError(error.message);
    throw error;
  }
}
