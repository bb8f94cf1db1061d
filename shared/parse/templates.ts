/** The Templates tab (optional): the user's own wording of a message, by stage and language. */
import { keyOf } from '../cells.ts';
import type { Settings, TemplateRow } from '../model.ts';
import { TEMPLATE_STAGE_IDS } from '../stages.ts';
import type { TabReader } from './reader.ts';
import { parseLanguage } from './values.ts';

export function parseTemplates(tab: TabReader, settings: Settings): TemplateRow[] {
  const templates: TemplateRow[] = [];
  if (!tab.check(false)) return templates;
  tab.forEachRow((r) => {
    const stageText = r.required('Stage');
    if (stageText === null) return;
    const stage = TEMPLATE_STAGE_IDS.find((s) => keyOf(s) === keyOf(stageText));
    if (!stage)
      return r.fail('unknown_stage', 'Stage', { value: stageText, allowed: TEMPLATE_STAGE_IDS.join(', ') });
    let language = settings.defaultLanguage;
    if (r.has('Language')) {
      const l = parseLanguage(r.text('Language'));
      if (!l) return r.fail('unknown_language', 'Language', { value: r.text('Language') });
      language = l;
    }
    templates.push({ row: r.row, stage, language, subject: r.text('Subject'), body: r.text('Body') });
  });
  return templates;
}
