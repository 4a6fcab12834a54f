// The administrator's page: signs in with the admin token, edits a draft of the configuration that is
// checked as the admin edits (POST api/configuration/check) and applied only on Save (PUT
// api/configuration), switches the toggles and rules at once, and shows the agents live (GET
// api/agents, then GET api/stream).

import { UNREACHABLE, createApi } from './api.js';
import { byId, say, show } from './dom.js';
import { copy, namer, setMapping, setRuleEnabled, settingsOf, withSettings } from './model.js';
import { renderMapping, renderPresenceStatuses } from './mapping-view.js';
import { isError, showProblems } from './problems.js';
import { renderRules } from './rules-view.js';
import { auditFailed, renderAgents, renderAudit, updateAgentRow } from './agents-view.js';
import { createSyncDialog, describeBusinessHours, renderSettings, setSwitch, wireAfterCall } from './settings-view.js';
import { forgetToken, storeToken, storedToken } from './session.js';
import { openStream } from './stream.js';

const CHECK_DELAY_MS = 300;

const state = {
  api: null,
  signedIn: false,
  stream: null,
  running: null, // the configuration as the service runs it
  draft: null, // what the admin is editing
  settings: null,
  problems: [],
  checkError: null,
  checking: false,
  checkSeq: 0,
  checkTimer: null,
  saving: false,
  saveNote: null,
  agents: new Map(),
  snapshotPending: false,
  queuedEvents: [],
  selected: null,
  auditTimer: null,
  names: namer({}),
};

// ---- signing in and out ---------------------------------------------------------------------

function showSignIn(message, tone = 'error') {
  state.signedIn = false;
  show(byId('loading'), false);
  show(byId('app'), false);
  show(byId('save-bar'), false);
  show(byId('sign-out'), false);
  show(byId('connection'), false);
  hideBanner();
  show(byId('sign-in'), true);
  say(byId('sign-in-error'), message || '', tone);
  const field = byId('token');
  field.value = '';
  if (message) field.setAttribute('aria-invalid', tone === 'error' ? 'true' : 'false');
  else field.removeAttribute('aria-invalid');
  field.focus();
}

function connect(token) {
  return createApi({ token, onUnauthorized: () => state.signedIn && tokenRefused() });
}

function tokenRefused() {
  stopEverything();
  forgetToken();
  showSignIn('Omnisync no longer accepts your admin token (401): it may have been changed. Sign in again.');
}

function stopEverything() {
  if (state.stream) state.stream.close();
  state.stream = null;
  clearTimeout(state.checkTimer);
  clearTimeout(state.auditTimer);
  syncDialog.close();
  state.api = null;
  state.agents = new Map();
  state.selected = null;
}

async function signIn(event) {
  event.preventDefault();
  const field = byId('token');
  const button = byId('sign-in-button');
  const token = field.value.trim();
  if (!token) {
    say(byId('sign-in-error'), 'Enter the admin token.', 'error');
    field.setAttribute('aria-invalid', 'true');
    field.focus();
    return;
  }
  button.disabled = true;
  button.textContent = 'Signing in…';
  say(byId('sign-in-error'), '');
  const api = connect(token);
  try {
    const configuration = await api.configuration();
    storeToken(token);
    field.value = '';
    enter(api, configuration);
  } catch (failure) {
    field.setAttribute('aria-invalid', 'true');
    say(byId('sign-in-error'), signInFailure(failure), 'error');
    field.select();
    field.focus();
  } finally {
    button.disabled = false;
    button.textContent = 'Sign in';
  }
}

function signInFailure(failure) {
  if (failure.kind === 'unauthorized') {
    return 'That token was not accepted (401). Check the adminToken secret this Omnisync service was started with.';
  }
  if (failure.kind === 'unreachable') return UNREACHABLE.replace(' the page keeps trying.', ' then try again.');
  return `Omnisync could not load its configuration: ${failure.message}`;
}

async function resume(token) {
  const api = connect(token);
  try {
    enter(api, await api.configuration());
  } catch (failure) {
    if (failure.kind === 'unauthorized') {
      forgetToken();
      showSignIn('Omnisync no longer accepts the saved admin token (401). Sign in again.');
    } else if (failure.kind === 'unreachable') {
      showSignIn(UNREACHABLE.replace(' the page keeps trying.', ' then sign in again.'));
    } else {
      showSignIn(`Omnisync could not load its configuration: ${failure.message}`);
    }
  }
}

function signOut() {
  stopEverything();
  forgetToken();
  showSignIn('You are signed out. The token was removed from this tab.', 'info');
}

// ---- the configuration: draft, check, save ---------------------------------------------------

function enter(api, configuration) {
  state.api = api;
  state.signedIn = true;
  state.settings = settingsOf(configuration);
  state.running = copy(configuration);
  state.draft = copy(configuration);
  state.problems = [];
  state.saveNote = null;
  show(byId('loading'), false);
  show(byId('sign-in'), false);
  show(byId('app'), true);
  show(byId('sign-out'), true);
  show(byId('connection'), true);
  renderConfiguration();
  check({ now: true });
  startStream();
  byId('main').focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

function renderConfiguration() {
  state.names = namer(state.draft);
  renderPresenceStatuses(state.draft);
  renderMapping(state.draft, choose);
  renderRules(state.draft, state.names, toggleRule);
  renderSettings(state.settings);
  byId('business-hours').textContent = describeBusinessHours(state.draft);
  renderAgents(state.agents, state.names, state.selected, selectAgent);
  showProblems(byId('app'), state.problems);
  updateSaveBar();
}

function choose(direction, source, target) {
  setMapping(state.draft, direction, source, target);
  state.saveNote = null;
  check();
}

function dirty() {
  return state.draft && JSON.stringify(state.draft) !== JSON.stringify(state.running);
}

/** Checks the draft through the service, debounced; only the latest answer counts. */
function check({ now = false } = {}) {
  clearTimeout(state.checkTimer);
  const seq = ++state.checkSeq;
  state.checking = true;
  byId('mapping-section').setAttribute('aria-busy', 'true');
  updateSaveBar();
  state.checkTimer = setTimeout(async () => {
    const draft = JSON.stringify(state.draft);
    let problems = state.problems;
    let checkError = null;
    try {
      const answer = await state.api.check(draft);
      problems = (answer && answer.problems) || [];
    } catch (failure) {
      if (failure.kind === 'unauthorized') return;
      if (failure.kind === 'refused' && failure.status === 400) {
        problems = [{ severity: 'ERROR', code: failure.code || 'BAD_REQUEST', path: '', message: failure.message }];
      } else {
        checkError = failure.kind === 'unreachable' ? UNREACHABLE : `The check failed: ${failure.message}`;
      }
    }
    if (seq !== state.checkSeq) return;
    state.checking = false;
    byId('mapping-section').setAttribute('aria-busy', 'false');
    state.problems = problems;
    state.checkError = checkError;
    showProblems(byId('app'), state.problems);
    updateSaveBar();
  }, now ? 0 : CHECK_DELAY_MS);
}

function counts() {
  const errors = state.problems.filter(isError).length;
  return { errors, warnings: state.problems.length - errors };
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function updateSaveBar() {
  const bar = byId('save-bar');
  const status = byId('save-status');
  const save = byId('save');
  const changed = dirty();
  const { errors, warnings } = counts();
  show(bar, Boolean(state.signedIn && (changed || state.saveNote)));
  byId('discard').hidden = !changed;
  save.hidden = !changed;
  save.disabled = !changed || state.checking || state.saving || errors > 0 || Boolean(state.checkError);
  let text;
  let tone = 'info';
  if (state.saving) text = 'Saving…';
  else if (state.saveNote && !changed) ({ text, tone } = state.saveNote);
  else if (state.saveNote && changed && state.saveNote.tone === 'error') ({ text, tone } = state.saveNote);
  else if (state.checking) text = 'Unsaved changes. Checking…';
  else if (state.checkError) ({ text, tone } = { text: `Unsaved changes. ${state.checkError}`, tone: 'error' });
  else if (errors > 0) {
    text = `Unsaved changes with ${plural(errors, 'error')}: fix ${errors === 1 ? 'it' : 'them'} to save.`;
    tone = 'error';
  } else {
    text = `Unsaved changes, checked${warnings ? ` (${plural(warnings, 'warning')})` : ''}. Nothing is applied until you save.`;
  }
  status.textContent = text;
  status.dataset.tone = tone;
}

async function save() {
  if (byId('save').disabled) return;
  state.saving = true;
  updateSaveBar();
  const draft = JSON.stringify(state.draft);
  try {
    const answer = await state.api.save(draft);
    const warnings = (answer && answer.problems) || [];
    state.running = JSON.parse(draft);
    state.problems = warnings;
    state.saveNote = {
      text: `Saved: the new configuration is running${warnings.length ? ` (${plural(warnings.length, 'warning')})` : ''}.`,
      tone: 'ok',
    };
    reloadConfiguration();
  } catch (failure) {
    if (failure.kind === 'unauthorized') return;
    if (failure.code === 'INVALID_CONFIGURATION') {
      state.problems = (failure.body && failure.body.problems) || [];
      const { errors } = counts();
      state.saveNote = {
        text: `Omnisync rejected the configuration (${plural(errors, 'error')}, shown where ${
          errors === 1 ? 'it is' : 'they are'
        }). Nothing was applied; the running configuration stays.`,
        tone: 'error',
      };
      showProblems(byId('app'), state.problems);
      const first = document.querySelector('.problem.error');
      if (first) first.scrollIntoView({ block: 'center' });
    } else {
      state.saveNote = {
        text: `Not saved: ${failure.kind === 'unreachable' ? UNREACHABLE : failure.message}`,
        tone: 'error',
      };
    }
  } finally {
    state.saving = false;
    updateSaveBar();
    // The Save button hides once nothing is left to save: keep the keyboard focus on the outcome.
    if (byId('save').hidden || byId('save').disabled) byId('save-status').focus();
  }
}

/** After a save: what the service now runs becomes both the running and the draft configuration. */
async function reloadConfiguration() {
  try {
    const configuration = await state.api.configuration();
    state.running = copy(configuration);
    state.draft = copy(configuration);
    state.settings = settingsOf(configuration);
    renderConfiguration();
  } catch (failure) {
    // the save stands; the page keeps what it sent
  }
}

function discard() {
  state.draft = copy(state.running);
  state.saveNote = null;
  say(byId('import-message'), '');
  renderConfiguration();
  check({ now: true });
}

async function openFile() {
  const input = byId('import-file');
  const file = input.files && input.files[0];
  input.value = '';
  if (!file) return;
  const message = byId('import-message');
  const text = await file.text();
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (failure) {
    say(message, `${file.name} is not a JSON configuration file (${failure.message}). Nothing changed.`, 'error');
    return;
  }
  try {
    const answer = await state.api.check(text);
    state.draft = withSettings(parsed, state.settings);
    state.problems = (answer && answer.problems) || [];
    state.saveNote = null;
    renderConfiguration();
    say(
      message,
      `Opened ${file.name}: it is not applied until you save. The toggles keep their current positions.`,
      'info',
    );
    check({ now: true });
  } catch (failure) {
    if (failure.kind === 'unauthorized') return;
    say(message, `Omnisync cannot read ${file.name}: ${failure.message} Nothing changed.`, 'error');
  }
}

function download() {
  const blob = new Blob([`${JSON.stringify(state.draft, null, 2)}\n`], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'omnisync-configuration.json';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

// ---- settings and rules: at once, no save ------------------------------------------------------

function applySettings(settings) {
  if (!settings) return;
  state.settings = { ...state.settings, ...settings };
  // The running configuration and the draft follow, so a later save never turns a toggle back.
  withSettings(state.running, state.settings);
  withSettings(state.draft, state.settings);
  renderSettings(state.settings);
  updateSaveBar();
}

async function refreshSettings() {
  try {
    applySettings(settingsOf(await state.api.configuration()));
  } catch (failure) {
    // shown by whoever asked
  }
}

async function changeAfterCall(change) {
  const message = byId('after-call-message');
  say(message, '');
  try {
    const answer = await state.api.settings(change);
    applySettings(answer && answer.settings);
    const [field, on] = Object.entries(change)[0];
    const what = field === 'nextAgentStatus' ? "Talkdesk's 'Next agent status'" : "'Return to previous status after a call'";
    say(message, `${what} is ${on ? 'on' : 'off'}.`, 'ok');
  } catch (failure) {
    if (failure.kind === 'unauthorized') return;
    const text =
      failure.code === 'CONFLICTING_AFTER_CALL_SETTINGS'
        ? `Omnisync refused: ${failure.message || 'these two options cannot be enabled at the same time.'}`
        : `Not changed: ${failure.kind === 'unreachable' ? UNREACHABLE : failure.message}`;
    say(message, text, 'error');
    refreshSettings();
  }
}

async function turnSyncOff() {
  const message = byId('sync-message');
  try {
    const answer = await state.api.sync(false);
    applySettings(answer && answer.settings);
    say(message, 'Omni-Channel sync is off: Omnisync keeps track of statuses and moves nobody.', 'ok');
  } catch (failure) {
    if (failure.kind === 'unauthorized') return;
    say(message, `Not changed: ${failure.kind === 'unreachable' ? UNREACHABLE : failure.message}`, 'error');
  }
}

async function toggleRule(name, enabled) {
  const message = byId('rules-message');
  say(message, '');
  try {
    await state.api.rule(name, enabled);
    setRuleEnabled(state.running, name, enabled);
    setRuleEnabled(state.draft, name, enabled);
    const button = document.querySelector(`button[data-rule="${CSS.escape(name)}"]`);
    if (button) setSwitch(button, enabled);
    say(message, `Rule '${name}' is ${enabled ? 'on' : 'off'}.`, 'ok');
    updateSaveBar();
  } catch (failure) {
    if (failure.kind === 'unauthorized') return;
    say(message, `Rule '${name}' not changed: ${failure.kind === 'unreachable' ? UNREACHABLE : failure.message}`, 'error');
  }
}

const syncDialog = createSyncDialog({
  api: () => state.api,
  names: () => state.names,
  currentStatuses: () => (agent, system) => {
    const known = state.agents.get(agent);
    if (!known) return null;
    return system === 'talkdesk' ? state.names.talkdesk(known.talkdesk) : state.names.omni(known.omni);
  },
  onTurnedOn: (settings, forced) => {
    applySettings(settings || { omniChannelSync: true });
    say(
      byId('sync-message'),
      forced
        ? 'Omni-Channel sync is on (forced inside business hours). Agents are being moved as the dry run showed.'
        : 'Omni-Channel sync is on. Agents are being moved as the dry run showed.',
      'ok',
    );
  },
  onError: () => {},
});

// ---- agents, live ------------------------------------------------------------------------------

function startStream() {
  if (state.stream) state.stream.close();
  const token = state.api.token;
  let wasRetrying = false;
  state.stream = openStream({
    token,
    onUnauthorized: () => state.signedIn && tokenRefused(),
    onState: ({ state: phase, delayMs, unreachable }) => {
      const connection = byId('connection');
      if (phase === 'open') {
        connection.textContent = 'Live';
        connection.dataset.tone = 'ok';
        if (wasRetrying) hideBanner();
        wasRetrying = false;
        loadAgents();
      } else if (phase === 'connecting') {
        connection.textContent = 'Connecting…';
        connection.dataset.tone = 'info';
      } else {
        wasRetrying = true;
        const seconds = Math.max(1, Math.round(delayMs / 1000));
        connection.textContent = 'Reconnecting…';
        connection.dataset.tone = 'error';
        if (unreachable) {
          showBanner(
            `Omnisync cannot be reached: live updates are paused and changes cannot be saved. Retrying in ${seconds} s.`,
          );
        }
      }
    },
    onEvent: (type, data) => {
      if (state.snapshotPending) state.queuedEvents.push([type, data]);
      else streamEvent(type, data);
    },
  });
}

function streamEvent(type, data) {
  if (!data) return;
  if (type === 'agent' && data.agent) {
    state.agents.set(data.agent, data);
    updateAgentRow(data, state.names, state.selected, selectAgent);
    if (data.agent === state.selected) {
      clearTimeout(state.auditTimer);
      state.auditTimer = setTimeout(() => loadAudit(data.agent), 200);
    }
  } else if (type === 'settings') {
    applySettings(data.settings);
  }
}

async function loadAgents() {
  state.snapshotPending = true;
  try {
    const answer = await state.api.agents();
    state.agents = new Map(((answer && answer.agents) || []).map((agent) => [agent.agent, agent]));
    renderAgents(state.agents, state.names, state.selected, selectAgent);
  } catch (failure) {
    // the stream's state tells the admin; the next reconnect loads again
  } finally {
    state.snapshotPending = false;
    const queued = state.queuedEvents;
    state.queuedEvents = [];
    for (const [type, data] of queued) streamEvent(type, data);
  }
}

function selectAgent(agentId) {
  state.selected = agentId;
  renderAgents(state.agents, state.names, state.selected, selectAgent);
  const button = document.querySelector(`#agents-table tr[data-agent="${CSS.escape(agentId)}"] button`);
  if (button) button.focus();
  loadAudit(agentId);
}

async function loadAudit(agentId) {
  try {
    const [audit, pending] = await Promise.all([state.api.audit(agentId), state.api.pending().catch(() => null)]);
    if (state.selected !== agentId) return;
    renderAudit(agentId, audit && audit.facts, pending && pending.pending, state.names);
  } catch (failure) {
    if (failure.kind === 'unauthorized' || state.selected !== agentId) return;
    auditFailed(agentId, failure.kind === 'unreachable' ? UNREACHABLE : `The audit trail could not be read: ${failure.message}`);
  }
}

function closeAudit() {
  const previous = state.selected;
  state.selected = null;
  show(byId('audit'), false);
  renderAgents(state.agents, state.names, null, selectAgent);
  const button = previous && document.querySelector(`#agents-table tr[data-agent="${CSS.escape(previous)}"] button`);
  if (button) button.focus();
}

// ---- the banner: the service unreachable -----------------------------------------------------

function showBanner(text) {
  byId('banner-text').textContent = text;
  show(byId('banner-retry'), true);
  show(byId('banner'), true);
}

function hideBanner() {
  show(byId('banner'), false);
}

// ---- start -------------------------------------------------------------------------------------

function wire() {
  byId('sign-in-form').addEventListener('submit', signIn);
  byId('sign-out').addEventListener('click', signOut);
  byId('save').addEventListener('click', save);
  byId('discard').addEventListener('click', discard);
  byId('import-file').addEventListener('change', openFile);
  byId('export').addEventListener('click', download);
  byId('audit-close').addEventListener('click', closeAudit);
  byId('banner-retry').addEventListener('click', () => state.signedIn && startStream());
  byId('sync-switch').addEventListener('click', () => {
    if (state.settings.omniChannelSync) turnSyncOff();
    else {
      say(byId('sync-message'), '');
      syncDialog.open();
    }
  });
  byId('sync-dialog').addEventListener('close', () => byId('sync-switch').focus());
  wireAfterCall({ getSettings: () => state.settings, change: changeAfterCall });
}

wire();
const token = storedToken();
if (token) resume(token);
else showSignIn();

