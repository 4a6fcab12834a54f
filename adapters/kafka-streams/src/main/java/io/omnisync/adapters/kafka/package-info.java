/**
 * Omnisync on Kafka Streams (SPEC 13): the same decision function hosted by a Streams topology, for
 * operators who run many instances and no single active process. The topology comes with the domain
 * refactor; this module so far holds its dependencies and, in its tests, the broker the tests run on.
 */
package io.omnisync.adapters.kafka;
