import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOperation } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  type AuthUser,
  SchoolsService,
  schoolChangeSchema,
  schoolCloseSchema,
  schoolInputSchema,
  schoolListQuerySchema,
} from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { OfficeApi } from './office-api.decorator';
import { Answers } from '../common/answers';
import { UuidParam } from '../common/uuid-param';
import { SchoolDto, SchoolListDto } from './district.responses';

class SchoolInputDto extends createZodDto(schoolInputSchema) {}
class SchoolChangeDto extends createZodDto(schoolChangeSchema) {}
class SchoolListQueryDto extends createZodDto(schoolListQuerySchema) {}
class SchoolCloseDto extends createZodDto(schoolCloseSchema) {}

/** The district's schools, managed by an admin; every change audited with its before and after. */
@OfficeApi('district')
@ApiBadRequestResponse({ description: 'Dữ liệu không hợp lệ, nêu rõ trường sai' })
@Roles('ADMIN')
@Controller('schools')
export class SchoolsController {
  constructor(private readonly schools: SchoolsService) {}

  @Get()
  @Answers(SchoolListDto, 200)
  @ApiOperation({ summary: 'Các trường của huyện (lọc theo cấp học, cụm, đã đóng hay chưa)' })
  list(@CurrentUser() u: AuthUser, @Query() q: SchoolListQueryDto) {
    return this.schools.list(u, q);
  }

  @Post()
  @Answers(SchoolDto, 201)
  @ApiConflictResponse({ description: 'Huyện đã có trường mã này' })
  @ApiOperation({ summary: 'Thêm một trường (mã, tên, cấp học, cụm, xã/phường, số học sinh)' })
  create(@CurrentUser() u: AuthUser, @Body() dto: SchoolInputDto) {
    return this.schools.create(u, dto);
  }

  @Patch(':id')
  @Answers(SchoolDto, 200)
  @ApiNotFoundResponse({ description: 'Không có trường này trong huyện' })
  @ApiOperation({
    summary: 'Sửa tên, cấp học, cụm, xã/phường hoặc số học sinh của trường (mã giữ nguyên)',
    description: 'Kế hoạch đang làm của trường giữ nguyên; các đợt sau dùng cấp học và cụm mới.',
  })
  change(@CurrentUser() u: AuthUser, @UuidParam('id') id: string, @Body() dto: SchoolChangeDto) {
    return this.schools.change(u, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Answers(SchoolDto, 200)
  @ApiNotFoundResponse({ description: 'Không có trường này trong huyện' })
  @ApiConflictResponse({ description: 'Trường đã đóng từ trước' })
  @ApiOperation({
    summary: 'Đóng trường (sáp nhập, giải thể), kèm lý do',
    description: 'Trường đã đóng không được giao kế hoạch trong đợt mới; kế hoạch đã có vẫn xem được như cũ.',
  })
  close(@CurrentUser() u: AuthUser, @UuidParam('id') id: string, @Body() dto: SchoolCloseDto) {
    return this.schools.close(u, id, dto.reason);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Answers(SchoolDto, 200)
  @ApiNotFoundResponse({ description: 'Không có trường này trong huyện' })
  @ApiConflictResponse({ description: 'Trường đang hoạt động' })
  @ApiOperation({ summary: 'Mở lại một trường đã đóng' })
  reopen(@CurrentUser() u: AuthUser, @UuidParam('id') id: string) {
    return this.schools.reopen(u, id);
  }
}
