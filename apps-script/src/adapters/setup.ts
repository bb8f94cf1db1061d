/**
 * Applies a SetupPlan with SpreadsheetApp: tabs, headers, data validation, conditional
 * formatting, protection. Idempotent by construction: it adds what the plan says is
 * missing, and replaces only the validation, rules and protections Payladder owns.
 */
import { columnLetter } from '../../../shared/index.ts';
import type { ColumnValidation, FormatStyle, SetupOutcome, SetupPlan, TabSetup } from '../services.ts';
import { COMPUTED_HEADER_STYLE, HEADER_STYLE, isPayladderRule } from '../handlers/setup-plan.ts';
import type { SpreadsheetAdapter } from './spreadsheet.ts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export function applySetup(adapter: SpreadsheetAdapter, plan: SetupPlan): SetupOutcome {
  const book = adapter.spreadsheet();
  const outcome: SetupOutcome = { createdTabs: [], addedColumns: [], addedSettings: [] };
  // Inserting a tab makes it the active one; the user stays where they were.
  const active = book.getActiveSheet();
  let inserted = false;

  const sheets = new Map<string, Sheet>();
  for (const tab of plan.tabs) {
    let sheet: Sheet;
    if (tab.create) {
      sheet = book.insertSheet(tab.name, book.getNumSheets());
      adapter.remember(tab.name, sheet);
      outcome.createdTabs.push(tab.name);
      inserted = true;
    } else {
      sheet = adapter.sheet(tab.name);
      for (const h of tab.newHeaders) outcome.addedColumns.push({ tab: tab.name, header: h.header });
    }
    sheets.set(tab.name, sheet);
    writeHeaders(sheet, tab);
    if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
    if (tab.appendRows.length > 0) {
      adapter.appendRows(tab.name, tab.appendRows);
      if (tab.key === 'settings')
        for (const r of tab.appendRows) outcome.addedSettings.push(String(r.find((v) => v !== '') ?? ''));
    }
  }

  for (const tab of plan.tabs) {
    const sheet = sheets.get(tab.name);
    if (!sheet) continue;
    const rows = sheet.getMaxRows() - 1;
    if (rows < 1) continue;
    for (const v of tab.validations) {
      sheet.getRange(2, v.column, rows, 1).setDataValidation(validation(v, sheets, adapter));
    }
    for (const run of tab.computedRuns) {
      style(sheet.getRange(1, run.column, 1, run.count), COMPUTED_HEADER_STYLE);
    }
    protectComputed(sheet, tab, plan.protectionDescription);
  }

  if (plan.formatting) {
    const sheet = sheets.get(plan.formatting.tab);
    if (sheet) {
      const rows = sheet.getMaxRows() - 1;
      const existing = sheet.getConditionalFormatRules();
      const own = existing.map((r) => isPayladderRule(describeRule(r)));
      const ours = plan.formatting.rules.map((rule) => {
        const builder = SpreadsheetApp.newConditionalFormatRule();
        if ('formula' in rule.when) builder.whenFormulaSatisfied(rule.when.formula);
        else builder.whenNumberGreaterThan(rule.when.greaterThan);
        builder.setBackground(rule.style.background).setFontColor(rule.style.fontColor);
        if (rule.style.bold) builder.setBold(true);
        if (rule.style.italic) builder.setItalic(true);
        if (rule.style.strikethrough) builder.setStrikethrough(true);
        return builder
          .setRanges([sheet.getRange(2, rule.fromColumn, rows, rule.toColumn - rule.fromColumn + 1)])
          .build();
      });
      // Payladder's rules are replaced where they stand (after the user's the first time);
      // the user's own keep their places, so a second run leaves the list as it was.
      const at = own.indexOf(true);
      const kept = existing.filter((_, i) => !own[i]);
      const before = at === -1 ? kept.length : own.slice(0, at).filter((o) => !o).length;
      sheet.setConditionalFormatRules([...kept.slice(0, before), ...ours, ...kept.slice(before)]);
    }
  }

  if (inserted) book.setActiveSheet(active);
  return outcome;
}

function writeHeaders(sheet: Sheet, tab: TabSetup): void {
  const max = sheet.getMaxColumns();
  if (tab.width > max) sheet.insertColumnsAfter(max, tab.width - max);
  // Contiguous runs of new headers, one write each.
  const runs: { column: number; headers: string[]; computed: boolean[] }[] = [];
  for (const h of [...tab.newHeaders].sort((a, b) => a.column - b.column)) {
    const last = runs.at(-1);
    if (last && last.column + last.headers.length === h.column) {
      last.headers.push(h.header);
      last.computed.push(h.computed);
    } else runs.push({ column: h.column, headers: [h.header], computed: [h.computed] });
  }
  for (const run of runs) {
    const range = sheet.getRange(1, run.column, 1, run.headers.length);
    range.setValues([run.headers]);
    style(range, HEADER_STYLE);
  }
}

function style(range: Range, s: FormatStyle): void {
  range
    .setBackground(s.background)
    .setFontColor(s.fontColor)
    .setFontWeight(s.bold ? 'bold' : 'normal');
  range.setFontStyle(s.italic ? 'italic' : 'normal');
}

function validation(
  v: ColumnValidation,
  sheets: ReadonlyMap<string, Sheet>,
  adapter: SpreadsheetAdapter,
): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  const rule = v.rule;
  switch (rule.type) {
    case 'date':
      builder.requireDate();
      break;
    case 'positive-amount':
      builder.requireNumberGreaterThan(0);
      break;
    case 'days':
      builder.requireNumberBetween(0, 3650);
      break;
    case 'list':
      builder.requireValueInList([...rule.values], true);
      break;
    case 'ref': {
      const source = sheets.get(rule.tab) ?? adapter.sheet(rule.tab);
      const letter = columnLetter(rule.column);
      // Open-ended (`A2:A`) so rows added later are offered too.
      builder.requireValueInRange(source.getRange(`${letter}2:${letter}`), true);
      break;
    }
  }
  // Warn, never reject: the core reads more than the dropdown offers (lower case, several
  // IDs in Reminders) and says what is wrong in Problems.
  return builder.setAllowInvalid(true).setHelpText(v.help).build();
}

function describeRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): {
  formula: string | null;
  greaterThan: number | null;
  background: string | null;
} {
  const condition = rule.getBooleanCondition();
  if (!condition) return { formula: null, greaterThan: null, background: null };
  const type = String(condition.getCriteriaType());
  const values = condition.getCriteriaValues();
  return {
    formula: type === 'CUSTOM_FORMULA' ? String(values[0] ?? '') : null,
    greaterThan: type === 'NUMBER_GREATER_THAN' ? Number(values[0]) : null,
    background: condition.getBackground(),
  };
}

/** Warning-only protection over each run of computed columns, made once and kept. */
function protectComputed(sheet: Sheet, tab: TabSetup, description: string): void {
  const existing = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .filter((p) => p.getDescription() === description);
  if (tab.computedRuns.length === 0 && existing.length === 0) return;
  const rows = sheet.getMaxRows();
  const wanted = new Set(tab.computedRuns.map((r) => `${r.column}:${r.count}`));
  for (const p of existing) {
    const range = p.getRange();
    const key = `${range.getColumn()}:${range.getNumColumns()}`;
    if (wanted.has(key) && range.getRow() === 1) wanted.delete(key);
    else p.remove();
  }
  for (const run of tab.computedRuns) {
    if (!wanted.has(`${run.column}:${run.count}`)) continue;
    sheet.getRange(1, run.column, rows, run.count).protect().setDescription(description).setWarningOnly(true);
  }
}
