import { withTimeout } from '@app/common';
import { MessageBroker } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';

@Injectable()
export class BrokerHealthIndicator {
  constructor(
    private readonly broker: MessageBroker,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check(key: string): Promise<HealthIndicatorResult> {
    const check = this.indicator.check(key);
    try {
      await withTimeout(this.broker.ping(), 3000, 'the broker\'s answer');
      return check.up();
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
