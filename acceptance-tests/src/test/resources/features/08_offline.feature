Feature: Offline is left out of Talkdesk → Omni-Channel: Talkdesk never logs agents out of Omni-Channel
  Guide: "En la configuración de Talkdesk to Omni-Channel, hemos omitido el estado 'Offline'
  para Omni-Channel para que Talkdesk no eche a sus agentes de Omni-Channel basándose en un
  estado de Talkdesk."

  Offline in Omni-Channel means logged out of the widget, which only the agent does. No Talkdesk
  status may map to it (saving such a mapping is refused), so every Talkdesk status leaves the
  agent logged in, in the presence status it maps to (or where she was, when it maps to none);
  and Omnisync never logs anyone in either. The other way round is allowed: logging out of the widget may set a Talkdesk status.

  Background:
    Given the Omni-Channel service channels are:
      | service channel | urgent |
      | Phone           | yes    |
      | Chat            | yes    |
      | Case            | no     |
    And the admin creates these presence statuses:
      | status name         | API name            | status option | service channels |
      | Available for calls | Available_for_Calls | Online        | Phone, Case      |
      | Chat Only           | Chat_Only           | Online        | Chat, Case       |
      | On a Call           | On_a_Call           | Busy          |                  |
      | After Call Work     | After_Call_Work     | Busy          |                  |
      | Away from desk      | Away_from_Desk      | Busy          |                  |
    And the admin creates these Talkdesk statuses:
      | status    | type |
      | Chat Only | Busy |
      | Lunch     | Away |
    And the profiles give access to these presence statuses:
      | profile              | presence statuses                                                          |
      | Contact Center Agent | Available for calls, Chat Only, On a Call, After Call Work, Away from desk |
    And these agents use the integration:
      | agent | profile              | Talkdesk  | Omni-Channel        |
      | Maria | Contact Center Agent | Available | Available for calls |
    And the Omni-Channel to Talkdesk mapping is:
      | Omni-Channel status | Talkdesk status |
      | Available for calls | Available       |
      | Chat Only           | Chat Only       |
      | On a Call           | Away            |
      | After Call Work     | Away            |
      | Away from desk      | Away            |
      | Offline             | Offline         |
    And the Talkdesk to Omni-Channel mapping is:
      | Talkdesk status | Omni-Channel status |
      | Available       | Available for calls |
      | Chat Only       | Chat Only           |
      | On a Call       | On a Call           |
      | After Call Work | After Call Work     |
      | Away            | Away from desk      |
      | Lunch           | Away from desk      |
    And the 'Omni-Channel' toggle is on

  Scenario: Talkdesk → Omni-Channel cannot map to Offline
    Given the admin maps Talkdesk "Offline" to Omni-Channel "Offline"
    When the admin saves the configuration
    Then the configuration is rejected: Talkdesk "Offline" cannot map to Offline

  Scenario: Going Offline in Talkdesk leaves the agent logged in to Omni-Channel
    When Maria picks "Offline" in Talkdesk
    Then Maria is "Offline" in Talkdesk
    And Maria is still "Available for calls" in Omni-Channel
    And Omnisync did not sync Maria's Talkdesk change, because it is not mapped

  Scenario: Talkdesk's Offline may map to a Busy presence status instead
    Given the admin maps Talkdesk "Offline" to Omni-Channel "Away from desk"
    When Maria picks "Offline" in Talkdesk
    Then Maria is "Away from desk" in Omni-Channel
    And Maria is still logged in to Omni-Channel

  Scenario Outline: Each Talkdesk status mapped to Omni-Channel keeps the agent logged in, in the status it maps to
    When Maria picks "<Talkdesk status>" in Talkdesk
    Then Maria is "<Omni-Channel status>" in Omni-Channel
    And Maria is still logged in to Omni-Channel

    Examples:
      | Talkdesk status | Omni-Channel status |
      | Away            | Away from desk      |
      | Lunch           | Away from desk      |
      | Chat Only       | Chat Only           |

  Scenario: A call moves the agent from status to status, never out of Omni-Channel
    When Maria answers a call
    Then Maria is "On a Call" in Omni-Channel
    When Maria ends the call
    Then Maria is "After Call Work" in Omni-Channel
    When Maria finishes wrap-up
    Then Maria is "Available for calls" in Omni-Channel
    And Maria is still logged in to Omni-Channel

  Scenario: Logging out of the widget sets the mapped Talkdesk status
    When Maria logs out of the Omni-Channel widget
    Then Maria is "Offline" in Omni-Channel
    And Maria is "Offline" in Talkdesk

  Scenario: Omnisync never logs an agent in to Omni-Channel either
    Given Maria starts as "Available" in Talkdesk and "Offline" in Omni-Channel
    When Maria picks "Away" in Talkdesk
    Then Maria is still "Offline" in Omni-Channel
    And Omnisync did not sync Maria's Talkdesk change, because the agent is logged out of Omni-Channel
    When Maria picks "Available" in Talkdesk
    Then Maria is still "Offline" in Omni-Channel

  Scenario: Logging in is the agent's own act, and the mapping follows it
    Given Maria starts as "Away" in Talkdesk and "Offline" in Omni-Channel
    When Maria picks "Available for calls" in the Omni-Channel widget
    Then Maria is "Available" in Talkdesk
