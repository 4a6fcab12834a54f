// The guide's two mapping tables and the Salesforce presence statuses they map, drawn from the
// draft configuration. The choices carry the rules (see model.js); a choice that is not allowed
// (from a configuration file opened here) is shown as such until the admin changes it.

import { h, byId, replaceChildren } from './dom.js';
import {
  OFFLINE,
  RESERVED_FOR_CALLS,
  agentsGranted,
  mappingTable,
  omniSources,
  omniTargets,
  presenceStatuses,
  talkdeskStatuses,
  talkdeskTargets,
} from './model.js';

const TYPE_WORDS = { AVAILABLE: 'Available', BUSY: 'Busy', AWAY: 'Away', OFFLINE: 'Offline' };
const OPTION_WORDS = { ONLINE: 'Online', BUSY: 'Busy' };
const NO_MAPPING = '— No mapping (not synced) —';

/** Draws both mapping tables; onChoose(direction, source, targetOrNull) for each change. */
export function renderMapping(configuration, onChoose) {
  const grantedTo = new Map(
    presenceStatuses(configuration).map((status) => [status.apiName, agentsGranted(configuration, status.apiName)]),
  );
  const talkdeskToOmni = mappingTable(configuration, 'talkdeskToOmni');
  const omniToTalkdesk = mappingTable(configuration, 'omniToTalkdesk');

  const omniChoices = omniTargets(configuration).map((status) => ({
    value: status.apiName,
    text: status.label + (grantedTo.get(status.apiName).length === 0 ? ' (granted to no agent)' : ''),
  }));
  const t2oRows = talkdeskStatuses(configuration).map((status, row) => {
    const current = talkdeskToOmni[status.id];
    const disallowed = current === OFFLINE ? 'Offline (not allowed)' : null;
    const slots = [`integration.talkdeskToOmni.${status.id}`];
    if (!status.builtIn) slots.push(`talkdesk.statuses[${status.index}]`);
    return mappingRow({
      id: `t2o-${row}`,
      source: status.id,
      name: status.name || status.id,
      detail: `${status.id} · ${TYPE_WORDS[status.type] || status.type || 'no type'}${
        RESERVED_FOR_CALLS.includes(status.id) ? ' · set by calls' : ''
      }`,
      badge: null,
      question: `${status.name || status.id} becomes in Omni-Channel`,
      cellLabel: 'Becomes in Omni-Channel',
      choices: omniChoices,
      current,
      disallowed,
      slots,
      onChange: (value) => onChoose('talkdeskToOmni', status.id, value),
    });
  });
  replaceChildren(byId('t2o-table').tBodies[0], t2oRows);

  const talkdeskChoices = talkdeskTargets(configuration).map((status) => ({
    value: status.id,
    text: status.name || status.id,
  }));
  const talkdeskNames = new Map(talkdeskStatuses(configuration).map((status) => [status.id, status.name || status.id]));
  const o2tRows = omniSources(configuration).map((status, row) => {
    const current = omniToTalkdesk[status.apiName];
    const disallowed = RESERVED_FOR_CALLS.includes(current) ? `${talkdeskNames.get(current)} (not allowed)` : null;
    // The status's own problems (channels, ids) show in the Salesforce table; here only its mapping's.
    const slots = [`integration.omniToTalkdesk.${status.apiName}`];
    const nobody = !status.offline && grantedTo.get(status.apiName).length === 0;
    return mappingRow({
      id: `o2t-${row}`,
      source: status.apiName,
      name: status.label,
      detail: status.offline
        ? 'logging out of the Omni-Channel widget'
        : `${status.apiName} · ${OPTION_WORDS[status.option] || status.option || 'no option'}`,
      badge: nobody ? 'Granted to no agent' : null,
      question: `${status.label} becomes in Talkdesk`,
      cellLabel: 'Becomes in Talkdesk',
      choices: talkdeskChoices,
      current,
      disallowed,
      slots,
      onChange: (value) => onChoose('omniToTalkdesk', status.apiName, value),
    });
  });
  replaceChildren(byId('o2t-table').tBodies[0], o2tRows);
}

function mappingRow({ id, source, name, detail, badge, question, cellLabel, choices, current, disallowed, slots, onChange }) {
  const select = h('select', { id, 'aria-describedby': `${id}-problems` });
  fillSelect(select, choices, current, disallowed);
  select.addEventListener('change', () => {
    onChange(select.value === '' ? null : select.value);
    fillSelect(select, choices, select.value === '' ? undefined : select.value, null);
  });
  const extraSlots = slots.slice(1).map((slot) => h('div', { class: 'slot-problems', 'data-slot': slot }));
  return h(
    'tr',
    { 'data-source': source },
    h(
      'th',
      { scope: 'row' },
      h('span', { class: 'status-name', text: name }),
      h('span', { class: 'status-detail', text: detail }),
      badge ? h('span', { class: 'badge', text: badge }) : null,
    ),
    h(
      'td',
      { 'data-label': cellLabel },
      h('label', { class: 'visually-hidden', for: id, text: question }),
      select,
      h('div', { class: 'slot-problems', id: `${id}-problems`, 'data-slot': slots[0], 'data-for': id }),
      extraSlots,
    ),
  );
}

function fillSelect(select, choices, current, disallowed) {
  const options = [h('option', { value: '', text: NO_MAPPING })];
  for (const choice of choices) options.push(h('option', { value: choice.value, text: choice.text }));
  const known = current === undefined || choices.some((choice) => choice.value === current);
  if (!known) {
    options.push(h('option', { value: current, text: disallowed || `${current} (unknown)` }));
  }
  select.replaceChildren(...options);
  select.value = current === undefined ? '' : current;
}

/** The Salesforce side as the configuration has it: statuses, channels, who is granted each. */
export function renderPresenceStatuses(configuration) {
  const channels = new Map(
    ((configuration.omniChannel && configuration.omniChannel.serviceChannels) || []).map((channel) => [
      channel.apiName,
      channel,
    ]),
  );
  const rows = presenceStatuses(configuration).map((status) => {
    const granted = agentsGranted(configuration, status.apiName);
    const served = (status.channels || []).map((name) => {
      const channel = channels.get(name);
      const label = channel ? channel.label || channel.apiName : name;
      return channel && channel.urgent ? `${label} (urgent)` : label;
    });
    return h(
      'tr',
      { 'data-status': status.apiName },
      h(
        'th',
        { scope: 'row' },
        h('span', { class: 'status-name', text: status.label }),
        h('span', { class: 'status-detail', text: status.apiName }),
        h('div', { class: 'slot-problems', 'data-slot': `omniChannel.presenceStatuses[${status.index}]` }),
      ),
      h('td', { 'data-label': 'Option', text: OPTION_WORDS[status.option] || status.option || '—' }),
      h('td', { 'data-label': 'Service channels', text: served.length ? served.join(', ') : 'none' }),
      h(
        'td',
        { 'data-label': 'Granted to' },
        granted.length ? granted.join(', ') : h('span', { class: 'badge', text: 'Granted to no agent' }),
      ),
    );
  });
  replaceChildren(byId('presence-table').tBodies[0], rows);
}
