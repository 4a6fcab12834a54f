// Agents, live: each agent's Talkdesk and Omni-Channel status, call phase and pending commands,
// and the selected agent's audit trail in plain words (the facts' messages), newest first.

import { h, byId, replaceChildren, say, show } from './dom.js';

const SYSTEM_WORDS = { omni: 'Omni-Channel', talkdesk: 'Talkdesk' };

export function callPhaseWords(phase) {
  if (phase === null || phase === undefined || phase === '') return '—';
  const text = String(phase);
  if (/^idle$/i.test(text)) return 'No call';
  const words = text.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Draws every row; onSelect(agentId) when an agent is chosen. */
export function renderAgents(agents, names, selected, onSelect) {
  const rows = [...agents.values()].map((agent) => agentRow(agent, names, selected, onSelect));
  replaceChildren(byId('agents-table').tBodies[0], rows);
  if (rows.length === 0) {
    replaceChildren(
      byId('agents-table').tBodies[0],
      h('tr', {}, h('td', { colspan: '5', class: 'hint', text: 'No agents are configured.' })),
    );
  }
}

function agentRow(agent, names, selected, onSelect) {
  const pending = Number(agent.pendingCommands) || 0;
  return h(
    'tr',
    { 'data-agent': agent.agent, class: agent.agent === selected ? 'selected' : '' },
    h(
      'th',
      { scope: 'row', 'data-label': 'Agent' },
      h('button', {
        type: 'button',
        class: 'link',
        'aria-pressed': String(agent.agent === selected),
        'aria-controls': 'audit',
        text: agent.agent,
        onclick: () => onSelect(agent.agent),
      }),
    ),
    h('td', { 'data-label': 'Talkdesk', 'data-field': 'talkdesk', text: names.talkdesk(agent.talkdesk) }),
    h('td', { 'data-label': 'Omni-Channel', 'data-field': 'omni', text: names.omni(agent.omni) }),
    h('td', { 'data-label': 'Call', 'data-field': 'callPhase', text: callPhaseWords(agent.callPhase) }),
    h(
      'td',
      { 'data-label': 'Pending commands', 'data-field': 'pendingCommands', class: pending > 0 ? 'pending-some' : '' },
      String(pending),
    ),
  );
}

/** Replaces one agent's row in place and highlights it briefly. */
export function updateAgentRow(agent, names, selected, onSelect) {
  const body = byId('agents-table').tBodies[0];
  const fresh = agentRow(agent, names, selected, onSelect);
  const old = body.querySelector(`tr[data-agent="${CSS.escape(agent.agent)}"]`);
  const hadFocus = old && old.contains(document.activeElement);
  if (old) old.replaceWith(fresh);
  else body.append(fresh);
  fresh.classList.add('changed');
  fresh.addEventListener('animationend', () => fresh.classList.remove('changed'), { once: true });
  if (hadFocus) fresh.querySelector('button').focus();
}

export function renderAudit(agentId, facts, pending, names) {
  show(byId('audit'), true);
  byId('audit-title').textContent = `Audit trail — ${agentId}`;
  const mine = (pending || []).filter((command) => command.agent === agentId);
  replaceChildren(
    byId('pending-list'),
    mine.map((command) =>
      h(
        'li',
        { class: 'pending-command' },
        h('strong', { text: 'Waiting to be delivered: ' }),
        `${SYSTEM_WORDS[command.system] || command.system} → ${
          command.system === 'talkdesk' ? names.talkdesk(command.status) : names.omni(command.status)
        }`,
        command.attempts ? ` (attempt ${command.attempts}${command.lastError ? `, last error: ${command.lastError}` : ''})` : '',
      ),
    ),
  );
  const newestFirst = (facts || []).slice().reverse();
  replaceChildren(
    byId('audit-list'),
    newestFirst.map((fact) =>
      h(
        'li',
        { class: 'fact', 'data-kind': fact.kind || '' },
        h('time', { datetime: fact.at || '', text: when(fact.at) }),
        h('span', { class: 'fact-message', text: fact.message || `${fact.kind || 'fact'} ${fact.reason || ''}`.trim() }),
        fact.kind ? h('span', { class: 'fact-kind', text: [fact.kind, fact.reason].filter(Boolean).join(' · ') }) : null,
      ),
    ),
  );
  say(byId('audit-message'), newestFirst.length ? '' : 'Nothing recorded for this agent yet.');
}

export function auditFailed(agentId, message) {
  show(byId('audit'), true);
  byId('audit-title').textContent = `Audit trail — ${agentId}`;
  byId('pending-list').replaceChildren();
  byId('audit-list').replaceChildren();
  say(byId('audit-message'), message, 'error');
}

function when(at) {
  if (!at) return '';
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay
    ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })
    : date.toLocaleString([], { dateStyle: 'medium', timeStyle: 'medium' });
}
