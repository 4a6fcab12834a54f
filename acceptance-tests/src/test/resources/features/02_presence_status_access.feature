Feature: Access to presence statuses: a profile or a permission set grants them
  Guide, "Habilite el acceso al Service Presence Status":
  "Asegúrese de que todos los agentes que vayan a utilizar la integración omnichannel estén
  asignados al perfil correcto, que les conceda los permisos adecuados para iniciar sesión con
  cualquiera de los presence statuses que hayan puesto a su disposición."
  "Después de crear un Presence Status, debe asignarlo a sus agentes a través de un Profile or
  Permission Set antes de que tengan acceso a ella."

  An agent can use a presence status only when their profile or one of their permission sets
  grants it: Salesforce refuses the others, whoever asks (the sandbox's tests hold that rule of
  Salesforce's). So the mapping never moves an agent to a status they lack; saving a mapping
  warns about the agents it cannot move.

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
      | status    | type |
      | Chat Only | Busy |
    And the profiles give access to these presence statuses:
      | profile              | presence statuses                                |
      | Contact Center Agent | Available for calls, Away from desk, Lunch break |
    And the permission sets give access to these presence statuses:
      | permission set | presence statuses |
      | Chat Team      | Chat Only         |
    And these agents use the integration:
      | agent | profile              | permission sets | Talkdesk  | Omni-Channel        |
      | Maria | Contact Center Agent | Chat Team       | Available | Available for calls |
      | Ana   | Contact Center Agent |                 | Available | Available for calls |
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
      | Away            | Away from desk      |
    And the 'Omni-Channel' toggle is on

  Scenario: A status the agent's profile grants can be picked in the widget
    When Ana picks "Lunch break" in the Omni-Channel widget
    Then Ana is "Lunch break" in Omni-Channel
    And Ana is "Away" in Talkdesk

  Scenario: A status a permission set grants can be picked in the widget
    When Maria picks "Chat Only" in the Omni-Channel widget
    Then Maria is "Chat Only" in Omni-Channel
    And Maria is "Chat Only" in Talkdesk

  Scenario: A new presence status is usable only once a profile or a permission set grants it
    Given the admin creates these presence statuses:
      | status name | API name | status option | service channels |
      | Training    | Training | Busy          |                  |
    And the admin creates these Talkdesk statuses:
      | status   | type |
      | Training | Away |
    And the admin maps Talkdesk "Training" to Omni-Channel "Training"
    And the admin maps Omni-Channel "Training" to Talkdesk "Training"
    When Maria picks "Training" in Talkdesk
    Then Maria is still "Available for calls" in Omni-Channel
    And Omnisync did not sync Maria's Talkdesk change, because the agent's profile and permission sets do not grant the status
    When the admin gives the permission set "Chat Team" access to "Training"
    And the admin saves the configuration
    Then the configuration is saved
    When Maria picks "Available" in Talkdesk
    And Maria picks "Training" in Talkdesk
    Then Omnisync set Maria to "Training" in Omni-Channel
    And Maria is "Training" in Talkdesk and "Training" in Omni-Channel

  Scenario: The mapping never moves an agent to a status they lack
    When Ana picks "Chat Only" in Talkdesk
    And Maria picks "Chat Only" in Talkdesk
    Then Ana is "Chat Only" in Talkdesk and "Available for calls" in Omni-Channel
    And Omnisync did not sync Ana's Talkdesk change, because the agent's profile and permission sets do not grant the status
    And Maria is "Chat Only" in Talkdesk and "Chat Only" in Omni-Channel

  Scenario: Saving a mapping warns about the agents its targets are not granted to
    When the admin saves the configuration
    Then the configuration is saved with the warning: "Chat Only" is not granted to Ana

  Scenario: Granting the status through a permission set lets the mapping move the agent
    Given Ana also has the permission set "Chat Team"
    When the admin saves the configuration
    Then the configuration is saved without an access warning
    When Ana picks "Chat Only" in Talkdesk
    Then Ana is "Chat Only" in Talkdesk and "Chat Only" in Omni-Channel
