Feature: Presence mapping, both ways
  Guide, "Configurar Presence Mapping en Omni-Channel en Talkdesk": "Asigne los estados de
  Talkdesk a sus estados de Omni-Channel y guarde."
  "Los estados no tienen que ser uno a uno [...] puede utilizar el estado 'Away' de Talkdesk
  para múltiples estados Omni-Channel, es decir, 'Away from desk' o 'Lunch break'."

  The mapping is two independent tables: Omni-Channel → Talkdesk (what a pick in the widget
  does in Talkdesk) and Talkdesk → Omni-Channel (what a Talkdesk status does in the widget).
  Neither needs to be one-to-one. A status with no mapping in a direction is not synced that
  way. The change Omnisync makes in one system comes back as a report from that system: it is
  not a new change, so a many-to-one mapping never flaps.

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
      | Away from desk      | Away_from_Desk      | Busy          |                  |
      | Lunch break         | Lunch_Break         | Busy          |                  |
    And the admin creates these Talkdesk statuses:
      | status          | type      |
      | Chat Only       | Busy      |
      | Calls and chats | Available |
      | Lunch           | Away      |
    And the profiles give access to these presence statuses:
      | profile              | presence statuses                                           |
      | Contact Center Agent | Available for calls, Chat Only, Away from desk, Lunch break |
    And these agents use the integration:
      | agent | profile              | Talkdesk  | Omni-Channel        |
      | Maria | Contact Center Agent | Available | Available for calls |
    And the Omni-Channel to Talkdesk mapping is:
      | Omni-Channel status | Talkdesk status |
      | Available for calls | Available       |
      | Chat Only           | Chat Only       |
      | Away from desk      | Away            |
      | Lunch break         | Away            |
      | Offline             | Offline         |
    And the Talkdesk to Omni-Channel mapping is:
      | Talkdesk status | Omni-Channel status |
      | Available       | Available for calls |
      | Chat Only       | Chat Only           |
      | Calls and chats | Chat Only           |
      | Away            | Away from desk      |
      | Lunch           | Lunch break         |
    And the 'Omni-Channel' toggle is on

  Scenario Outline: A pick in the Omni-Channel widget sets the mapped Talkdesk status
    When Maria picks "<Omni-Channel status>" in the Omni-Channel widget
    Then Maria is "<Talkdesk status>" in Talkdesk
    And Maria is still "<Omni-Channel status>" in Omni-Channel

    Examples:
      | Omni-Channel status | Talkdesk status |
      | Chat Only           | Chat Only       |
      | Away from desk      | Away            |
      | Lunch break         | Away            |

  Scenario Outline: A pick in Talkdesk sets the mapped Omni-Channel status
    When Maria picks "<Talkdesk status>" in Talkdesk
    Then Maria is "<Omni-Channel status>" in Omni-Channel
    And Maria is still "<Talkdesk status>" in Talkdesk

    Examples:
      | Talkdesk status | Omni-Channel status |
      | Away            | Away from desk      |
      | Lunch           | Lunch break         |
      | Chat Only       | Chat Only           |
      | Calls and chats | Chat Only           |

  Scenario: Many to one: "Away" in Talkdesk for both "Away from desk" and "Lunch break"
    When Maria picks "Away from desk" in the Omni-Channel widget
    Then Maria is "Away" in Talkdesk
    When Maria picks "Lunch break" in the Omni-Channel widget
    Then Maria is "Away" in Talkdesk and "Lunch break" in Omni-Channel
    And Omnisync did not sync Maria's Omni-Channel change, because the agent is already there

  Scenario: A many-to-one mapping does not flap: Omnisync's own change is not sent back
    When Maria picks "Lunch" in Talkdesk
    Then Maria is "Lunch break" in Omni-Channel
    And Omnisync did not sync Maria's Omni-Channel change, because it is the echo of Omnisync's own change
    And Maria is still "Lunch" in Talkdesk

  Scenario: The two directions are independent: a status left unmapped one way is not synced that way
    Given the admin leaves Omni-Channel "Chat Only" unmapped
    When Maria picks "Chat Only" in the Omni-Channel widget
    Then Maria is still "Available" in Talkdesk
    And Omnisync did not sync Maria's Omni-Channel change, because it is not mapped
    When Maria picks "Chat Only" in Talkdesk
    Then Maria is "Chat Only" in Talkdesk and "Chat Only" in Omni-Channel

  Scenario: Saving a mapping that leaves a status out warns about it
    Given the admin leaves Omni-Channel "Chat Only" unmapped
    And the admin leaves Talkdesk "Lunch" unmapped
    When the admin saves the configuration
    Then the configuration is saved with the warning: Omni-Channel status "Chat Only" is not mapped
    And the configuration is saved with the warning: Talkdesk status "Lunch" is not mapped

  Scenario: An agent already in the mapped status is left alone
    Given Maria picks "Away from desk" in the Omni-Channel widget
    And Maria is "Away" in Talkdesk and "Away from desk" in Omni-Channel
    When Maria picks "Lunch break" in the Omni-Channel widget
    Then Omnisync did not sync Maria's Omni-Channel change, because the agent is already there
    And Maria is "Away" in Talkdesk and "Lunch break" in Omni-Channel

  Scenario: Picking again the status an agent already has is no change at all
    When Maria picks "Available" in Talkdesk
    Then Omnisync did not sync Maria's Talkdesk change, because nothing changed
    And Omnisync changed nothing for Maria
    And Maria is still "Available" in Talkdesk and "Available for calls" in Omni-Channel

  Scenario: The mapping must name statuses that exist
    Given the admin has not created the Talkdesk status "Lunch"
    When the admin saves the configuration
    Then the configuration is rejected: there is no Talkdesk status "Lunch"

  Scenario: A mapping the admin changes and saves applies from then on
    When Maria picks "Lunch break" in the Omni-Channel widget
    Then Maria is "Away" in Talkdesk
    When the admin maps Omni-Channel "Lunch break" to Talkdesk "Lunch"
    And the admin saves the configuration
    Then the configuration is saved
    When Maria picks "Available for calls" in the Omni-Channel widget
    And Maria picks "Lunch break" in the Omni-Channel widget
    Then Maria is "Lunch" in Talkdesk

  Scenario: A mapping with an error is rejected whole, and the running one stays
    Given Maria picks "Chat Only" in the Omni-Channel widget
    When the admin maps Omni-Channel "Lunch break" to Talkdesk "Lunch"
    And the admin maps Talkdesk "Offline" to Omni-Channel "Offline"
    And the admin saves the configuration
    Then the configuration is rejected: Talkdesk "Offline" cannot map to Offline
    When Maria picks "Lunch break" in the Omni-Channel widget
    Then Maria is "Away" in Talkdesk
