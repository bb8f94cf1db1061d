import '../zod-jitless.ts';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../sync/start-background.ts';

// Wiring only: the service and its listeners live in sync/.
export default defineBackground(() => {
  startBackground();
});
