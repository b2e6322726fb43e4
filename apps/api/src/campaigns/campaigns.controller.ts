import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import {
  type AuthUser,
  CampaignChangesService,
  CampaignFormService,
  CampaignIssuingService,
  CampaignQueriesService,
  campaignCopySchema,
  campaignInputSchema,
  campaignSchoolSchema,
  closeCampaignSchema,
  extendCampaignSchema,
  removeSchoolSchema,
  reminderPreviewSchema,
} from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { UuidParam } from '../common/uuid-param';
import { UsesWorkflows } from '../common/require-dependencies';
import { Answers } from '../common/answers';
import {
  CampaignAuditTrailDto,
  CampaignCatalogueDto,
  CampaignDto,
  CampaignListDto,
  CampaignStateDto,
  ExtendedCampaignDto,
  IssuedCampaignDto,
  PlanRowDto,
  ReminderPreviewDto,
} from './campaigns.responses';

/** How the create, copy and extend answers tell the office of a deadline it may not have meant. */
const DEADLINE_WARNINGS =
  'Kết quả có warnings: danh sách cảnh báo bằng tiếng Việt, rỗng khi không có gì cần lưu ý. Ví dụ: hạn nộp rơi ' +
  'vào ngày nghỉ (thứ Bảy, Chủ nhật, ngày lễ, ngày nghỉ riêng của huyện): hạn vẫn được nhận, nhưng không ai làm ' +
  'việc hôm đó và nhắc "hạn chót là hôm nay" gửi vào ngày làm việc cuối cùng trước đó.';

class CreateCampaignDto extends createZodDto(campaignInputSchema) {}
class CopyCampaignDto extends createZodDto(campaignCopySchema) {}
class AddSchoolDto extends createZodDto(campaignSchoolSchema) {}
class RemoveSchoolDto extends createZodDto(removeSchoolSchema) {}
class CloseCampaignDto extends createZodDto(closeCampaignSchema) {}
class ExtendCampaignDto extends createZodDto(extendCampaignSchema) {}
class ReminderPreviewInputDto extends createZodDto(reminderPreviewSchema) {}

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
@UsesWorkflows()
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignIssuingService,
    private readonly query: CampaignQueriesService,
    private readonly operations: CampaignChangesService,
    private readonly form: CampaignFormService,
  ) {}

  // Before ':id': these two paths are not a campaign's id.
  @Get('catalogue')
  @Answers(CampaignCatalogueDto, 200)
  @ApiOperation({ summary: 'Danh mục các mục kế hoạch và chỉ tiêu (kèm mức của huyện) để chọn khi ban hành đợt' })
  @ApiUnauthorizedResponse({ description: 'Chưa đăng nhập hoặc phiên đã hết hạn' })
  catalogue(@CurrentUser() user: AuthUser) {
    return this.form.catalogue(user);
  }

  @Post('reminder-preview')
  @Answers(ReminderPreviewDto, 200)
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Xem trước các ngày nhắc hạn nộp của một hạn nộp, theo lịch làm việc của huyện (không ghi gì)',
    description:
      'Mỗi mốc nhắc của reminderPolicy.SUBMISSION (mặc định nếu không gửi) rơi vào ngày làm việc nào, bỏ qua ' +
      'thứ Bảy, Chủ nhật, ngày lễ, Tết và ngày nghỉ riêng của huyện, vào giờ gửi nhắc của huyện.',
  })
  @ApiBadRequestResponse({ description: 'Hạn nộp hoặc chính sách nhắc không hợp lệ' })
  previewReminders(@CurrentUser() user: AuthUser, @Body() dto: ReminderPreviewInputDto) {
    return this.form.previewReminders(user, dto);
  }

  @Post()
  @Answers(IssuedCampaignDto, 201, { status: 200, description: 'Đã có đợt với cùng mã và số văn bản: trả lại đợt đó' })
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Ban hành một đợt xây dựng kế hoạch; mở một kế hoạch cho mỗi trường thuộc đối tượng',
    description: DEADLINE_WARNINGS,
  })
  @ApiCreatedResponse({ description: 'Đã tạo (201) hoặc đã có với cùng mã và số văn bản (200)' })
  @ApiBadRequestResponse({ description: 'Thiếu hoặc sai trường dữ liệu, tham chiếu không tồn tại' })
  @ApiForbiddenResponse({ description: 'Chỉ lãnh đạo/văn thư Phòng GD&ĐT được tạo đợt' })
  @ApiConflictResponse({ description: 'Mã đợt đã được dùng cho văn bản khác' })
  async create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateCampaignDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { campaign, created, warnings } = await this.campaigns.create(user, dto);
    res.status(created ? 201 : 200);
    return { ...(await this.query.get(user, campaign.id)), warnings };
  }

  @Get()
  @Answers(CampaignListDto, 200)
  @ApiOperation({ summary: 'Các đợt kế hoạch của huyện' })
  @ApiUnauthorizedResponse({ description: 'Chưa đăng nhập hoặc phiên đã hết hạn' })
  list(@CurrentUser() user: AuthUser) {
    return this.query.list(user);
  }

  @Get(':id')
  @Answers(CampaignDto, 200)
  @ApiOperation({ summary: 'Một đợt kế hoạch, với số kế hoạch theo trạng thái trong phạm vi của người xem' })
  @ApiNotFoundResponse({ description: 'Không có đợt này trong huyện' })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.query.get(user, id);
  }

  @Get(':id/audit')
  @Answers(CampaignAuditTrailDto, 200)
  @ApiOperation({ summary: 'Nhật ký của đợt: ban hành, thêm/rút trường, gia hạn, kết thúc' })
  @ApiNotFoundResponse({ description: 'Không có đợt này trong huyện' })
  audit(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.query.auditTrail(user, id);
  }

  @Post(':id/copy')
  @Answers(IssuedCampaignDto, 201, { status: 200, description: 'Đã có đợt với cùng mã và số văn bản: trả lại đợt đó' })
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Sao chép đợt (ví dụ của năm trước) với mã, số văn bản và các mốc thời gian mới',
    description: DEADLINE_WARNINGS,
  })
  @ApiBadRequestResponse({ description: 'Thiếu hoặc sai trường dữ liệu' })
  @ApiConflictResponse({ description: 'Mã đợt đã được dùng cho văn bản khác' })
  async copy(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: CopyCampaignDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { campaign, created, warnings } = await this.campaigns.copy(user, id, dto);
    res.status(created ? 201 : 200);
    return { ...(await this.query.get(user, campaign.id)), warnings };
  }

  @Post(':id/schools')
  @Answers(PlanRowDto, 201)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Thêm một trường vào đợt đang chạy: mở kế hoạch và workflow của trường' })
  @ApiBadRequestResponse({ description: 'Trường không tồn tại hoặc không thuộc cấp học của đợt' })
  @ApiConflictResponse({ description: 'Đợt đã kết thúc, hoặc trường đã bị rút khỏi đợt' })
  addSchool(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: AddSchoolDto,
    @IdempotencyKey() key: string,
  ) {
    return this.operations.addSchool(user, id, dto.schoolCode, key);
  }

  @Delete(':id/schools/:schoolCode')
  @Answers(PlanRowDto, 200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Rút một trường khỏi đợt đang chạy, kèm lý do; kế hoạch chưa duyệt được đóng' })
  @ApiConflictResponse({ description: 'Đợt đã kết thúc' })
  removeSchool(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Param('schoolCode') schoolCode: string,
    @Body() dto: RemoveSchoolDto,
  ) {
    return this.operations.removeSchool(user, id, schoolCode, dto.reason);
  }

  @Post(':id/deadline')
  @Answers(ExtendedCampaignDto, 200)
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Gia hạn nộp cho cả đợt (các trường chưa có hạn riêng), kèm lý do',
    description: DEADLINE_WARNINGS,
  })
  @ApiConflictResponse({ description: 'Đợt đã kết thúc' })
  extend(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: ExtendCampaignDto,
    @IdempotencyKey() key: string,
  ) {
    return this.operations.extendDeadline(user, id, dto.until, dto.reason, key);
  }

  @Post(':id/close')
  @Answers(CampaignStateDto, 200)
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Kết thúc đợt: các kế hoạch chưa duyệt chuyển sang "đã đóng"' })
  @ApiConflictResponse({ description: 'Đợt đã kết thúc' })
  close(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: CloseCampaignDto,
    @IdempotencyKey() key: string,
  ) {
    return this.operations.close(user, id, dto.reason, key);
  }
}
