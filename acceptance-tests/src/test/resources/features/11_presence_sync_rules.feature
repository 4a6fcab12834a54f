Feature: Presence sync rules: status changes based on status, workload or capacity
  Guide, last line: "Para configurar más reglas para cambios de estado, basadas en el estado,
  la carga de trabajo o la capacidad de los agentes de Salesforce Omni-Channel, consulte aquí."

  A presence sync rule has a trigger, conditions on the agent's statuses, workload and capacity,
  and an action that sets a status in either system. On each trigger the enabled rules are
  tried in order and the first whose conditions hold acts, instead of the mapping; when none
  does, the mapping applies. A rule's action passes every guard the mapping does: it never logs
  anyone out of (or in to) Omni-Channel, and never sets a status the agent is not granted.
  Each rule has its own toggle, which takes effect without saving.

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
      | status           | type      |
      | Calls and chats  | Available |
      | At chat capacity | Busy      |
      | Lunch            | Away      |
    And the profiles give access to these presence statuses:
      | profile              | presence statuses                                |
      | Contact Center Agent | Available for calls, Away from desk, Lunch break |
    And the permission sets give access to these presence statuses:
      | permission set | presence statuses |
      | Chat Team      | Chat Only         |
    And the presence configurations are:
      | presence configuration | capacity | profiles             | users |
      | Agents                 | 3        | Contact Center Agent |       |
    And these agents use the integration:
      | agent | profile              | permission sets | Talkdesk        | Omni-Channel        |
      | Maria | Contact Center Agent | Chat Team       | Calls and chats | Chat Only           |
      | Ana   | Contact Center Agent |                 | Available       | Available for calls |
    And the Omni-Channel to Talkdesk mapping is:
      | Omni-Channel status | Talkdesk status |
      | Available for calls | Available       |
      | Chat Only           | Calls and chats |
      | Away from desk      | Away            |
      | Lunch break         | Away            |
      | Offline             | Offline         |
    And the Talkdesk to Omni-Channel mapping is:
      | Talkdesk status  | Omni-Channel status |
      | Available        | Available for calls |
      | Calls and chats  | Chat Only           |
      | At chat capacity | Chat Only           |
      | Away             | Away from desk      |
      | Lunch            | Lunch break         |
    And the presence sync rule "Full chat load blocks calls", on Omni-Channel workload changed, sets Talkdesk to "At chat capacity" when:
      | operand                 | operator    | value           |
      | Omni-Channel workload % | is at least | 100             |
      | Talkdesk status         | is          | Calls and chats |
    And the presence sync rule "Chat capacity freed", on Omni-Channel workload changed, sets Talkdesk to "Calls and chats" when:
      | operand                          | operator    | value            |
      | Omni-Channel workload %          | is below    | 100              |
      | previous Omni-Channel workload % | is at least | 100              |
      | Talkdesk status                  | is          | At chat capacity |
    And the 'Omni-Channel' toggle is on

  Scenario: A full chat load blocks calls
    When Maria's Omni-Channel workload rises to 2 units
    Then Maria is still "Calls and chats" in Talkdesk
    And a call Talkdesk offers Maria rings
    When Maria's Omni-Channel workload rises to 3 units
    Then the rule "Full chat load blocks calls" set Maria to "At chat capacity" in Talkdesk
    And Maria is "At chat capacity" in Talkdesk and "Chat Only" in Omni-Channel
    And a call Talkdesk offers Maria does not ring

  Scenario: When chat capacity frees up, calls resume
    Given Maria's Omni-Channel workload rises to 3 units
    When Maria's Omni-Channel workload falls to 2 units
    Then the rule "Chat capacity freed" set Maria to "Calls and chats" in Talkdesk
    And Maria is "Calls and chats" in Talkdesk
    And a call Talkdesk offers Maria rings

  Scenario: The first rule whose conditions hold wins
    Given the presence sync rule "Any chat load means lunch", on Omni-Channel workload changed, sets Talkdesk to "Lunch" when:
      | operand               | operator    | value |
      | Omni-Channel workload | is at least | 1     |
    When Maria's Omni-Channel workload rises to 3 units
    Then Maria is "At chat capacity" in Talkdesk

  Scenario: Rules are tried in the order the admin put them in
    Given the presence sync rule "Any chat load means lunch", on Omni-Channel workload changed, sets Talkdesk to "Lunch" when:
      | operand               | operator    | value |
      | Omni-Channel workload | is at least | 1     |
    And the rule "Any chat load means lunch" comes first
    When Maria's Omni-Channel workload rises to 3 units
    Then the rule "Any chat load means lunch" set Maria to "Lunch" in Talkdesk
    And Maria is "Lunch" in Talkdesk

  Scenario: A rule that acts replaces the mapping; when none acts, the mapping applies
    Given the presence sync rule "Lunch is lunch", on Omni-Channel status changed, sets Talkdesk to "Lunch" when:
      | operand             | operator | value       |
      | Omni-Channel status | is       | Lunch break |
    When Maria picks "Lunch break" in the Omni-Channel widget
    Then Maria is "Lunch" in Talkdesk
    When Maria picks "Away from desk" in the Omni-Channel widget
    Then Maria is "Away" in Talkdesk

  Scenario: Conditions can be combined with custom logic
    Given the presence sync rule "Lunch or a break", on Omni-Channel status changed, sets Talkdesk to "Lunch" when:
      | operand             | operator | value          |
      | Omni-Channel status | is       | Lunch break    |
      | Omni-Channel status | is       | Away from desk |
    And the rule "Lunch or a break" combines its conditions as "1 OR 2"
    When Maria picks "Away from desk" in the Omni-Channel widget
    Then Maria is "Lunch" in Talkdesk

  Scenario: A rule's toggle takes effect at once, without saving
    When the admin disables the rule "Full chat load blocks calls"
    And Maria's Omni-Channel workload rises to 3 units
    Then Maria is still "Calls and chats" in Talkdesk
    When the admin enables the rule "Full chat load blocks calls"
    And Maria's Omni-Channel workload falls to 2 units
    And Maria's Omni-Channel workload rises to 3 units
    Then Maria is "At chat capacity" in Talkdesk

  Scenario: A disabled rule does not act: the next rule whose conditions hold does
    Given the presence sync rule "Any chat load means lunch", on Omni-Channel workload changed, sets Talkdesk to "Lunch" when:
      | operand               | operator    | value |
      | Omni-Channel workload | is at least | 1     |
    And the rule "Full chat load blocks calls" is disabled
    When Maria's Omni-Channel workload rises to 3 units
    Then the rule "Any chat load means lunch" set Maria to "Lunch" in Talkdesk
    And Maria is "Lunch" in Talkdesk

  Scenario: Only the rules the admin has can be toggled
    When the admin disables the rule "No such rule"
    Then the change is refused, because there is no such rule

  Scenario: Omnisync's own changes, reported back, trigger no rule
    Given the presence sync rule "Lunch break means away", on Omni-Channel status changed, sets Talkdesk to "Away" when:
      | operand             | operator | value       |
      | Omni-Channel status | is       | Lunch break |
    When Maria picks "Lunch" in Talkdesk
    Then Maria is "Lunch break" in Omni-Channel
    And Maria is still "Lunch" in Talkdesk
    When Ana picks "Lunch break" in the Omni-Channel widget
    Then the rule "Lunch break means away" set Ana to "Away" in Talkdesk

  Scenario: A rule can replace what logging out of the widget does in Talkdesk
    Given the presence sync rule "Logged out of chats", on Omni-Channel logout, sets Talkdesk to "Available" when:
      | operand                      | operator | value     |
      | previous Omni-Channel status | is       | Chat Only |
    When Maria logs out of the Omni-Channel widget
    Then Maria is "Available" in Talkdesk and "Offline" in Omni-Channel
    When Ana logs out of the Omni-Channel widget
    Then Ana is "Offline" in Talkdesk and "Offline" in Omni-Channel

  Scenario: During a call, a rule leaves Talkdesk to the call
    Given the presence sync rule "Any chat load means lunch", on Omni-Channel workload changed, sets Talkdesk to "Lunch" when:
      | operand               | operator    | value |
      | Omni-Channel workload | is at least | 1     |
    And the rule "Any chat load means lunch" comes first
    And Maria answers a call
    When Maria's Omni-Channel workload rises to 1 unit
    Then Maria is still "On a Call" in Talkdesk
    And Omnisync left Maria alone, because the agent is in a call

  Scenario: A rule never logs an agent out of Omni-Channel
    Given the presence sync rule "Lunch logs out", on Talkdesk status changed, sets Omni-Channel to "Offline" when:
      | operand         | operator | value |
      | Talkdesk status | is       | Lunch |
    When the admin saves the configuration
    Then the configuration is rejected: the rule "Lunch logs out" cannot log agents out of Omni-Channel

  Scenario: A rule never logs an agent in to Omni-Channel
    Given the presence sync rule "Back from lunch on chats", on Talkdesk status changed, sets Omni-Channel to "Chat Only" when:
      | operand                  | operator | value |
      | previous Talkdesk status | is       | Lunch |
    And Maria starts as "Lunch" in Talkdesk and "Offline" in Omni-Channel
    When Maria picks "Calls and chats" in Talkdesk
    Then Maria is still "Offline" in Omni-Channel
    And Omnisync did not sync Maria's Talkdesk change, because the agent is logged out of Omni-Channel

  Scenario: A rule never sets a presence status the agent is not granted
    Given the presence sync rule "Back from lunch on chats", on Talkdesk status changed, sets Omni-Channel to "Chat Only" when:
      | operand                  | operator | value |
      | previous Talkdesk status | is       | Lunch |
    And Ana starts as "Lunch" in Talkdesk and "Lunch break" in Omni-Channel
    When Ana picks "Available" in Talkdesk
    Then Ana is still "Lunch break" in Omni-Channel
    And Omnisync did not sync Ana's Talkdesk change, because the agent's profile and permission sets do not grant the status
    When Maria picks "Lunch" in Talkdesk
    And Maria picks "Available" in Talkdesk
    Then the rule "Back from lunch on chats" set Maria to "Chat Only" in Omni-Channel

  Scenario: A rule never sets a Talkdesk status reserved for calls
    Given the presence sync rule "Busy means on a call", on Omni-Channel status changed, sets Talkdesk to "On a Call" when:
      | operand             | operator | value       |
      | Omni-Channel status | is       | Lunch break |
    When the admin saves the configuration
    Then the configuration is rejected: the rule "Busy means on a call" cannot set a Talkdesk status reserved for calls
