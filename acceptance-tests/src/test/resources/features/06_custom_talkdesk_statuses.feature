Feature: A custom Talkdesk status mirrors an Omni-Channel status: "Chat Only" blocks calls
  Guide: "Recomendamos crear cualquier estado adicional en Talkdesk para que refleje los estados
  de Omni-Channel [...] si tiene un estado 'Chat Only' en Omni-Channel, cree un nuevo estado de
  ocupado 'Chat Only' en Talkdesk. De esta manera, cuando su agente selecciona esto en
  Omni-Channel, usted puede bloquear las llamadas en Talkdesk."

  Talkdesk routes calls only to agents in a status of type Available: a call it offers rings for
  them and for no one else. A Busy "Chat Only" status in Talkdesk, mapped both ways to the
  Omni-Channel "Chat Only" status, keeps calls away from an agent who chats, and shows why in
  Talkdesk.

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
    And the admin creates these Talkdesk statuses:
      | status    | type |
      | Chat Only | Busy |
    And the profiles give access to these presence statuses:
      | profile              | presence statuses              |
      | Contact Center Agent | Available for calls, Chat Only |
    And these agents use the integration:
      | agent | profile              | Talkdesk  | Omni-Channel        |
      | Maria | Contact Center Agent | Available | Available for calls |
    And the Omni-Channel to Talkdesk mapping is:
      | Omni-Channel status | Talkdesk status |
      | Available for calls | Available       |
      | Chat Only           | Chat Only       |
      | Offline             | Offline         |
    And the Talkdesk to Omni-Channel mapping is:
      | Talkdesk status | Omni-Channel status |
      | Available       | Available for calls |
      | Chat Only       | Chat Only           |
    And the 'Omni-Channel' toggle is on

  Scenario: Picking "Chat Only" in the widget blocks calls in Talkdesk
    Given a call Talkdesk offers Maria rings
    When Maria picks "Chat Only" in the Omni-Channel widget
    Then Maria is "Chat Only" in Talkdesk
    And a call Talkdesk offers Maria does not ring
    When Omni-Channel has a "Chat" work item for Maria
    Then Maria gets the work item

  Scenario: Back to "Available for calls", calls come in again
    Given Maria picks "Chat Only" in the Omni-Channel widget
    And a call Talkdesk offers Maria does not ring
    When Maria picks "Available for calls" in the Omni-Channel widget
    Then Omnisync set Maria to "Available" in Talkdesk
    And a call Talkdesk offers Maria rings

  Scenario: "Chat Only" picked in Talkdesk puts the agent on chats in Omni-Channel
    When Maria picks "Chat Only" in Talkdesk
    Then Maria is "Chat Only" in Omni-Channel
    And a call Talkdesk offers Maria does not ring
    When Omni-Channel has a "Phone" work item for Maria
    Then Maria does not get the work item

  Scenario: The Talkdesk status must be created before it is mapped
    Given the admin has not created the Talkdesk status "Chat Only"
    When the admin saves the configuration
    Then the configuration is rejected: there is no Talkdesk status "Chat Only"
