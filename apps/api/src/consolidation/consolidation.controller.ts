import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthUser, ConsolidationService } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { Answers } from '../common/answers';
import { UuidParam } from '../common/uuid-param';
import { CampaignConsolidationDto } from './consolidation.responses';

@ApiTags('campaigns')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Chưa đăng nhập hoặc phiên đã hết hạn' })
@Controller('campaigns')
export class ConsolidationController {
  constructor(private readonly consolidation: ConsolidationService) {}

  @Get(':id/consolidation')
  @Answers(CampaignConsolidationDto, 200)
  @Roles('ADMIN', 'REVIEWER', 'PROVINCE')
  @ApiOperation({
    summary: 'Tổng hợp chỉ tiêu của đợt: toàn huyện, theo cấp học, theo cụm, so với mức của văn bản chỉ đạo',
    description:
      'Mỗi chỉ tiêu bắt buộc của đợt: số trường, đã duyệt / chưa duyệt, số trường có mục tiêu, thấp nhất / trung vị / ' +
      'cao nhất, bình quân (gia quyền theo số học sinh hoặc số lớp nếu danh mục quy định) với chỉ tiêu tỷ lệ, tổng với ' +
      'chỉ tiêu số lượng (chỉ so với mức của huyện ở dòng toàn huyện), đạt hay chưa đạt mức của đợt, và các trường có ' +
      'mục tiêu thấp hơn mức (chỉ tiêu tỷ lệ). Số liệu lấy từ phiên bản đã duyệt của kế hoạch; kế hoạch chưa duyệt ' +
      '(bản nháp, đang chờ duyệt) chỉ được đếm là "chưa duyệt". Lãnh đạo Phòng xem toàn huyện; phó trưởng phòng, ' +
      'chuyên viên xem các cấp học, cụm trường được phân công; cán bộ Sở GD&ĐT xem các huyện của tỉnh mình.',
  })
  @ApiForbiddenResponse({ description: 'Chỉ lãnh đạo, chuyên viên Phòng GD&ĐT và cán bộ Sở GD&ĐT' })
  @ApiNotFoundResponse({ description: 'Không có đợt này trong huyện' })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.consolidation.forUser(user, id);
  }
}
