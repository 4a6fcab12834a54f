Feature: Return to the previous status after a call
  Guide, "Activar el retorno al estado anterior tras atender una llamada": "Active este
  conmutador si desea que los agentes vuelvan al estado Omni-Channel que tenían activado antes
  de empezar a atender una llamada. [...] No es necesario hacer clic en Guardar al final de la
  página."
  "Nota: Asegúrese de que la función Estado siguiente agente en Talkdesk > Admin > Preferences
  está desactivada. Estas dos opciones no se pueden activar al mismo tiempo."
  "Una vez activado el conmutador, cada vez que el agente finalice una llamada, su estado
  Omni-Channel volverá al estado que tenía antes de iniciar esa llamada."

  When a call starts Omnisync remembers the agent's Omni-Channel status (even while the
  'Omni-Channel' toggle is off: turned on during the call, it still returns her). During the call
  and the wrap-up the mapping applies as usual. A status the agent picks in the widget meanwhile
  becomes the one to return to. When wrap-up ends, Omni-Channel goes back to the remembered
  status and the Omni-Channel → Talkdesk mapping then sets Talkdesk, whatever Talkdesk chose
  after the call. An agent who was logged out of Omni-Channel stays logged out. With the toggle
  off, the end of wrap-up is an ordinary Talkdesk change, except that a status the agent picked
  by hand during the call or wrap-up still wins: she is not handed work at lunch.

  Background:
    Given the Omni-Channel service channels are:
      | service channel | urgent |
      | Phone           | yes    |
      | Chat            | yes    |
      | Case            | no     |
    And the admin creates these presence statuses:
      | status name     | API name        | status option | service channels |
      | Online          | Online          | Online        | Phone, Case      |
      | Chat Only       | Chat_Only       | Online        | Chat, Case       |
      | On a Call       | On_a_Call       | Busy          |                  |
      | After Call Work | After_Call_Work | Busy          |                  |
      | Away from desk  | Away_from_Desk  | Busy          |                  |
      | Lunch break     | Lunch_Break     | Busy          |                  |
    And the admin creates these Talkdesk statuses:
      | status    | type |
      | Chat Only | Busy |
      | Lunch     | Away |
    And the profiles give access to these presence statuses:
      | profile              | presence statuses                                                          |
      | Contact Center Agent | Online, Chat Only, On a Call, After Call Work, Away from desk, Lunch break |
    And these agents use the integration:
      | agent | profile              | Talkdesk  | Omni-Channel |
      | Maria | Contact Center Agent | Available | Online       |
    And the Omni-Channel to Talkdesk mapping is:
      | Omni-Channel status | Talkdesk status |
      | Online              | Available       |
      | Chat Only           | Chat Only       |
      | On a Call           | Away            |
      | After Call Work     | Away            |
      | Away from desk      | Away            |
      | Lunch break         | Lunch           |
      | Offline             | Offline         |
    And the Talkdesk to Omni-Channel mapping is:
      | Talkdesk status | Omni-Channel status |
      | Available       | Online              |
      | Chat Only       | Chat Only           |
      | On a Call       | On a Call           |
      | After Call Work | After Call Work     |
      | Away            | Away from desk      |
      | Lunch           | Lunch break         |
    And the 'Omni-Channel' toggle is on
    And 'return to previous status after a call' is on
    And Talkdesk's 'Next agent status' preference is off

  Scenario: The guide's example: back to Online, and the mapping makes the agent Available
    Given Maria starts as "Available" in Talkdesk and "Online" in Omni-Channel
    When Maria receives an incoming call and answers it
    Then Maria is "On a Call" in Talkdesk and "On a Call" in Omni-Channel
    And Omnisync remembers "Online" for Maria to return to
    When Maria ends the call and finishes wrap-up
    Then Maria is "Online" in Omni-Channel
    And Maria is "Available" in Talkdesk
    And Omnisync returned Maria to "Online" in Omni-Channel

  Scenario: Omni-Channel goes back, and Talkdesk follows it rather than its own post-call status
    Given Maria starts as "Chat Only" in Talkdesk and "Chat Only" in Omni-Channel
    When Maria answers a call
    And Maria ends the call
    Then Maria is "After Call Work" in Talkdesk and "After Call Work" in Omni-Channel
    When Maria finishes wrap-up
    Then Omnisync returned Maria to "Chat Only" in Omni-Channel
    And Omnisync set Maria to "Chat Only" in Talkdesk
    And Maria is "Chat Only" in Talkdesk and "Chat Only" in Omni-Channel

  Scenario: A second call during wrap-up keeps the status from before the first call
    Given Maria starts as "Chat Only" in Talkdesk and "Chat Only" in Omni-Channel
    When Maria answers a call
    And Maria ends the call
    And Maria answers a second call during wrap-up
    Then Maria is "On a Call" in Talkdesk and "On a Call" in Omni-Channel
    When Maria ends the call and finishes wrap-up
    Then Maria is "Chat Only" in Talkdesk and "Chat Only" in Omni-Channel

  Scenario: A status picked in the widget during the call becomes the one to return to
    Given Maria starts as "Available" in Talkdesk and "Online" in Omni-Channel
    When Maria answers a call
    And Maria picks "Lunch break" in the Omni-Channel widget
    Then Maria is still "On a Call" in Talkdesk
    And Omnisync did not sync Maria's Omni-Channel change, because the agent is in a call
    And Omnisync remembers "Lunch break" for Maria to return to
    When Maria ends the call
    Then Maria is "After Call Work" in Omni-Channel
    When Maria finishes wrap-up
    Then Maria is "Lunch break" in Omni-Channel and "Lunch" in Talkdesk

  Scenario: A status picked in the widget during wrap-up becomes the one to return to
    Given Maria starts as "Available" in Talkdesk and "Online" in Omni-Channel
    When Maria answers a call
    And Maria ends the call
    And Maria picks "Chat Only" in the Omni-Channel widget
    Then Maria is still "After Call Work" in Talkdesk
    When Maria finishes wrap-up
    Then Maria is "Chat Only" in Talkdesk and "Chat Only" in Omni-Channel

  Scenario: An agent logged out of Omni-Channel before the call stays logged out
    Given Maria starts as "Available" in Talkdesk and "Offline" in Omni-Channel
    When Maria answers a call
    Then Omnisync remembers "Offline" for Maria to return to
    And Maria is still "Offline" in Omni-Channel
    When Maria ends the call and finishes wrap-up
    Then Maria is "Available" in Talkdesk and "Offline" in Omni-Channel
    And Omnisync did not sync Maria's Talkdesk change, because the agent is logged out of Omni-Channel

  Scenario: An agent who logs out of the widget during the call stays logged out after it
    Given Maria starts as "Available" in Talkdesk and "Online" in Omni-Channel
    When Maria answers a call
    And Maria logs out of the Omni-Channel widget
    Then Maria is still "On a Call" in Talkdesk
    And Omnisync remembers "Offline" for Maria to return to
    When Maria ends the call and finishes wrap-up
    Then Maria is "Available" in Talkdesk and "Offline" in Omni-Channel

  Scenario: With the toggle off, the end of wrap-up is an ordinary Talkdesk change
    Given 'return to previous status after a call' is off
    And Maria starts as "Chat Only" in Talkdesk and "Chat Only" in Omni-Channel
    When Maria answers a call
    And Maria ends the call and finishes wrap-up
    Then Maria is "Available" in Talkdesk and "Online" in Omni-Channel

  Scenario: With the toggle off, the "Lunch break" picked while wrapping up still wins after the call
    Given 'return to previous status after a call' is off
    And Maria starts as "Available" in Talkdesk and "Online" in Omni-Channel
    When Maria answers a call
    And Maria ends the call
    And Maria picks "Lunch break" in the Omni-Channel widget
    Then Maria is still "After Call Work" in Talkdesk
    When Maria finishes wrap-up
    Then Maria is still "Lunch break" in Omni-Channel
    And Maria is "Lunch" in Talkdesk
    And Omnisync set Maria to "Lunch" in Talkdesk, because of the status she picked during the call
    And a call Talkdesk offers Maria does not ring

  Scenario: With the toggle off, a status picked during the call wins over Talkdesk's post-call status
    Given 'return to previous status after a call' is off
    And Maria starts as "Available" in Talkdesk and "Online" in Omni-Channel
    When Maria answers a call
    And Maria picks "Chat Only" in the Omni-Channel widget
    And Maria ends the call and finishes wrap-up
    Then Maria is "Chat Only" in Talkdesk and "Chat Only" in Omni-Channel

  Scenario: Sync turned on during a call: the memory survives, and the agent returns afterwards
    Given the 'Omni-Channel' toggle is off
    And Maria starts as "Chat Only" in Talkdesk and "Chat Only" in Omni-Channel
    When Maria answers a call
    Then Maria is "On a Call" in Talkdesk and "Chat Only" in Omni-Channel
    When the admin turns the 'Omni-Channel' toggle on
    Then Maria is "On a Call" in Omni-Channel
    When Maria ends the call and finishes wrap-up
    Then Omnisync returned Maria to "Chat Only" in Omni-Channel
    And Maria is "Chat Only" in Talkdesk and "Chat Only" in Omni-Channel

  Scenario: The toggle takes effect at once, without saving, even for a call in progress
    Given 'return to previous status after a call' is off
    And Maria starts as "Chat Only" in Talkdesk and "Chat Only" in Omni-Channel
    When Maria answers a call
    And the admin turns 'return to previous status after a call' on
    Then 'return to previous status after a call' is now on
    When Maria ends the call and finishes wrap-up
    Then Maria is "Chat Only" in Talkdesk and "Chat Only" in Omni-Channel

  Scenario: It cannot be turned on while Talkdesk's 'Next agent status' is on
    Given 'return to previous status after a call' is off
    And Talkdesk's 'Next agent status' preference is on
    When the admin turns 'return to previous status after a call' on
    Then the change is refused, because the two options cannot be enabled at the same time
    And 'return to previous status after a call' is still off

  Scenario: Talkdesk's 'Next agent status' cannot be turned on while it is on
    When the admin turns Talkdesk's 'Next agent status' preference on
    Then the change is refused, because the two options cannot be enabled at the same time
    And Talkdesk's 'Next agent status' preference is still off
    And 'return to previous status after a call' is still on

  Scenario: Turning it off makes room for Talkdesk's 'Next agent status'
    Given Maria starts as "Chat Only" in Talkdesk and "Chat Only" in Omni-Channel
    When the admin turns 'return to previous status after a call' off
    And the admin turns Talkdesk's 'Next agent status' preference on
    Then Talkdesk's 'Next agent status' preference is now on
    When Maria answers a call
    And Maria ends the call
    And Maria finishes wrap-up, having chosen "Lunch" as next agent status
    Then Maria is "Lunch" in Talkdesk and "Lunch break" in Omni-Channel

  Scenario: A configuration with both switched on is rejected
    Given Talkdesk's 'Next agent status' preference is on
    When the admin saves the configuration
    Then the configuration is rejected: 'return to previous status after a call' and 'Next agent status' cannot both be on
