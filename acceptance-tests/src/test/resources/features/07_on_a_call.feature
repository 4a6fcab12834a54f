Feature: "On a Call" is reserved for calls
  Guide: "tenga en cuenta que el estado 'On a Call' de Talkdesk está reservado solo para cuando
  se produce una llamada y, por lo tanto, se omite para el mapeo de Omni-Channel a Talkdesk (no
  se puede seleccionar en el lado de Talkdesk). Sus agentes no deberían activar el 'On a Call
  Status' desde el widget Omni-Channel, pero en caso de que lo hagan, debería asignar el estado
  Omni-Channel 'On a Call' a un estado Talkdesk 'Away'."

  Only the call lifecycle puts an agent On a Call (and in After Call Work) in Talkdesk: no
  Omni-Channel status may map to them, and while a call lasts it owns the Talkdesk status. (That
  agents cannot pick them in Talkdesk either is Talkdesk's own rule: the sandbox's tests hold it.) The Omni-Channel "On a Call" status that Talkdesk's On a Call maps to
  should map back to a Talkdesk Away status, for the agent who picks it in the widget anyway.

  Background:
    Given the Omni-Channel service channels are:
      | service channel | urgent |
      | Phone           | yes    |
      | Case            | no     |
    And the admin creates these presence statuses:
      | status name         | API name            | status option | service channels |
      | Available for calls | Available_for_Calls | Online        | Phone, Case      |
      | On a Call           | On_a_Call           | Busy          |                  |
      | After Call Work     | After_Call_Work     | Busy          |                  |
      | Away from desk      | Away_from_Desk      | Busy          |                  |
      | Lunch break         | Lunch_Break         | Busy          |                  |
    And the admin creates these Talkdesk statuses:
      | status | type |
      | Lunch  | Away |
    And the profiles give access to these presence statuses:
      | profile              | presence statuses                                                            |
      | Contact Center Agent | Available for calls, On a Call, After Call Work, Away from desk, Lunch break |
    And these agents use the integration:
      | agent | profile              | Talkdesk  | Omni-Channel        |
      | Maria | Contact Center Agent | Available | Available for calls |
    And the Omni-Channel to Talkdesk mapping is:
      | Omni-Channel status | Talkdesk status |
      | Available for calls | Available       |
      | On a Call           | Away            |
      | After Call Work     | Away            |
      | Away from desk      | Away            |
      | Lunch break         | Lunch           |
      | Offline             | Offline         |
    And the Talkdesk to Omni-Channel mapping is:
      | Talkdesk status | Omni-Channel status |
      | Available       | Available for calls |
      | On a Call       | On a Call           |
      | After Call Work | After Call Work     |
      | Away            | Away from desk      |
      | Lunch           | Lunch break         |
    And the 'Omni-Channel' toggle is on

  Scenario Outline: No Omni-Channel status may map to a Talkdesk status reserved for calls
    Given the admin maps Omni-Channel "<Omni-Channel status>" to Talkdesk "<Talkdesk status>"
    When the admin saves the configuration
    Then the configuration is rejected: "<Omni-Channel status>" cannot map to a Talkdesk status reserved for calls

    Examples:
      | Omni-Channel status | Talkdesk status |
      | On a Call           | On a Call       |
      | After Call Work     | After Call Work |
      | Away from desk      | On a Call       |

  Scenario: A call puts the agent On a Call, then in After Call Work, in both systems
    When Maria answers a call
    Then Maria is "On a Call" in Talkdesk and "On a Call" in Omni-Channel
    And Omni-Channel routes no new work to Maria, on any channel
    When Maria ends the call
    Then Maria is "After Call Work" in Talkdesk and "After Call Work" in Omni-Channel
    When Maria finishes wrap-up
    Then Maria is "Available" in Talkdesk and "Available for calls" in Omni-Channel

  Scenario: An agent who picks "On a Call" in the widget ends up Away in Talkdesk
    When Maria picks "On a Call" in the Omni-Channel widget
    Then Maria is "Away" in Talkdesk
    And Maria is still "On a Call" in Omni-Channel
    And a call Talkdesk offers Maria does not ring

  Scenario: The mapping as the guide advises saves without the On a Call warning
    When the admin saves the configuration
    Then the configuration is saved without an On a Call warning

  Scenario: A custom Away status will do as well
    Given the admin maps Omni-Channel "On a Call" to Talkdesk "Lunch"
    When the admin saves the configuration
    Then the configuration is saved without an On a Call warning

  Scenario: The warning when "On a Call" is not mapped back, and what it prevents
    Given the admin leaves Omni-Channel "On a Call" unmapped
    When the admin saves the configuration
    Then the configuration is saved with the warning: "On a Call" is not mapped back to a Talkdesk Away status
    When Maria picks "On a Call" in the Omni-Channel widget
    Then Maria is still "Available" in Talkdesk
    And Omnisync did not sync Maria's Omni-Channel change, because it is not mapped
    And a call Talkdesk offers Maria rings

  Scenario: The warning when "On a Call" maps back to a status that is not Away
    Given the admin maps Omni-Channel "On a Call" to Talkdesk "Available"
    When the admin saves the configuration
    Then the configuration is saved with the warning: "On a Call" is not mapped back to a Talkdesk Away status

  Scenario: While a call lasts, a pick in the widget does not touch Talkdesk
    Given Maria answers a call
    When Maria picks "Lunch break" in the Omni-Channel widget
    Then Maria is still "On a Call" in Talkdesk
    And Omnisync did not sync Maria's Omni-Channel change, because the agent is in a call
