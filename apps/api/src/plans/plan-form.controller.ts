import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, PlanFormService, PlansService } from '@duyet/domain';
import { CurrentUser } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import { Answers } from '../common/answers';
import { PlanFormDto } from './plans.responses';

@ApiTags('plans')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Kế hoạch ngoài phạm vi của người dùng' })
@ApiNotFoundResponse({ description: 'Không có kế hoạch này trong huyện' })
@Controller('plans')
export class PlanFormController {
  constructor(
    private readonly plans: PlansService,
    private readonly forms: PlanFormService,
  ) {}

  @Get(':id/form')
  @Answers(PlanFormDto, 200)
  @ApiOperation({
    summary:
      'Khung soạn kế hoạch: văn bản chỉ đạo (số, trích yếu, căn cứ, hạn nộp, số bản giấy, người nhận), các mục ' +
      'và chỉ tiêu của cấp học (kèm mức của huyện), hạn đang áp dụng theo ngày làm việc',
  })
  async form(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    await this.plans.load(user, id);
    return this.forms.form(id);
  }
}
