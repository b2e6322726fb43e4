import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOperation } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { type AuthUser, ClustersService, clusterInputSchema, clusterRenameSchema } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { OfficeApi } from './office-api.decorator';
import { Answers, AnswersNothing } from '../common/answers';
import { UuidParam } from '../common/uuid-param';
import { ClusterDto, ClusterListDto } from './district.responses';

class ClusterInputDto extends createZodDto(clusterInputSchema) {}
class ClusterRenameDto extends createZodDto(clusterRenameSchema) {}

/** The district's clusters of schools (cụm trường), managed by an admin; every change audited. */
@OfficeApi('district')
@Roles('ADMIN')
@Controller('clusters')
export class ClustersController {
  constructor(private readonly clusters: ClustersService) {}

  @Get()
  @Answers(ClusterListDto, 200)
  @ApiOperation({ summary: 'Các cụm trường của huyện, với số trường và số người duyệt của mỗi cụm' })
  list(@CurrentUser() u: AuthUser) {
    return this.clusters.list(u);
  }

  @Post()
  @Answers(ClusterDto, 201)
  @ApiBadRequestResponse({ description: 'Thiếu mã hoặc tên cụm' })
  @ApiConflictResponse({ description: 'Huyện đã có cụm mã này' })
  @ApiOperation({ summary: 'Thêm một cụm trường (mã không đổi về sau; các đợt kế hoạch chọn cụm theo mã)' })
  create(@CurrentUser() u: AuthUser, @Body() dto: ClusterInputDto) {
    return this.clusters.create(u, dto);
  }

  @Patch(':id')
  @Answers(ClusterDto, 200)
  @ApiNotFoundResponse({ description: 'Không có cụm này trong huyện' })
  @ApiBadRequestResponse({ description: 'Tên không hợp lệ' })
  @ApiOperation({ summary: 'Đổi tên cụm (mã giữ nguyên)' })
  rename(@CurrentUser() u: AuthUser, @UuidParam('id') id: string, @Body() dto: ClusterRenameDto) {
    return this.clusters.rename(u, id, dto.name);
  }

  @Delete(':id')
  @HttpCode(204)
  @AnswersNothing('Đã xoá cụm')
  @ApiNotFoundResponse({ description: 'Không có cụm này trong huyện' })
  @ApiConflictResponse({ description: 'Cụm còn trường, hoặc đã có hội nghị duyệt kế hoạch' })
  @ApiOperation({ summary: 'Xoá một cụm không còn trường nào' })
  async remove(@CurrentUser() u: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.clusters.remove(u, id);
  }
}
