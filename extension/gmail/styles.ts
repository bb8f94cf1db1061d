/**
 * The overlays' CSS, as strings placed in each shadow root, written compactly (one rule a
 * line) because every byte ships in the content script. `BASE_CSS` is prepended when a
 * host is made (overlay-host.ts), not here: a minifier folds constant concatenations,
 * which would ship the base once per overlay. `:host` rules carry `!important`
 * because a page rule on the host element would otherwise win over them. Colours follow
 * Gmail's light and dark themes; a stage chip carries its own fill and text colour
 * (`stageStyle`, from shared/stage-look.ts), the same in both.
 */

const HOST = ':host{all:initial!important;';

export const BASE_CSS = `
.pl{--fg:#202124;--muted:#5f6368;--bg:#fff;--border:#dadce0;--hover:#f1f3f4;--focus:#0b57d0;--shadow:0 2px 6px #3c404350;font:12px/1.4 "Google Sans",Roboto,Arial,sans-serif;color:var(--fg)}
.pl[data-theme=dark]{--fg:#e3e3e3;--muted:#a8abaf;--bg:#2d2e30;--border:#5f6368;--hover:#3c4043;--focus:#a8c7fa;--shadow:0 2px 6px #0009}
button{font:inherit;color:inherit;background:none;border:0;margin:0;padding:0;cursor:pointer}
:focus-visible{outline:2px solid var(--focus);outline-offset:1px}
.stage{display:inline-block;border-radius:8px;padding:0 6px;font-weight:500;white-space:nowrap}
.muted{color:var(--muted)}
.popup{position:fixed;z-index:2147483000;box-sizing:border-box;max-width:min(420px,calc(100vw - 16px));background:var(--bg);color:var(--fg);border:1px solid var(--border);border-radius:8px;box-shadow:var(--shadow);padding:8px 0;text-align:left;white-space:normal}
.popup h3{font-size:11px;font-weight:500;text-transform:uppercase;color:var(--muted);margin:8px 12px 4px}
.popup p{margin:4px 12px}
.popup p:empty{display:none}
.action{margin:8px 12px 4px;padding:6px 14px;border-radius:16px;background:var(--focus);color:var(--bg);font-weight:500}
.items{overflow:auto;padding:4px 0}
.item{display:flex;width:100%;gap:8px;align-items:center;padding:6px 12px;text-align:left}
.item:hover,.item:focus{background:var(--hover)}`;

export const CHIP_CSS = `${HOST}display:inline-block!important;vertical-align:middle!important;margin:0 8px!important}
.chip{display:inline-flex;align-items:center;gap:6px;max-width:640px;padding:2px 10px 2px 2px;border:1px solid var(--border);border-radius:14px;background:var(--bg);white-space:nowrap;overflow:hidden}
.chip:hover{background:var(--hover)}
.client{font-weight:500;overflow:hidden;text-overflow:ellipsis;flex-shrink:0;max-width:200px}
.chip .muted{overflow:hidden;text-overflow:ellipsis}
.panel{width:380px;max-height:70vh;overflow:auto}
.panel ul{list-style:none;margin:0;padding:0}
.panel li{padding:4px 12px;display:flex;gap:6px;align-items:baseline;flex-wrap:wrap}
.amount{margin-left:auto;font-variant-numeric:tabular-nums}
.notes{white-space:pre-wrap}
.link{color:var(--focus);font-weight:500;margin-right:12px}
form{margin:4px 12px;display:flex;gap:8px;flex-wrap:wrap;align-items:center}
form .action{margin:0}
input{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--border);border-radius:4px;padding:2px 4px;max-width:120px}
.pick{flex-basis:100%;display:flex;gap:6px;align-items:center}
.reason{flex:1;max-width:none}`;

/** Complete on its own: badges are drawn without the base (see overlay-host.ts). */
export const BADGE_CSS = `${HOST}display:block!important;position:relative!important;width:100%!important;height:0!important;overflow:visible!important;pointer-events:none!important}
.badge{position:absolute;right:2px;top:1px;max-width:120px;overflow:hidden;text-overflow:ellipsis;font:500 11px/16px "Google Sans",Roboto,Arial,sans-serif;border-radius:8px;padding:0 6px;white-space:nowrap}`;

export const COMPOSE_CSS = `${HOST}display:inline-block!important;vertical-align:middle!important;margin:0 4px!important}
.button{display:inline-flex;align-items:center;gap:4px;height:36px;padding:0 12px;border:1px solid var(--border);border-radius:18px;background:var(--bg);font-weight:500}
.button:hover{background:var(--hover)}
.menu{width:400px;max-height:70vh;display:flex;flex-direction:column}
.head{padding:0 12px 6px;display:flex;gap:6px;align-items:center;flex-wrap:wrap;border-bottom:1px solid var(--border)}
.client{font-weight:500}
.tag{margin-left:auto;font-size:11px;color:var(--focus);font-weight:500}
.preview{border-top:1px solid var(--border);padding:6px 12px 0;max-height:180px;overflow:auto}
.subject{font-weight:500}
.text{white-space:pre-wrap;color:var(--muted);margin-top:4px}
.filter{margin:4px 12px;padding:4px 8px;font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--border);border-radius:4px}`;

export const TOAST_CSS = `${HOST}position:fixed!important;left:24px!important;bottom:24px!important;z-index:2147483000!important}
.toast{background:var(--fg);color:var(--bg);border-radius:4px;padding:10px 16px;box-shadow:var(--shadow);max-width:420px}`;
