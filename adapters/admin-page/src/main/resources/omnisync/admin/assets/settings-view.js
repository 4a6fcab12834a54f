// The toggles: 'Omni-Channel' (through the dry run and the business-hours warning), 'Return to
// previous status after a call' and Talkdesk's 'Next agent status'. The after-call pair shows its
// conflict before a click: while one is on, the other is disabled with the guide's sentence.

import { h, byId, replaceChildren, say, show } from './dom.js';

const SKIP_WORDS = {
  CONSISTENT: 'Already consistent',
  OMNI_OFFLINE: 'Logged out of Omni-Channel',
  UNMAPPED: 'Talkdesk status not mapped',
  NOT_GRANTED: 'Target not granted to her',
  ALREADY_IN_STATUS: 'Already there',
  IN_CALL: 'In a call',
  RESERVED_STATUS: 'Target reserved for calls',
  UNKNOWN_AGENT: 'Unknown agent',
};
const SYSTEM_WORDS = { omni: 'Omni-Channel', talkdesk: 'Talkdesk' };
const DAY_WORDS = {
  MONDAY: 'Mon',
  TUESDAY: 'Tue',
  WEDNESDAY: 'Wed',
  THURSDAY: 'Thu',
  FRIDAY: 'Fri',
  SATURDAY: 'Sat',
  SUNDAY: 'Sun',
};

export function setSwitch(button, on, blocked = false) {
  button.setAttribute('aria-checked', String(on));
  button.querySelector('.switch-state').textContent = on ? 'On' : 'Off';
  if (blocked) button.setAttribute('aria-disabled', 'true');
  else button.removeAttribute('aria-disabled');
}

export function renderSettings(settings) {
  setSwitch(byId('sync-switch'), settings.omniChannelSync);
  const returnOn = settings.returnToPreviousStatusAfterCall;
  const nextOn = settings.nextAgentStatus;
  // Turning one off is always allowed; turning one on is blocked while the other is on.
  setSwitch(byId('return-switch'), returnOn, !returnOn && nextOn);
  setSwitch(byId('next-switch'), nextOn, !nextOn && returnOn);
  show(byId('return-conflict'), !returnOn && nextOn);
  show(byId('next-conflict'), !nextOn && returnOn);
}

export function describeBusinessHours(configuration) {
  const hours = configuration.integration && configuration.integration.businessHours;
  if (!hours) return 'No business hours are configured.';
  const days = (hours.days || []).map((day) => DAY_WORDS[day] || day).join(', ');
  return `Business hours: ${days} ${hours.start}–${hours.end} (${hours.timeZone}). Inside them, you are asked to confirm twice.`;
}

/** Wires the after-call switches; change(patch) sends PATCH api/settings and reports the outcome. */
export function wireAfterCall({ getSettings, change }) {
  const pairs = [
    ['return-switch', 'returnToPreviousStatusAfterCall', 'return-conflict'],
    ['next-switch', 'nextAgentStatus', 'next-conflict'],
  ];
  for (const [id, field, conflict] of pairs) {
    const button = byId(id);
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') === 'true') {
        const sentence = byId(conflict);
        sentence.classList.remove('emphasis');
        void sentence.offsetWidth; // restart the highlight
        sentence.classList.add('emphasis');
        return;
      }
      change({ [field]: !getSettings()[field] });
    });
  }
}

/**
 * The 'Omni-Channel' toggle's dialog: the dry run first (who will be moved, to what; who is left
 * alone and why), then the admin confirms; inside business hours the service refuses and the
 * dialog offers to force it.
 */
export function createSyncDialog({ api, names, onTurnedOn, onError, currentStatuses }) {
  const dialog = byId('sync-dialog');
  const confirm = byId('sync-confirm');
  const force = byId('sync-force');
  const error = byId('sync-dialog-error');
  let busy = false;

  function reset() {
    show(byId('dry-run-loading'), true);
    show(byId('dry-run'), false);
    show(byId('hours-warning'), false);
    show(force, false);
    show(confirm, true);
    confirm.disabled = true;
    say(error, '');
  }

  async function open() {
    reset();
    dialog.showModal();
    byId('sync-cancel').focus();
    try {
      const plan = await api().sync(true, { dryRun: true });
      renderPlan(plan || {});
      confirm.disabled = false;
      confirm.focus();
    } catch (failure) {
      show(byId('dry-run-loading'), false);
      say(error, `The dry run failed: ${failure.message}`, 'error');
      onError(failure);
    }
  }

  function renderPlan(plan) {
    const name = names();
    const now = currentStatuses();
    const commands = plan.commands || [];
    const skipped = plan.skipped || [];
    replaceChildren(
      byId('moves-table').tBodies[0],
      commands.map((command) => {
        const system = command.system === 'talkdesk' ? 'talkdesk' : 'omni';
        const before = now(command.agent, system);
        const target = system === 'talkdesk' ? name.talkdesk(command.status) : name.omni(command.status);
        return h(
          'tr',
          { 'data-agent': command.agent },
          h('th', { scope: 'row', 'data-label': 'Agent', text: command.agent }),
          h('td', { 'data-label': 'Where', text: SYSTEM_WORDS[system] }),
          h(
            'td',
            { 'data-label': 'To' },
            h('strong', { text: target }),
            before ? h('span', { class: 'status-detail', text: `now ${before}` }) : null,
          ),
        );
      }),
    );
    replaceChildren(
      byId('skipped-table').tBodies[0],
      skipped.map((skip) =>
        h(
          'tr',
          { 'data-agent': skip.agent },
          h('th', { scope: 'row', 'data-label': 'Agent', text: skip.agent }),
          h(
            'td',
            { 'data-label': 'Why' },
            h('strong', { text: SKIP_WORDS[skip.reason] || skip.reason }),
            skip.detail ? h('span', { class: 'status-detail', text: skip.detail }) : null,
          ),
        ),
      ),
    );
    show(byId('moves-table'), commands.length > 0);
    show(byId('moves-empty'), commands.length === 0);
    show(byId('skipped-table'), skipped.length > 0);
    show(byId('skipped-empty'), skipped.length === 0);
    show(byId('dry-run-loading'), false);
    show(byId('dry-run'), true);
  }

  async function turnOn(forced) {
    if (busy) return;
    busy = true;
    confirm.disabled = true;
    force.disabled = true;
    say(error, '');
    try {
      const answer = await api().sync(true, { force: forced });
      dialog.close();
      onTurnedOn(answer && answer.settings, forced);
    } catch (failure) {
      if (failure.code === 'INSIDE_BUSINESS_HOURS') {
        byId('hours-warning-text').textContent = sentence(failure.message);
        show(byId('hours-warning'), true);
        show(confirm, false);
        show(force, true);
        force.focus();
      } else {
        say(error, failure.message, 'error');
        onError(failure);
      }
    } finally {
      busy = false;
      confirm.disabled = false;
      force.disabled = false;
    }
  }

  confirm.addEventListener('click', () => turnOn(false));
  force.addEventListener('click', () => turnOn(true));
  byId('sync-cancel').addEventListener('click', () => dialog.close());
  return { open, close: () => dialog.open && dialog.close() };
}

/** A service message as a sentence: capital first letter, final full stop. */
function sentence(text) {
  const trimmed = String(text || '').trim();
  if (!trimmed) return '';
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
