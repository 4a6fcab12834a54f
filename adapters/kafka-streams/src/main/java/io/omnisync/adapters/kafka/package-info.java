/**
 * Omnisync on Kafka Streams (SPEC 13): the same decision function hosted by a Streams topology, for operators who
 * run many instances and no single active process. {@code topology} holds the topology and its settings,
 * {@code codec} the versioned JSON of every topic and store, {@code admin} admin changes as configuration records,
 * {@code ingress} the acknowledged writes of events, {@code delivery} the Talkdesk delivery consumer.
 */
package io.omnisync.adapters.kafka;
