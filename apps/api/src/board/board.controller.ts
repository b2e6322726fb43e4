import { Controller, Get, HttpCode, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  type AuthUser,
  BoardRemindService,
  BoardService,
  ClockService,
  boardCsvStream,
  boardFilterSchema,
  boardQuerySchema,
  failedEmailsQuerySchema,
  formatVnDate,
  remindFilterSchema,
} from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { contentDisposition } from '../common/content-disposition';
import { Answers } from '../common/answers';
import { BoardPageDto, FailedEmailPageDto, RemindNowResultDto } from './board.responses';

class BoardQueryDto extends createZodDto(boardQuerySchema) {}
class BoardFilterDto extends createZodDto(boardFilterSchema) {}
class RemindFilterDto extends createZodDto(remindFilterSchema) {}
class FailedEmailsQueryDto extends createZodDto(failedEmailsQuerySchema) {}

@ApiTags('board')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Chưa đăng nhập' })
@ApiForbiddenResponse({ description: 'Chỉ lãnh đạo và chuyên viên Phòng GD&ĐT được xem bảng theo dõi' })
@ApiBadRequestResponse({ description: 'Tham số lọc không hợp lệ, nêu rõ tham số sai' })
@Controller('board')
export class BoardController {
  constructor(
    private readonly board: BoardService,
    private readonly clock: ClockService,
    private readonly remind: BoardRemindService,
  ) {}

  @Post('remind')
  @Answers(RemindNowResultDto, 200)
  @HttpCode(200)
  @Roles('ADMIN', 'REVIEWER')
  @ApiOperation({
    summary: 'Nhắc ngay các trường chưa nộp trong bộ lọc (mỗi người nhận tối đa một thư nhắc mỗi ngày)',
    description:
      'Cùng tham số lọc như bảng theo dõi (planIds: chỉ các kế hoạch đã chọn trong bộ lọc); chỉ các kế hoạch ' +
      'đang chờ nhà trường, trong phạm vi người dùng. ' +
      'Mỗi hiệu trưởng nhận một thư liệt kê mọi kế hoạch của trường trong bộ lọc, dù thuộc nhiều đợt. ' +
      'Kết quả: plans (số kế hoạch), campaigns (số đợt), emails (số thư gửi đi), alreadyRemindedToday (kế hoạch ' +
      'đã được nhắc hôm nay, không gửi lại), notRemindedToday (kế hoạch của người đã nhận thư nhắc hôm nay mà thư ' +
      'đó chưa nêu: không gửi thư thứ hai trong ngày, nên chưa được nhắc; nhắc lại vào ngày mai).',
  })
  remindNow(@CurrentUser() user: AuthUser, @Query() q: RemindFilterDto) {
    return this.remind.remindNow(user, q);
  }

  @Get('remind/preview')
  @Answers(RemindNowResultDto, 200)
  @Roles('ADMIN', 'REVIEWER')
  @ApiOperation({
    summary: 'Xem trước "Nhắc ngay": bao nhiêu thư sẽ gửi đi, cho bao nhiêu kế hoạch; không gửi gì',
    description:
      'Cùng tham số với POST /board/remind (bộ lọc của bảng, planIds nếu chỉ nhắc các kế hoạch đã chọn) và cùng ' +
      'kết quả: emails là số người sẽ nhận thư nếu gửi ngay bây giờ.',
  })
  previewRemind(@CurrentUser() user: AuthUser, @Query() q: RemindFilterDto) {
    return this.remind.preview(user, q);
  }

  @Get()
  @Answers(BoardPageDto, 200)
  @Roles('ADMIN', 'REVIEWER', 'CLERK')
  @ApiOperation({
    summary: 'Bảng theo dõi quá hạn: kế hoạch theo trạng thái, cấp học, cụm, trường; có lọc, sắp xếp, phân trang',
    description:
      'Lãnh đạo Phòng và văn thư xem toàn huyện; chuyên viên, phó trưởng phòng xem các cấp học, cụm trường được phân công. ' +
      'Kèm tổng hợp theo trạng thái và số kế hoạch quá hạn của cùng bộ lọc. daysOverdue là số ngày làm việc ' +
      'đã quá hạn (không tính thứ Bảy, Chủ nhật, ngày lễ và ngày nghỉ của huyện), đếm như thư nhắc hạn; ' +
      'daysInState là số ngày (theo lịch) ở trạng thái hiện tại.',
  })
  list(@CurrentUser() user: AuthUser, @Query() q: BoardQueryDto) {
    return this.board.list(user, q);
  }

  @Get('export.csv')
  @Roles('ADMIN', 'REVIEWER', 'CLERK')
  @ApiOperation({
    summary: 'Xuất bảng theo dõi ra tệp CSV (mở được bằng Excel, giữ nguyên tiếng Việt), cùng bộ lọc, không phân trang',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'Tệp CSV UTF-8 có BOM, dòng kết thúc CRLF',
    schema: { type: 'string', format: 'binary' },
  })
  exportCsv(@CurrentUser() user: AuthUser, @Query() q: BoardFilterDto): StreamableFile {
    const batches = this.board.exportBatches(user, q);
    const fileName = `Theo dõi kế hoạch ${formatVnDate(this.clock.now()).replaceAll('/', '-')}.csv`;
    return new StreamableFile(boardCsvStream(batches), {
      type: 'text/csv; charset=utf-8',
      disposition: contentDisposition(fileName),
    });
  }

  @Get('failed-emails')
  @Answers(FailedEmailPageDto, 200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Các thư đã gửi lại hết số lần mà vẫn không đi được, để lãnh đạo Phòng xử lý' })
  @ApiForbiddenResponse({ description: 'Chỉ lãnh đạo Phòng GD&ĐT' })
  failedEmails(@CurrentUser() user: AuthUser, @Query() q: FailedEmailsQueryDto) {
    return this.board.failedEmails(user, q);
  }
}
