import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthUser, ProvinceService } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { Answers } from '../common/answers';
import { UuidParam } from '../common/uuid-param';
import { ProvinceCampaignSummaryDto, ProvinceDistrictsDto } from './province.responses';

/** What a province department (Sở GD&ĐT) reads of its districts; an admin reads the same of their own district. */
@ApiTags('province')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Chưa đăng nhập' })
@ApiForbiddenResponse({ description: 'Chỉ Sở GD&ĐT (các huyện của tỉnh) và lãnh đạo Phòng (huyện của mình)' })
@Controller('province')
export class ProvinceController {
  constructor(private readonly province: ProvinceService) {}

  @Get('districts')
  @Roles('PROVINCE', 'ADMIN')
  @Answers(ProvinceDistrictsDto, 200)
  @ApiOperation({
    summary: 'Các huyện của tỉnh, mỗi huyện với các đợt kế hoạch và số kế hoạch theo trạng thái',
    description: 'Sở GD&ĐT: mọi huyện của tỉnh mình; lãnh đạo Phòng: huyện của mình. Chỉ đọc.',
  })
  districts(@CurrentUser() user: AuthUser) {
    return this.province.districts(user);
  }

  @Get('districts/:districtId/campaigns/:campaignId')
  @Roles('PROVINCE', 'ADMIN')
  @Answers(ProvinceCampaignSummaryDto, 200)
  @ApiNotFoundResponse({ description: 'Không có huyện hoặc đợt kế hoạch này trong phạm vi của người dùng' })
  @ApiOperation({ summary: 'Tình hình một đợt kế hoạch của một huyện: số kế hoạch theo trạng thái, theo cấp học' })
  campaign(
    @CurrentUser() user: AuthUser,
    @UuidParam('districtId') districtId: string,
    @UuidParam('campaignId') campaignId: string,
  ) {
    return this.province.campaignSummary(user, districtId, campaignId);
  }
}
