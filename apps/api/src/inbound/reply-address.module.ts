import { Global, Module } from '@nestjs/common';
import { ReplyAddressService } from './reply-address.service';
import { ReplyTokensRepository } from './reply-tokens.repository';

/**
 * Reply addresses on their own, global and without the forums: the notification mail that gives
 * `replyAddressFor(...)` as Reply-To can inject ReplyAddressService without importing what posts.
 */
@Global()
@Module({
  providers: [ReplyTokensRepository, ReplyAddressService],
  exports: [ReplyTokensRepository, ReplyAddressService],
})
export class ReplyAddressModule {}
