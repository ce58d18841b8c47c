import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { OrganisationsService } from './organisations.service';
import { MeResponse } from './organisations.response';

/**
 * `GET /api/auth/me`: the signed-in user and their organisations. It lives here, not beside
 * sign-in in identity, because it needs the organisations: organisations depend on identity
 * (accounts, sessions), never the other way round.
 */
@ApiTags('auth')
@Controller('auth')
export class MeController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user and the organisations they belong to' })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentActor() actor: Actor) {
    return {
      user: { id: actor.userId, email: actor.email, name: actor.name, role: actor.role },
      organisations: await this.organisations.listForUser(actor.userId),
    };
  }
}
