export default defineBackground(() => {
  // Wired up by the sync service (extension/sync/).
});
