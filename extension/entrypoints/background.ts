import '../zod-jitless.ts';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../start-background.ts';

// Wiring only: the listeners live in start-background.ts, the service in sync/.
export default defineBackground(() => {
  startBackground();
});
