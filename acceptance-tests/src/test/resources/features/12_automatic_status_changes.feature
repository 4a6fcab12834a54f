Feature: Salesforce moves agents by itself: declined work, a push that times out, a supervisor
  Not in the guide's words, but in Salesforce's, whose presence configurations the guide has the
  admin create ("Crear Presence Configurations"): a presence configuration names the status an
  agent goes to when she declines a work item (presenceStatusOnDecline) or lets a push time out
  (presenceStatusOnPushTimeout), and a supervisor may change an agent's status. Omni-Channel then
  moves the agent by itself, and its report says why (the toolkit's reason: OmniDeclineWork,
  OmniPushTimeout, OmniSupervisorStatusChange, ...).

  Omnisync syncs such a change like the agent's own pick, unless the admin says to ignore that
  reason: then it records the change and leaves Talkdesk alone. Either way, what it records says
  why Omni-Channel changed, so a timeout is never taken for a choice.

  Background:
    Given the Omni-Channel service channels are:
      | service channel | urgent |
      | Phone           | yes    |
      | Chat            | yes    |
      | Case            | no     |
    And the admin creates these presence statuses:
      | status name         | API name            | status option | service channels |
      | Available for calls | Available_for_Calls | Online        | Phone, Case      |
      | Available for all   | Available_for_All   | Online        | Chat, Case       |
      | Away from desk      | Away_from_Desk      | Busy          |                  |
      | Lunch break         | Lunch_Break         | Busy          |                  |
    And the admin creates these Talkdesk statuses:
      | status | type |
      | Lunch  | Away |
    And the profiles give access to these presence statuses:
      | profile              | presence statuses                                                   |
      | Contact Center Agent | Available for calls, Available for all, Away from desk, Lunch break |
    And the presence configurations are:
      | presence configuration | capacity | profiles             | users | status on decline | status on push timeout |
      | Agents                 | 3        | Contact Center Agent |       | Away from desk    | Away from desk         |
    And these agents use the integration:
      | agent | profile              | Talkdesk  | Omni-Channel      |
      | Maria | Contact Center Agent | Available | Available for all |
    And the Omni-Channel to Talkdesk mapping is:
      | Omni-Channel status | Talkdesk status |
      | Available for calls | Available       |
      | Available for all   | Available       |
      | Away from desk      | Away            |
      | Lunch break         | Lunch           |
      | Offline             | Offline         |
    And the Talkdesk to Omni-Channel mapping is:
      | Talkdesk status | Omni-Channel status |
      | Available       | Available for calls |
      | Away            | Away from desk      |
      | Lunch           | Lunch break         |
    And the 'Omni-Channel' toggle is on

  Scenario: Declined work sends the agent to her status on decline, and Talkdesk follows
    When Maria declines a work item Omni-Channel pushed to her
    Then Maria is "Away from desk" in Omni-Channel
    And Omnisync set Maria to "Away" in Talkdesk
    And what Omnisync recorded about Maria's Omni-Channel change says "OmniDeclineWork"
    And a call Talkdesk offers Maria does not ring

  Scenario: A push that times out is synced like a pick, unless the admin says otherwise
    When a work item Omni-Channel pushed to Maria times out
    Then Maria is "Away" in Talkdesk and "Away from desk" in Omni-Channel
    And what Omnisync recorded about Maria's Omni-Channel change says "OmniPushTimeout"

  Scenario: An ignored push timeout is recorded, and Talkdesk is left alone
    Given Omnisync handles Omni-Channel's automatic status changes like this:
      | reason          | Omnisync |
      | OmniPushTimeout | IGNORE   |
    When a work item Omni-Channel pushed to Maria times out
    Then Maria is "Away from desk" in Omni-Channel
    And Maria is still "Available" in Talkdesk
    And Omnisync did not sync Maria's Omni-Channel change, because the admin chose to ignore that automatic change
    And what Omnisync recorded about Maria's Omni-Channel change says "OmniPushTimeout"
    And a call Talkdesk offers Maria rings

  Scenario: Ignoring push timeouts ignores neither declined work nor the agent's own picks
    Given Omnisync handles Omni-Channel's automatic status changes like this:
      | reason          | Omnisync |
      | OmniPushTimeout | IGNORE   |
    When Maria declines a work item Omni-Channel pushed to her
    Then Maria is "Away" in Talkdesk and "Away from desk" in Omni-Channel
    When Maria picks "Lunch break" in the Omni-Channel widget
    Then Maria is "Lunch" in Talkdesk
    And what Omnisync recorded about Maria's Omni-Channel change says "OmniManualStatusChange"

  Scenario: A supervisor's change is synced like the agent's own, and says who made it
    When a supervisor sets Maria to "Lunch break" in Omni-Channel
    Then Maria is "Lunch" in Talkdesk and "Lunch break" in Omni-Channel
    And what Omnisync recorded about Maria's Omni-Channel change says "OmniSupervisorStatusChange"

  Scenario: The statuses on decline and on push timeout must exist
    Given the presence configurations are:
      | presence configuration | capacity | profiles | users | status on decline | status on push timeout |
      | Night shift            | 2        |          | Maria | Nap               | Away from desk         |
    When the admin saves the configuration
    Then the configuration is rejected: there is no presence status "Nap"

  Scenario: Only the reasons Omni-Channel reports can be ignored: a misspelled one is refused
    Given Omnisync handles Omni-Channel's automatic status changes like this:
      | reason      | Omnisync |
      | PushTimeout | IGNORE   |
    When the admin saves the configuration
    Then the configuration is rejected: "PushTimeout" is not a reason Omni-Channel reports
