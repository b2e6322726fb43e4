import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOperation } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  type AuthUser,
  DelegationsService,
  delegationInputSchema,
  delegationListQuerySchema,
  delegationRevokeSchema,
} from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { OfficeApi } from './office-api.decorator';
import { Answers } from '../common/answers';
import { UuidParam } from '../common/uuid-param';
import { DelegationDto, DelegationListDto } from './delegations.responses';

class DelegationInputDto extends createZodDto(delegationInputSchema) {}
class DelegationListQueryDto extends createZodDto(delegationListQuerySchema) {}
class DelegationRevokeDto extends createZodDto(delegationRevokeSchema) {}

/** The head's delegations of signing (TL., TUQ.), recorded and revoked by an admin; every change audited. */
@OfficeApi('delegations')
@ApiBadRequestResponse({ description: 'Dữ liệu không hợp lệ, nêu rõ trường sai' })
@Controller('delegations')
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Post()
  @Answers(DelegationDto, 201)
  @Roles('ADMIN')
  @ApiConflictResponse({ description: 'Người này đã được giao ký trong những ngày đó' })
  @ApiOperation({
    summary:
      'Ghi nhận việc trưởng phòng giao ký thừa lệnh (TL.) hoặc ủy quyền (TUQ.) cho một chuyên viên, từ ngày đến ngày',
    description:
      'Trong những ngày đó, quyết định của chuyên viên được ghi với danh nghĩa “TL. TRƯỞNG PHÒNG - CHUYÊN VIÊN” hoặc ' +
      '“TUQ. TRƯỞNG PHÒNG - CHUYÊN VIÊN”; ngoài những ngày đó, hoặc khi đã thu hồi, chuyên viên ký với chức vụ của mình.',
  })
  record(@CurrentUser() u: AuthUser, @Body() dto: DelegationInputDto) {
    return this.delegations.record(u, dto);
  }

  @Get()
  @Answers(DelegationListDto, 200)
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Các việc giao ký của huyện, mới nhất trước (inForce=true: chỉ những việc còn hiệu lực hôm nay)',
  })
  list(@CurrentUser() u: AuthUser, @Query() q: DelegationListQueryDto) {
    return this.delegations.list(u, q);
  }

  @Post(':id/revoke')
  @Answers(DelegationDto, 200)
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiNotFoundResponse({ description: 'Không có việc giao ký này trong huyện' })
  @ApiConflictResponse({ description: 'Việc giao ký đã được thu hồi' })
  @ApiOperation({ summary: 'Thu hồi việc giao ký trước hạn, kèm lý do' })
  revoke(@CurrentUser() u: AuthUser, @UuidParam('id') id: string, @Body() dto: DelegationRevokeDto) {
    return this.delegations.revoke(u, id, dto.reason);
  }
}
