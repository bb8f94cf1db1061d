// apps-script/src/main.ts: each export becomes a global Apps Script can call (the build
// writes one forwarding function per export): simple triggers, menu items, the daily
// trigger and the sidebar's server handlers.
export {
  confirmDraftSent,
  createPaymentPlan,
  documentationPackForSelection,
  draftDueReminders,
  draftReminder,
  exportPack,
  getSidebarView,
  installDailyTrigger,
  jumpToMilestone,
  loadDemoData,
  logPromise,
  onEdit,
  onInstall,
  onOpen,
  paymentPlanForSelection,
  previewPaymentPlan,
  recomputeLedger,
  recordPayment,
  removeDailyTrigger,
  selectCell,
  setMilestoneStatus,
  setupLedger,
  showSidebar,
  writeOffMilestone,
} from './globals.ts';
