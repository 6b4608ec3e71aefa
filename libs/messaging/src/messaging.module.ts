import { APP_CONFIG, AppConfig } from '@app/common';
import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { makeCounterProvider } from '@willsoto/nestjs-prometheus';
import { DatabaseLogBroker } from './database/database-log.broker';
import { ReliableConsumer } from './inbox/reliable-consumer';
import { KafkaMessageBroker } from './kafka/kafka.broker';
import { MessageBroker } from './message-broker';
import { OutboxBacklogReader } from './outbox/outbox-backlog';
import { OutboxRelay } from './outbox/outbox.relay';
import { OutboxWriter } from './outbox/outbox.writer';

export interface MessagingOptions {
  /** Run the outbox relay in this process (the api does; the dept handler does not). */
  relay: boolean;
}

/** Partitions per topic: handler instances in one group scale out up to this number. */
export const TOPIC_PARTITIONS = 6;

@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        {
          provide: MessageBroker,
          inject: [APP_CONFIG, DataSource],
          useFactory: (config: AppConfig, dataSource: DataSource): MessageBroker =>
            config.kafkaBrokers
              ? new KafkaMessageBroker({
                  brokers: config.kafkaBrokers,
                  clientId: config.kafkaClientId,
                  partitions: TOPIC_PARTITIONS,
                })
              : new DatabaseLogBroker(dataSource),
        },
        OutboxWriter,
        OutboxBacklogReader,
        ReliableConsumer,
        makeCounterProvider({ name: 'outbox_published_total', help: 'Events published from the outbox' }),
        makeCounterProvider({
          name: 'consumer_messages_total',
          help: 'Messages handled by consumers, by outcome',
          labelNames: ['consumer', 'outcome'],
        }),
        ...(options.relay ? [OutboxRelay] : []),
      ],
      exports: [MessageBroker, OutboxWriter, OutboxBacklogReader, ReliableConsumer, ...(options.relay ? [OutboxRelay] : [])],
    };
  }
}
