Feature: Presence configurations assigned to agents
  Guide, "Crear Presence Configurations": "Vaya a Presence Configurations y haga clic en New
  [...] y determinar la configuración de Omni-Channel que se asigna a sus agentes."

  A presence configuration gives the agents it is assigned to (by profile, or by user) their
  capacity: how much work Omni-Channel may give them at once. An agent has at most one; one
  assigned to the user wins over the one of their profile. Omnisync knows each agent's capacity,
  which presence sync rules on workload use (feature 11). That Omni-Channel never gives an agent
  more work than her capacity, nor any while she is logged out, is Salesforce's own rule: the
  sandbox's tests hold it.

  Background:
    Given the Omni-Channel service channels are:
      | service channel | urgent |
      | Chat            | yes    |
      | Case            | no     |
    And the admin creates these presence statuses:
      | status name | API name    | status option | service channels |
      | Chat Only   | Chat_Only   | Online        | Chat, Case       |
      | Lunch break | Lunch_Break | Busy          |                  |
    And the profiles give access to these presence statuses:
      | profile              | presence statuses      |
      | Contact Center Agent | Chat Only, Lunch break |
      | Team Lead            | Chat Only, Lunch break |
    And these agents use the integration:
      | agent | profile              | Talkdesk  | Omni-Channel |
      | Maria | Contact Center Agent | Available | Chat Only    |
      | Ana   | Contact Center Agent | Available | Chat Only    |
      | João  | Team Lead            | Available | Chat Only    |

  Scenario: Agents get the capacity of the presence configuration assigned to their profile
    Given the presence configurations are:
      | presence configuration | capacity | profiles             | users |
      | Agents                 | 3        | Contact Center Agent |       |
      | Leads                  | 1        | Team Lead            |       |
    Then Maria's Omni-Channel capacity is 3
    And Ana's Omni-Channel capacity is 3
    And João's Omni-Channel capacity is 1

  Scenario: A presence configuration assigned to the user wins over the one of their profile
    Given the presence configurations are:
      | presence configuration | capacity | profiles             | users |
      | Agents                 | 3        | Contact Center Agent |       |
      | Senior agents          | 5        |                      | Ana   |
    Then Maria's Omni-Channel capacity is 3
    And Ana's Omni-Channel capacity is 5

  Scenario: An agent has at most one presence configuration
    Given the presence configurations are:
      | presence configuration | capacity | profiles             | users |
      | Agents                 | 3        | Contact Center Agent |       |
      | Night shift            | 2        | Contact Center Agent |       |
    When the admin saves the configuration
    Then the configuration is rejected: Maria is given more than one presence configuration
    And the configuration is rejected: Ana is given more than one presence configuration

  Scenario: A presence configuration has a capacity of at least 1
    Given the presence configurations are:
      | presence configuration | capacity | profiles             | users |
      | Agents                 | 0        | Contact Center Agent |       |
    When the admin saves the configuration
    Then the configuration is rejected: the capacity of "Agents" must be at least 1
