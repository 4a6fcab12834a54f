// What the page reads from a configuration file (SPEC 6), and the rules the mapping choices carry
// (SPEC 3): reserved call statuses are never Omni → Talkdesk targets; Offline is never a
// Talkdesk → Omni target but is an Omni → Talkdesk source.

export const OFFLINE = 'Offline';
export const RESERVED_FOR_CALLS = Object.freeze(['on_a_call', 'after_call_work']);

export const BUILT_IN_TALKDESK_STATUSES = Object.freeze([
  { id: 'available', name: 'Available', type: 'AVAILABLE' },
  { id: 'on_a_call', name: 'On a Call', type: 'BUSY' },
  { id: 'after_call_work', name: 'After Call Work', type: 'BUSY' },
  { id: 'away', name: 'Away', type: 'AWAY' },
  { id: 'offline', name: 'Offline', type: 'OFFLINE' },
]);

export function copy(configuration) {
  return JSON.parse(JSON.stringify(configuration));
}

export function talkdeskStatuses(configuration) {
  const custom = (configuration.talkdesk && configuration.talkdesk.statuses) || [];
  return [
    ...BUILT_IN_TALKDESK_STATUSES.map((status) => ({ ...status, builtIn: true })),
    ...custom.map((status, index) => ({ ...status, builtIn: false, index })),
  ];
}

export function presenceStatuses(configuration) {
  const statuses = (configuration.omniChannel && configuration.omniChannel.presenceStatuses) || [];
  return statuses.map((status, index) => ({ ...status, index, label: status.label || status.apiName }));
}

/** Omni → Talkdesk sources: every presence status, and logging out of the widget. */
export function omniSources(configuration) {
  return [...presenceStatuses(configuration), { apiName: OFFLINE, label: 'Offline (logged out)', offline: true }];
}

/** Omni → Talkdesk targets: every Talkdesk status but those the call lifecycle owns. */
export function talkdeskTargets(configuration) {
  return talkdeskStatuses(configuration).filter((status) => !RESERVED_FOR_CALLS.includes(status.id));
}

/** Talkdesk → Omni targets: presence statuses only (Offline is never offered). */
export function omniTargets(configuration) {
  return presenceStatuses(configuration);
}

export function mappingTable(configuration, direction) {
  const integration = configuration.integration || {};
  return integration[direction] || {};
}

/** Sets or removes (target null) one mapping entry of 'talkdeskToOmni' or 'omniToTalkdesk'. */
export function setMapping(configuration, direction, source, target) {
  configuration.integration = configuration.integration || {};
  const table = { ...(configuration.integration[direction] || {}) };
  if (target === null || target === '') delete table[source];
  else table[source] = target;
  configuration.integration[direction] = table;
}

/** The agents a presence status is granted to, by profile or permission set. */
export function agentsGranted(configuration, apiName) {
  const omni = configuration.omniChannel || {};
  const grants = (list) =>
    new Map((list || []).map((grant) => [grant.name, new Set(grant.presenceStatuses || [])]));
  const profiles = grants(omni.profiles);
  const permissionSets = grants(omni.permissionSets);
  return (configuration.agents || [])
    .filter((agent) => {
      const byProfile = profiles.get(agent.profile);
      if (byProfile && byProfile.has(apiName)) return true;
      return (agent.permissionSets || []).some((name) => {
        const set = permissionSets.get(name);
        return set && set.has(apiName);
      });
    })
    .map((agent) => agent.id);
}

export function settingsOf(configuration) {
  const integration = configuration.integration || {};
  const preferences = (configuration.talkdesk && configuration.talkdesk.preferences) || {};
  return {
    omniChannelSync: Boolean(integration.omniChannelSync),
    returnToPreviousStatusAfterCall: Boolean(integration.returnToPreviousStatusAfterCall),
    nextAgentStatus: Boolean(preferences.nextAgentStatus),
  };
}

/** Writes run-time settings into a configuration, so a save never turns back a toggle set meanwhile. */
export function withSettings(configuration, settings) {
  configuration.integration = configuration.integration || {};
  configuration.talkdesk = configuration.talkdesk || {};
  configuration.talkdesk.preferences = configuration.talkdesk.preferences || {};
  if ('omniChannelSync' in settings) configuration.integration.omniChannelSync = settings.omniChannelSync;
  if ('returnToPreviousStatusAfterCall' in settings) {
    configuration.integration.returnToPreviousStatusAfterCall = settings.returnToPreviousStatusAfterCall;
  }
  if ('nextAgentStatus' in settings) configuration.talkdesk.preferences.nextAgentStatus = settings.nextAgentStatus;
  return configuration;
}

export function rules(configuration) {
  return ((configuration.integration && configuration.integration.presenceSyncRules) || []).map((rule, index) => ({
    ...rule,
    index,
    enabled: rule.enabled !== false,
  }));
}

export function setRuleEnabled(configuration, name, enabled) {
  for (const rule of (configuration.integration && configuration.integration.presenceSyncRules) || []) {
    if (rule.name === name) rule.enabled = enabled;
  }
}

/** Labels for showing statuses by name rather than id. */
export function namer(configuration) {
  const talkdesk = new Map(talkdeskStatuses(configuration).map((status) => [status.id, status.name || status.id]));
  const omni = new Map(presenceStatuses(configuration).map((status) => [status.apiName, status.label]));
  omni.set(OFFLINE, 'Offline');
  return {
    talkdesk: (id) => (id === null || id === undefined ? '—' : talkdesk.get(id) || id),
    omni: (apiName) => (apiName === null || apiName === undefined ? '—' : omni.get(apiName) || apiName),
  };
}
