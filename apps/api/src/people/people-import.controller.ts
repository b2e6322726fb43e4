import { Controller, Get, HttpCode, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  type ApiBodyOptions,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
} from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { type AuthUser, type IncomingFile, PeopleImportService, importApplyQuerySchema } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { OfficeApi } from './office-api.decorator';
import { Answers } from '../common/answers';
import { contentDisposition } from '../common/content-disposition';
import { IMPORT_FIELD, ImportUploadInterceptor } from './import-upload.interceptor';
import { ImportAppliedDto, ImportReportDto } from './people-import.responses';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

class ImportApplyQueryDto extends createZodDto(importApplyQuerySchema) {}

const FILE_BODY: ApiBodyOptions = {
  schema: {
    type: 'object',
    required: [IMPORT_FIELD],
    properties: { [IMPORT_FIELD]: { type: 'string', format: 'binary', description: 'Tệp Excel (.xlsx) theo mẫu' } },
  },
};

/** The district's schools and users from an Excel workbook: the template, the dry run, the apply. Admins only. */
@OfficeApi('import')
@Controller('district-import')
export class PeopleImportController {
  constructor(private readonly imports: PeopleImportService) {}

  @Get('template')
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Tải tệp mẫu (.xlsx): trang Trường, Người dùng, Cụm trường (đã điền các cụm của huyện) và Hướng dẫn',
  })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'Tệp Excel mẫu', schema: { type: 'string', format: 'binary' } })
  async template(@CurrentUser() admin: AuthUser): Promise<StreamableFile> {
    return new StreamableFile(await this.imports.template(admin), {
      type: XLSX,
      disposition: contentDisposition('Mẫu nhập trường và người dùng.xlsx'),
    });
  }

  @Post('check')
  @HttpCode(200)
  @Answers(ImportReportDto, 200)
  @Roles('ADMIN')
  @UseInterceptors(ImportUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiBadRequestResponse({ description: 'Không phải tệp .xlsx, quá dung lượng, giải nén quá lớn hoặc quá nhiều dòng' })
  @ApiOperation({
    summary: 'Kiểm tra thử tệp: liệt kê mọi lỗi theo trang, dòng, cột và những gì sẽ thay đổi; không ghi gì',
  })
  check(@CurrentUser() admin: AuthUser, @UploadedFile() file: IncomingFile | undefined) {
    return this.imports.check(admin, file);
  }

  @Post('apply')
  @HttpCode(200)
  @Answers(ImportAppliedDto, 200)
  @Roles('ADMIN')
  @UseInterceptors(ImportUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiBadRequestResponse({ description: 'Tệp còn lỗi (không ghi gì; errors nêu trang!ô của từng lỗi) hoặc không nhận' })
  @ApiOperation({
    summary:
      'Nhập tệp: tạo hoặc cập nhật cụm, trường, người dùng theo mã trường và e-mail; nhập lại không tạo bản trùng',
    description:
      'Tệp được kiểm tra lại toàn bộ; còn một lỗi là không ghi gì. Người dùng mới chưa có mật khẩu dùng được; ' +
      'invite=true gửi thư mời đặt mật khẩu cho từng người mới.',
  })
  apply(
    @CurrentUser() admin: AuthUser,
    @UploadedFile() file: IncomingFile | undefined,
    @Query() q: ImportApplyQueryDto,
  ) {
    return this.imports.apply(admin, file, { invite: q.invite });
  }
}
