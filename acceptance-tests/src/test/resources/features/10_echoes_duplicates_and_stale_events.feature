Feature: Echoes, duplicate deliveries and stale events never move an agent
  Not in the guide's words, but in the nature of the vendors it describes: both report every
  change back as a webhook, Omnisync's own changes included; they deliver each webhook at least
  once, and not always in order. "Los estados comenzarán a sincronizarse inmediatamente" holds
  only if none of that moves an agent.

  A report of the change Omnisync just made is an echo, not a new change. A webhook delivered
  again is applied once. A webhook older than the latest change applied from the same system
  is out of date and ignored.

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
      | Lunch break         | Away            |
      | Offline             | Offline         |
    And the Talkdesk to Omni-Channel mapping is:
      | Talkdesk status | Omni-Channel status |
      | Available       | Available for calls |
      | On a Call       | On a Call           |
      | After Call Work | After Call Work     |
      | Away            | Away from desk      |
      | Lunch           | Lunch break         |
    And the 'Omni-Channel' toggle is on

  Scenario: Omni-Channel reporting Omnisync's own change back is not a new change
    When Maria picks "Lunch" in Talkdesk
    Then Omnisync set Maria to "Lunch break" in Omni-Channel
    And Omnisync did not sync Maria's Omni-Channel change, because it is the echo of Omnisync's own change
    And Maria is "Lunch" in Talkdesk and "Lunch break" in Omni-Channel

  Scenario: Talkdesk reporting Omnisync's own change back is not a new change
    When Maria picks "Lunch break" in the Omni-Channel widget
    Then Omnisync set Maria to "Away" in Talkdesk
    And Omnisync did not sync Maria's Talkdesk change, because it is the echo of Omnisync's own change
    And Maria is "Away" in Talkdesk and "Lunch break" in Omni-Channel

  Scenario: A Talkdesk webhook delivered again is applied once
    Given Maria picks "Lunch" in Talkdesk
    And Maria picks "Available for calls" in the Omni-Channel widget
    When Talkdesk delivers Maria's change to "Lunch" again
    Then Omnisync did not sync Maria's Talkdesk change, because it was delivered before
    And Maria is "Available" in Talkdesk and "Available for calls" in Omni-Channel

  Scenario: An Omni-Channel webhook delivered again is applied once
    Given Maria picks "Away from desk" in the Omni-Channel widget
    And Maria picks "Available" in Talkdesk
    When Omni-Channel delivers Maria's change to "Away from desk" again
    Then Omnisync did not sync Maria's Omni-Channel change, because it was delivered before
    And Maria is "Available" in Talkdesk and "Available for calls" in Omni-Channel

  Scenario: A call's webhook delivered again does not start the call over
    Given Maria answers a call
    And Maria ends the call
    When Talkdesk delivers Maria's change to "On a Call" again
    Then Omnisync did not sync Maria's Talkdesk change, because it was delivered before
    And Maria is "After Call Work" in Talkdesk and "After Call Work" in Omni-Channel
    When Maria finishes wrap-up
    Then Maria is "Available" in Talkdesk and "Available for calls" in Omni-Channel

  Scenario: A webhook delivered again long after, once many other events came in, is still applied once
    Given the admin leaves Omni-Channel "Away from desk" unmapped
    And Maria picks "Lunch" in Talkdesk
    And Maria picks "Away from desk" in the Omni-Channel widget
    And Omni-Channel reports 20 workload changes for Maria
    And Maria is "Lunch" in Talkdesk and "Away from desk" in Omni-Channel
    When Talkdesk delivers Maria's change to "Lunch" again
    Then Omnisync did not sync Maria's Talkdesk change, because nothing changed
    And Omnisync changed nothing for Maria
    And Maria is still "Lunch" in Talkdesk and "Away from desk" in Omni-Channel

  Scenario: A Talkdesk webhook that arrives after a later change is ignored
    Given it is Wednesday 10:00 in the contact center
    And Maria picks "Away" in Talkdesk
    And it is Wednesday 10:05 in the contact center
    And Maria picks "Available" in Talkdesk
    When a Talkdesk webhook from 10:02 saying Maria is "Lunch" arrives late
    Then Omnisync did not sync Maria's Talkdesk change, because it is older than the latest change
    And Maria is "Available" in Talkdesk and "Available for calls" in Omni-Channel

  Scenario: An Omni-Channel webhook that arrives after a later change is ignored
    Given it is Wednesday 10:00 in the contact center
    And Maria picks "Away from desk" in the Omni-Channel widget
    And it is Wednesday 10:05 in the contact center
    And Maria picks "Available for calls" in the Omni-Channel widget
    When an Omni-Channel webhook from 10:02 saying Maria is "Lunch break" arrives late
    Then Omnisync did not sync Maria's Omni-Channel change, because it is older than the latest change
    And Maria is "Available" in Talkdesk and "Available for calls" in Omni-Channel

  Scenario: A late logout from the widget does not take the agent offline in Talkdesk
    Given it is Wednesday 10:00 in the contact center
    And Maria picks "Away from desk" in the Omni-Channel widget
    And it is Wednesday 10:05 in the contact center
    And Maria picks "Available for calls" in the Omni-Channel widget
    And Maria is "Available" in Talkdesk and "Available for calls" in Omni-Channel
    When an Omni-Channel webhook from 10:02 saying Maria is "Offline" arrives late
    Then Omnisync did not sync Maria's Omni-Channel change, because it is older than the latest change
    And Maria is still "Available" in Talkdesk
