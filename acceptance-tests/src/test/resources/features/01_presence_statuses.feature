Feature: Presence statuses: Online with service channels, or Busy
  Guide, "Configurar Salesforce Omni-Channel", step 1 "Crear Presence Statuses":
  "Introduzca un 'Status name', un 'API name', y elija si los agentes se muestran como
  conectados u ocupados con la 'Status Option'."
  "Nota: Al hacer clic en la opción de estado 'Busy' para un Presence Status, se detendrá
  cualquier elemento de trabajo adicional que llegue a un agente."
  And, from the mapping section: "Los estados de Omni-Channel solo deben tener un canal
  urgente a la vez, lo que significa que no debe mezclar la voz con el chat u otro canal que
  requiera una atención constante e inmediata."

  An Online status lets work arrive on the service channels it serves; a Busy status stops all
  new work. Voice, chat and messaging need constant, immediate attention (urgent channels):
  a status serves at most one of them. Omnisync checks the presence statuses when the admin
  saves, and the status it sets for a Talkdesk status decides what work reaches the agent.
  (That Salesforce routes work this way, and none to an agent logged out of the widget, is
  Salesforce's own rule: the sandbox's tests hold it.)

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
    And the profiles give access to these presence statuses:
      | profile              | presence statuses                                           |
      | Contact Center Agent | Available for calls, Chat Only, Away from desk, Lunch break |
    And the admin creates these Talkdesk statuses:
      | status    | type |
      | Chat Only | Busy |
      | Lunch     | Away |
    And these agents use the integration:
      | agent | profile              | Talkdesk | Omni-Channel   |
      | Maria | Contact Center Agent | Away     | Away from desk |
    And the Omni-Channel to Talkdesk mapping is:
      | Omni-Channel status | Talkdesk status |
      | Available for calls | Available       |
      | Chat Only           | Chat Only       |
      | Away from desk      | Away            |
      | Lunch break         | Lunch           |
      | Offline             | Offline         |
    And the Talkdesk to Omni-Channel mapping is:
      | Talkdesk status | Omni-Channel status |
      | Available       | Available for calls |
      | Chat Only       | Chat Only           |
      | Away            | Away from desk      |
      | Lunch           | Lunch break         |
    And the 'Omni-Channel' toggle is on

  Scenario Outline: The Online status Omnisync sets lets work arrive on its service channels only
    When Maria picks "<Talkdesk status>" in Talkdesk
    Then Omnisync set Maria to "<status>" in Omni-Channel
    When Omni-Channel has a "<channel>" work item for Maria
    Then Maria <outcome> the work item

    Examples:
      | Talkdesk status | status              | channel | outcome      |
      | Available       | Available for calls | Phone   | gets         |
      | Available       | Available for calls | Case    | gets         |
      | Available       | Available for calls | Chat    | does not get |
      | Chat Only       | Chat Only           | Chat    | gets         |
      | Chat Only       | Chat Only           | Case    | gets         |
      | Chat Only       | Chat Only           | Phone   | does not get |

  Scenario: The Busy status Omnisync sets stops any new work from reaching the agent
    Given Maria picks "Available" in Talkdesk
    And Maria is "Available for calls" in Omni-Channel
    When Maria picks "Lunch" in Talkdesk
    Then Omnisync set Maria to "Lunch break" in Omni-Channel
    And Omni-Channel routes no new work to Maria, on any channel

  Scenario: A Busy status cannot serve service channels
    Given the admin creates these presence statuses:
      | status name | API name | status option | service channels |
      | Training    | Training | Busy          | Case             |
    When the admin saves the configuration
    Then the configuration is rejected: "Training" is Busy and cannot serve channels

  Scenario: An Online status must serve at least one service channel
    Given the admin creates these presence statuses:
      | status name | API name  | status option | service channels |
      | Listening   | Listening | Online        |                  |
    When the admin saves the configuration
    Then the configuration is rejected: "Listening" is Online and must serve a channel

  Scenario Outline: One urgent channel per presence status: voice and chat never together
    Given the admin creates these presence statuses:
      | status name   | API name   | status option | service channels |
      | <status name> | <API name> | Online        | <channels>       |
    When the admin saves the configuration
    Then <outcome>

    Examples:
      | status name       | API name          | channels          | outcome                                                                                |
      | Available for all | Available_for_All | Phone, Chat       | the configuration is rejected: "Available for all" serves more than one urgent channel |
      | Everything        | Everything        | Phone, Chat, Case | the configuration is rejected: "Everything" serves more than one urgent channel        |
      | Phone and cases   | Phone_and_Cases   | Phone, Case       | the configuration is saved                                                             |
      | Only cases        | Only_Cases        | Case              | the configuration is saved                                                             |

  Scenario: The API name identifies a presence status: two cannot share it
    Given the admin creates these presence statuses:
      | status name | API name    | status option | service channels |
      | Lunch       | Lunch_Break | Busy          |                  |
    When the admin saves the configuration
    Then the configuration is rejected: two presence statuses share the API name "Lunch_Break"
