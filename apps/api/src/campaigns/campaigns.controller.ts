import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { type AuthUser, CampaignsService, campaignInputSchema } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import { CampaignsQueryService } from './campaigns-query.service';

class CreateCampaignDto extends createZodDto(campaignInputSchema) {}

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly query: CampaignsQueryService,
  ) {}

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Ban hành một đợt xây dựng kế hoạch; mở một kế hoạch cho mỗi trường thuộc đối tượng' })
  @ApiCreatedResponse({ description: 'Đã tạo (201) hoặc đã có với cùng mã và số văn bản (200)' })
  @ApiBadRequestResponse({ description: 'Thiếu hoặc sai trường dữ liệu, tham chiếu không tồn tại' })
  @ApiForbiddenResponse({ description: 'Chỉ lãnh đạo/văn thư Phòng GD&ĐT được tạo đợt' })
  @ApiConflictResponse({ description: 'Mã đợt đã được dùng cho văn bản khác' })
  async create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateCampaignDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { campaign, created } = await this.campaigns.create(user, dto);
    res.status(created ? 201 : 200);
    return this.query.get(user, campaign.id);
  }

  @Get()
  @ApiOperation({ summary: 'Các đợt kế hoạch của huyện' })
  list(@CurrentUser() user: AuthUser) {
    return this.query.list(user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một đợt kế hoạch, với số kế hoạch theo trạng thái trong phạm vi của người xem' })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.query.get(user, id);
  }
}
