import { Kafka, logLevel } from 'kafkajs';
import { TEST_KAFKA_BROKERS } from '../support/environment';

const REQUESTS_TOPIC = 'governance.requests.v1';

/**
 * A consumer group of its own for this run's monitoring projector, set to the end of
 * governance.requests.v1: the test database is fresh, so the topic's history (other runs'
 * databases) holds nothing to project, and replaying it would only make the test wait.
 */
export async function freshProjectorGroup(name: string): Promise<string> {
  const groupId = `${name}-${Date.now()}-${process.pid}`;
  const admin = new Kafka({ brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic: REQUESTS_TOPIC }], waitForLeaders: true });
    const ends = await admin.fetchTopicOffsets(REQUESTS_TOPIC);
    await admin.setOffsets({ groupId, topic: REQUESTS_TOPIC, partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })) });
  } finally {
    await admin.disconnect();
  }
  return groupId;
}
