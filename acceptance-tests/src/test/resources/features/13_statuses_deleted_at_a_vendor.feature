Feature: A status renamed or deleted at a vendor is a clear problem, not a silent failure
  The guide has the admin create statuses on both sides and map them ("Asigne los estados de
  Talkdesk a sus estados de Omni-Channel y guarde"). An admin may later delete or rename one of
  them at the vendor while the mapping still names it. The vendor then refuses every change to
  it: Omnisync records that the vendor no longer knows the status (so the admin knows the
  configuration needs updating), stops waiting for a change that will never come, and goes on
  syncing everything else.

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
      | Lunch     | Away |
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
      | Lunch break         | Lunch           |
      | Offline             | Offline         |
    And the Talkdesk to Omni-Channel mapping is:
      | Talkdesk status | Omni-Channel status |
      | Available       | Available for calls |
      | Chat Only       | Chat Only           |
      | Away            | Away from desk      |
      | Lunch           | Lunch break         |
    And the 'Omni-Channel' toggle is on

  Scenario: A Talkdesk status deleted after the mapping was saved
    When the Talkdesk admin deletes the status "Chat Only" in Talkdesk
    And Maria picks "Chat Only" in the Omni-Channel widget
    Then Omnisync could not set Maria to "Chat Only" in Talkdesk, because it no longer knows that status
    And Maria is "Available" in Talkdesk and "Chat Only" in Omni-Channel
    When Maria picks "Away from desk" in the Omni-Channel widget
    Then Maria is "Away" in Talkdesk and "Away from desk" in Omni-Channel

  Scenario: A presence status deleted in Salesforce after the mapping was saved
    When the Salesforce admin deletes the presence status "Lunch break"
    And Maria picks "Lunch" in Talkdesk
    Then Omnisync could not set Maria to "Lunch break" in Omni-Channel, because it no longer knows that status
    And Maria is "Lunch" in Talkdesk and "Available for calls" in Omni-Channel
    When Maria picks "Away" in Talkdesk
    Then Maria is "Away from desk" in Omni-Channel
