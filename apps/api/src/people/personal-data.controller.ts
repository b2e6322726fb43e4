import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation } from '@nestjs/swagger';
import { type AuthUser, PersonalDataService } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { OfficeApi } from './office-api.decorator';
import { Answers } from '../common/answers';
import { UuidParam } from '../common/uuid-param';
import { ErasureDto, PersonalDataDto } from './district.responses';

/** Personal data (Nghị định 13/2023/NĐ-CP): a person's data exported, and erased once they have left. */
@OfficeApi('district')
@ApiNotFoundResponse({ description: 'Không có người này trong huyện' })
@Roles('ADMIN')
@Controller('users/:id')
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Get('personal-data')
  @Answers(PersonalDataDto, 200)
  @ApiOperation({
    summary:
      'Xuất dữ liệu cá nhân của một người (JSON): hồ sơ, các chức vụ đã giữ, quyết định, góp ý, thao tác, đăng nhập',
    description: 'Mỗi lần xuất được ghi vào nhật ký.',
  })
  export(@CurrentUser() u: AuthUser, @UuidParam('id') id: string) {
    return this.personalData.export(u, id);
  }

  @Post('erase')
  @HttpCode(200)
  @Answers(ErasureDto, 200)
  @ApiConflictResponse({ description: 'Người này vẫn đang làm việc (chưa khoá tài khoản), hoặc đã xoá từ trước' })
  @ApiOperation({
    summary: 'Xoá dữ liệu cá nhân của người đã nghỉ: thay họ tên và e-mail bằng bí danh',
    description:
      'Nhật ký giữ nguyên ý nghĩa (ai, chức vụ gì, làm gì, khi nào) dưới bí danh; quyết định đã ký giữ họ tên và ' +
      'danh nghĩa ký ghi trên quyết định, biên bản họp giữ tên người dự: đó là hồ sơ pháp lý của Phòng.',
  })
  erase(@CurrentUser() u: AuthUser, @UuidParam('id') id: string) {
    return this.personalData.erase(u, id);
  }
}
