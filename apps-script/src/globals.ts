/**
 * The functions Apps Script calls by name: simple triggers, menu items, the daily trigger
 * and the sidebar's google.script.run targets. Each builds this execution's Services from
 * the adapters and hands over to a handler; nothing runs at load time, because Apps Script
 * loads the whole file before every call, onOpen in AuthMode.NONE included.
 */
import type {
  ClientInput,
  ConfirmSentInput,
  DraftReminderInput,
  LogPromiseInput,
  MilestoneInput,
  PaymentPlanInput,
  RecordPaymentInput,
  SelectCellInput,
  SetStatusInput,
  WriteOffInput,
} from './api.ts';
import { editedSheet, isTimeDriven } from './adapters/events.ts';
import { appsScriptServices } from './adapters/index.ts';
import { createHandlers, DAILY_HANDLER } from './handlers/menu.ts';
import { createServerApi } from './handlers/server-api.ts';

const services = (addOn?: boolean) =>
  appsScriptServices({ dailyHandler: DAILY_HANDLER, ...(addOn === undefined ? {} : { addOn }) });
const handlers = (addOn?: boolean) => createHandlers(services(addOn));
const api = () => createServerApi(services());

// --- simple triggers ---

export function onOpen(event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  // Only an add-on's onOpen runs in AuthMode.NONE, where nothing but the menu may be
  // touched: the event says it is an add-on, so ScriptApp is not asked.
  handlers(String(event?.authMode) === 'NONE' ? true : undefined).onOpen();
}
/** Editor add-on: installing it runs onOpen so the menu shows without a reload. */
export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}
export function onEdit(event?: GoogleAppsScript.Events.SheetsOnEdit): void {
  // The event carries the spreadsheet (`e.source`) and the edited tab, found and named to
  // tell a ledger tab from the user's own: a recompute does not look either up again.
  const source = event?.source ?? null;
  const edited = editedSheet(event);
  createHandlers(appsScriptServices({ dailyHandler: DAILY_HANDLER, source, edited })).onEdit(
    edited?.name ?? null,
  );
}

// --- menu items and the daily trigger ---

export function showSidebar(): void {
  handlers().showSidebar();
}
export function setupLedger(): void {
  handlers().setupLedger();
}
export function loadDemoData(): void {
  handlers().loadDemoData();
}
export function recomputeLedger(): void {
  handlers().recomputeLedger();
}
/** The menu's "Draft due reminders" and the daily trigger's handler. */
/** Returns what it did (drafts, skips, deferrals, earlier drafts gone) as plain JSON. */
export function draftDueReminders(event?: GoogleAppsScript.Events.TimeDriven) {
  return handlers().draftDueReminders(isTimeDriven(event));
}
export function installDailyTrigger(): void {
  handlers().installDailyTrigger();
}
export function removeDailyTrigger(): void {
  handlers().removeDailyTrigger();
}
export function paymentPlanForSelection(): void {
  handlers().paymentPlanForSelection();
}
export function documentationPackForSelection(): void {
  handlers().documentationPackForSelection();
}

// --- the sidebar's server handlers (ServerApi); each parses its input with zod ---

export function getSidebarView() {
  return api().getSidebarView();
}
export function recordPayment(input: unknown) {
  return api().recordPayment(input as RecordPaymentInput);
}
export function setMilestoneStatus(input: unknown) {
  return api().setMilestoneStatus(input as SetStatusInput);
}
export function logPromise(input: unknown) {
  return api().logPromise(input as LogPromiseInput);
}
export function draftReminder(input: unknown) {
  return api().draftReminder(input as DraftReminderInput);
}
export function confirmDraftSent(input: unknown) {
  return api().confirmDraftSent(input as ConfirmSentInput);
}
export function previewPaymentPlan(input: unknown) {
  return api().previewPaymentPlan(input as PaymentPlanInput);
}
export function createPaymentPlan(input: unknown) {
  return api().createPaymentPlan(input as PaymentPlanInput);
}
export function writeOffMilestone(input: unknown) {
  return api().writeOffMilestone(input as WriteOffInput);
}
export function exportPack(input: unknown) {
  return api().exportPack(input as ClientInput);
}
export function selectCell(input: unknown) {
  return api().selectCell(input as SelectCellInput);
}
export function jumpToMilestone(input: unknown) {
  return api().jumpToMilestone(input as MilestoneInput);
}
