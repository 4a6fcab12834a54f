// Presence sync rules (SPEC 9): each with what it does in words and an on/off switch that takes
// effect at once (PATCH api/rules/{name}, no save).

import { h, byId, replaceChildren, show } from './dom.js';
import { rules } from './model.js';
import { setSwitch } from './settings-view.js';

const TRIGGER_WORDS = {
  TALKDESK_STATUS_CHANGED: 'the Talkdesk status changes',
  OMNI_STATUS_CHANGED: 'the Omni-Channel status changes',
  OMNI_LOGOUT: 'the agent logs out of Omni-Channel',
  OMNI_WORK_ACCEPTED: 'the agent accepts work',
  OMNI_WORKLOAD_CHANGED: 'the Omni-Channel workload changes',
};

export function renderRules(configuration, names, onToggle) {
  const list = rules(configuration);
  replaceChildren(
    byId('rules-list'),
    list.map((rule) => {
      const labelId = `rule-${rule.index}-name`;
      const summaryId = `rule-${rule.index}-summary`;
      const button = h(
        'button',
        {
          type: 'button',
          role: 'switch',
          class: 'switch',
          'aria-labelledby': labelId,
          'aria-describedby': summaryId,
          'data-rule': rule.name,
        },
        h('span', { class: 'switch-state' }),
      );
      setSwitch(button, rule.enabled);
      button.addEventListener('click', () => onToggle(rule.name, button.getAttribute('aria-checked') !== 'true'));
      return h(
        'li',
        { class: 'setting rule', 'data-rule': rule.name },
        h(
          'div',
          { class: 'setting-text' },
          h('span', { class: 'setting-label', id: labelId, text: rule.name }),
          h('p', { class: 'hint', id: summaryId, text: summary(rule, names) }),
          h('div', { class: 'slot-problems', 'data-slot': `integration.presenceSyncRules[${rule.index}]` }),
        ),
        button,
      );
    }),
  );
  show(byId('rules-empty'), list.length === 0);
}

function summary(rule, names) {
  const conditions = (rule.conditions || []).map(
    (condition, index) => `${index + 1}. ${condition.left} ${condition.operator} ${JSON.stringify(condition.right)}`,
  );
  const logic = rule.logic ? ` (${rule.logic})` : conditions.length > 1 ? ' (all of them)' : '';
  const action = rule.action || {};
  const target =
    action.system === 'talkdesk'
      ? `set Talkdesk to ${names.talkdesk(action.status)}`
      : `set Omni-Channel to ${names.omni(action.status)}`;
  const when = TRIGGER_WORDS[rule.trigger] || rule.trigger;
  return conditions.length
    ? `When ${when}, if ${conditions.join(', ')}${logic}: ${target}.`
    : `When ${when}: ${target}.`;
}
