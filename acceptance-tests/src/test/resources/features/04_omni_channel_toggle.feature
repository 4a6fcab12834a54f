Feature: The 'Omni-Channel' toggle: states start syncing at once
  Guide, "Configurar Presence Mapping en Omni-Channel en Talkdesk": "vaya al Talkdesk Admin →
  Omni-Channel y cambie el toggle 'Omni-Channel' a la derecha (posición activada)."
  And its warning: "Asegúrese de activar la sincronización de estados de OC (Omni-Channel)
  después del horario comercial para no interrumpir Agent Workflows, ya que los estados
  comenzarán a sincronizarse inmediatamente."

  While the toggle is off Omnisync only keeps track. Turning it on reconciles every agent
  logged in to Omni-Channel at once: an agent whose two statuses already agree (one of the two
  mappings links them: "Los estados no tienen que ser uno a uno") is left alone, and for every
  other agent Talkdesk wins. Because that moves agents in the middle of their work, the admin can
  first see what it would change and whom it leaves alone, and why (a dry run), and inside
  business hours the toggle is refused unless the admin forces it. An agent the admin adds while
  the toggle is on is reconciled the same way, at once and alone.

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
    And these agents use the integration:
      | agent | profile              | Talkdesk  | Omni-Channel        |
      | Maria | Contact Center Agent | Available | Available for calls |
      | Ana   | Contact Center Agent | Available | Available for calls |
      | João  | Contact Center Agent | Available | Offline             |
    And the Omni-Channel to Talkdesk mapping is:
      | Omni-Channel status | Talkdesk status |
      | Available for calls | Available       |
      | Available for all   | Available       |
      | Away from desk      | Away            |
      | Lunch break         | Away            |
      | Offline             | Offline         |
    And the Talkdesk to Omni-Channel mapping is:
      | Talkdesk status | Omni-Channel status |
      | Available       | Available for calls |
      | Away            | Away from desk      |
      | Lunch           | Lunch break         |
    And the 'Omni-Channel' toggle is off

  Scenario: While the toggle is off, nothing is synced
    When Maria picks "Lunch" in Talkdesk
    And Ana picks "Away from desk" in the Omni-Channel widget
    Then Maria is "Lunch" in Talkdesk and "Available for calls" in Omni-Channel
    And Ana is "Available" in Talkdesk and "Away from desk" in Omni-Channel
    And Omnisync did not sync Maria's Talkdesk change, because the 'Omni-Channel' toggle is off
    And Omnisync did not sync Ana's Omni-Channel change, because the 'Omni-Channel' toggle is off

  Scenario: Turning the toggle on syncs every agent at once, and where the two disagree Talkdesk wins
    Given Maria picks "Lunch" in Talkdesk
    And Ana picks "Away from desk" in the Omni-Channel widget
    When the admin turns the 'Omni-Channel' toggle on
    Then the agents' statuses are:
      | agent | Talkdesk  | Omni-Channel        |
      | Maria | Lunch     | Lunch break         |
      | Ana   | Available | Available for calls |
      | João  | Available | Offline             |
    And Omnisync set Maria to "Lunch break" in Omni-Channel
    And Omnisync set Ana to "Available for calls" in Omni-Channel
    And Omnisync left João alone, because the agent is logged out of Omni-Channel

  Scenario: Turning the toggle on leaves alone an agent whose two statuses already agree
    Given Maria starts as "Available" in Talkdesk and "Available for all" in Omni-Channel
    And Ana starts as "Away" in Talkdesk and "Lunch break" in Omni-Channel
    When the admin turns the 'Omni-Channel' toggle on
    Then Maria is still "Available" in Talkdesk and "Available for all" in Omni-Channel
    And Omnisync left Maria alone, because the two statuses already agree
    And Ana is still "Away" in Talkdesk and "Lunch break" in Omni-Channel
    And Omnisync left Ana alone, because the two statuses already agree
    When Omni-Channel has a "Chat" work item for Maria
    Then Maria gets the work item

  Scenario: Once on, every change syncs
    Given the admin turns the 'Omni-Channel' toggle on
    When Maria picks "Away" in Talkdesk
    Then Maria is "Away from desk" in Omni-Channel
    When Maria picks "Available for calls" in the Omni-Channel widget
    Then Maria is "Available" in Talkdesk

  Scenario: The toggle takes effect without saving anything, and saves nothing either
    Given Maria picks "Away" in Talkdesk
    And the admin maps Talkdesk "Lunch" to Omni-Channel "Away from desk"
    When the admin turns the 'Omni-Channel' toggle on
    Then the 'Omni-Channel' toggle is now on
    And Maria is "Away from desk" in Omni-Channel
    When Maria picks "Lunch" in Talkdesk
    Then Maria is "Lunch break" in Omni-Channel
    When the admin turns the 'Omni-Channel' toggle off
    Then the 'Omni-Channel' toggle is now off
    When Maria picks "Away" in Talkdesk
    Then Maria is still "Lunch break" in Omni-Channel
    And Omnisync did not sync Maria's Talkdesk change, because the 'Omni-Channel' toggle is off

  Scenario: An agent added while the toggle is on is reconciled at once, and alone
    Given the 'Omni-Channel' toggle is on
    And the admin leaves Omni-Channel "Lunch break" unmapped
    And Maria picks "Lunch break" in the Omni-Channel widget
    And Maria is "Available" in Talkdesk and "Lunch break" in Omni-Channel
    When the admin adds these agents to the integration:
      | agent | profile              | Talkdesk  | Omni-Channel        |
      | Rui   | Contact Center Agent | Lunch     | Available for calls |
      | Bea   | Contact Center Agent | Available | Available for all   |
    And the admin saves the configuration
    Then the configuration is saved
    And Omnisync set Rui to "Lunch break" in Omni-Channel
    And Rui is "Lunch" in Talkdesk and "Lunch break" in Omni-Channel
    And Bea is still "Available" in Talkdesk and "Available for all" in Omni-Channel
    And Omnisync left Bea alone, because the two statuses already agree
    And Maria is still "Available" in Talkdesk and "Lunch break" in Omni-Channel

  Scenario: Starting with the toggle on is an activation too
    Given Maria starts as "Lunch" in Talkdesk and "Available for calls" in Omni-Channel
    And the 'Omni-Channel' toggle is on
    Then Maria is "Lunch break" in Omni-Channel

  Scenario: A dry run shows what turning the toggle on would change, and changes nothing
    Given Maria picks "Lunch" in Talkdesk
    When the admin previews what turning the 'Omni-Channel' toggle on would change
    Then the preview moves Maria to "Lunch break" in Omni-Channel
    And the preview leaves Ana alone, because the two statuses already agree
    And the preview leaves João alone, because the agent is logged out of Omni-Channel
    And nothing has changed yet
    And Maria is still "Available for calls" in Omni-Channel
    And the 'Omni-Channel' toggle is still off

  Scenario Outline: Inside business hours the toggle is refused; after hours it syncs
    Given the business hours are Monday to Friday from 08:00 to 20:00, Europe/Lisbon time
    And Maria picks "Lunch" in Talkdesk
    And it is <day> <time> in the contact center
    When the admin turns the 'Omni-Channel' toggle on
    Then the 'Omni-Channel' toggle is <toggle>
    And Maria is "<Omni-Channel>" in Omni-Channel

    Examples:
      | day       | time  | toggle    | Omni-Channel        |
      | Wednesday | 10:00 | still off | Available for calls |
      | Wednesday | 08:00 | still off | Available for calls |
      | Wednesday | 19:59 | still off | Available for calls |
      | Wednesday | 07:59 | now on    | Lunch break         |
      | Wednesday | 20:00 | now on    | Lunch break         |
      | Saturday  | 10:00 | now on    | Lunch break         |

  Scenario: The refusal says why
    Given the business hours are Monday to Friday from 08:00 to 20:00, Europe/Lisbon time
    And it is Wednesday 10:00 in the contact center
    When the admin turns the 'Omni-Channel' toggle on
    Then the change is refused, because it is inside business hours

  Scenario: The admin can force the toggle on inside business hours
    Given the business hours are Monday to Friday from 08:00 to 20:00, Europe/Lisbon time
    And Maria picks "Lunch" in Talkdesk
    And it is Wednesday 10:00 in the contact center
    When the admin forces the 'Omni-Channel' toggle on
    Then the 'Omni-Channel' toggle is now on
    And Maria is "Lunch break" in Omni-Channel

  Scenario: Turning the toggle off needs no business-hours check
    Given the business hours are Monday to Friday from 08:00 to 20:00, Europe/Lisbon time
    And the 'Omni-Channel' toggle is on
    And it is Wednesday 10:00 in the contact center
    When the admin turns the 'Omni-Channel' toggle off
    Then the 'Omni-Channel' toggle is now off
