import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { type AuthUser, CampaignQueriesService, PhasesService, openPhaseSchema } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { Answers } from '../common/answers';
import { UsesWorkflows } from '../common/require-dependencies';
import { UuidParam } from '../common/uuid-param';
import { IssuedCampaignDto } from '../campaigns/campaigns.responses';
import { CampaignPhasesDto } from './phases.responses';

class OpenPhaseDto extends createZodDto(openPhaseSchema) {}

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns/:id/phases')
@UsesWorkflows()
export class PhasesController {
  constructor(
    private readonly phases: PhasesService,
    private readonly query: CampaignQueriesService,
  ) {}

  @Get()
  @Answers(CampaignPhasesDto, 200)
  @Roles('ADMIN', 'REVIEWER', 'CLERK')
  @ApiOperation({
    summary: 'Các giai đoạn của đợt, đợt tự đánh giá đã mở cho từng giai đoạn, và các trường có kế hoạch đã duyệt',
  })
  @ApiNotFoundResponse({ description: 'Không có đợt này trong huyện' })
  list(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.phases.list(user, id);
  }

  @Post(':index/open')
  @Answers(IssuedCampaignDto, 201)
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Mở giai đoạn (đánh số từ 0) để các trường có kế hoạch đã duyệt tự đánh giá, trừ các trường ngoại lệ',
    description:
      'Ban hành một đợt tự đánh giá (SELF_ASSESSMENT), con của đợt này, cho đúng các trường có kế hoạch đã được ' +
      'phê duyệt trừ các trường ngoại lệ (mỗi trường kèm lý do); ghi nhật ký PHASE_OPENED trong cùng giao dịch.',
  })
  @ApiBadRequestResponse({ description: 'Giai đoạn không có, trường ngoại lệ không có kế hoạch đã duyệt, hạn sai' })
  @ApiForbiddenResponse({ description: 'Chỉ lãnh đạo Phòng mở giai đoạn' })
  @ApiNotFoundResponse({ description: 'Không có đợt này trong huyện' })
  @ApiConflictResponse({ description: 'Giai đoạn đã được mở, hoặc đợt chưa có kế hoạch nào được phê duyệt' })
  async open(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Param('index') index: string,
    @Body() dto: OpenPhaseDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { campaign, warnings } = await this.phases.open(user, id, /^\d{1,4}$/.test(index) ? Number(index) : NaN, dto);
    res.status(201);
    return { ...(await this.query.get(user, campaign.id)), warnings };
  }
}
