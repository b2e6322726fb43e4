import { Body, Controller, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOperation } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  type AuthUser,
  ReviewScopeService,
  UsersService,
  reviewScopeSchema,
  userChangeSchema,
  userDeactivateSchema,
  userInputSchema,
  userListQuerySchema,
} from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { OfficeApi } from './office-api.decorator';
import { Answers } from '../common/answers';
import { UuidParam } from '../common/uuid-param';
import { ReviewScopeDto, UserChangeDto, UserDto, UserPageDto } from './district.responses';

class UserInputDto extends createZodDto(userInputSchema) {}
class UserChangeInputDto extends createZodDto(userChangeSchema) {}
class UserDeactivateDto extends createZodDto(userDeactivateSchema) {}
class UserListQueryDto extends createZodDto(userListQuerySchema) {}
class ReviewScopeInputDto extends createZodDto(reviewScopeSchema) {}

const SAFETY = 'Tự khoá hoặc tự bỏ chức vụ trưởng phòng; bỏ trưởng phòng cuối cùng đang làm việc';

/** The district's people, managed by an admin: every change audited; the last head and the admin's own access kept. */
@OfficeApi('district')
@ApiBadRequestResponse({ description: 'Dữ liệu không hợp lệ, nêu rõ trường sai' })
@Roles('ADMIN')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly scopes: ReviewScopeService,
  ) {}

  @Get()
  @Answers(UserPageDto, 200)
  @ApiOperation({ summary: 'Người dùng của huyện (lọc theo chức vụ, trường, đang hoạt động), theo tên' })
  list(@CurrentUser() u: AuthUser, @Query() q: UserListQueryDto) {
    return this.users.list(u, q);
  }

  @Get(':id')
  @Answers(UserDto, 200)
  @ApiNotFoundResponse({ description: 'Không có người này trong huyện' })
  @ApiOperation({ summary: 'Một người dùng, với trường và phạm vi duyệt' })
  get(@CurrentUser() u: AuthUser, @UuidParam('id') id: string) {
    return this.users.get(u, id);
  }

  @Post()
  @Answers(UserChangeDto, 201)
  @ApiConflictResponse({ description: 'E-mail đã có tài khoản, hoặc trường đã đóng' })
  @ApiOperation({
    summary: 'Thêm một người (chức vụ, dạng quyền, trường); invite=true gửi ngay thư mời đặt mật khẩu',
    description: 'Tài khoản mới chưa có mật khẩu: người đó đặt mật khẩu từ thư mời (72 giờ).',
  })
  create(@CurrentUser() u: AuthUser, @Body() dto: UserInputDto) {
    return this.users.create(u, dto);
  }

  @Patch(':id')
  @Answers(UserChangeDto, 200)
  @ApiNotFoundResponse({ description: 'Không có người này (hoặc người kế nhiệm) trong huyện' })
  @ApiConflictResponse({ description: SAFETY })
  @ApiOperation({
    summary: 'Sửa họ tên, chức danh, chức vụ, dạng quyền hoặc trường của một người',
    description:
      'Hiệu trưởng rời trường (chuyển trường, đổi chức vụ) bàn giao các kế hoạch đang mở của trường: cho ' +
      'successorId (người này trở thành hiệu trưởng của trường), hoặc để lãnh đạo Phòng giao sau. Vai trò luôn theo chức vụ.',
  })
  change(@CurrentUser() u: AuthUser, @UuidParam('id') id: string, @Body() dto: UserChangeInputDto) {
    return this.users.change(u, id, dto);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Answers(UserChangeDto, 200)
  @ApiNotFoundResponse({ description: 'Không có người này trong huyện' })
  @ApiConflictResponse({ description: `${SAFETY}; tài khoản đã ngừng hoạt động` })
  @ApiOperation({
    summary: 'Khoá tài khoản: mọi phiên đăng nhập của người đó kết thúc ngay',
    description: 'Hiệu trưởng bị khoá tài khoản bàn giao kế hoạch đang mở của trường như khi chuyển trường.',
  })
  deactivate(@CurrentUser() u: AuthUser, @UuidParam('id') id: string, @Body() dto: UserDeactivateDto) {
    return this.users.deactivate(u, id, dto);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @Answers(UserChangeDto, 200)
  @ApiNotFoundResponse({ description: 'Không có người này trong huyện' })
  @ApiConflictResponse({ description: 'Tài khoản đang hoạt động, hoặc dữ liệu đã bị xoá' })
  @ApiOperation({ summary: 'Mở lại tài khoản đã khoá' })
  reactivate(@CurrentUser() u: AuthUser, @UuidParam('id') id: string) {
    return this.users.reactivate(u, id);
  }

  @Get(':id/review-scope')
  @Answers(ReviewScopeDto, 200)
  @ApiNotFoundResponse({ description: 'Không có người này trong huyện' })
  @ApiOperation({ summary: 'Cấp học và cụm trường người duyệt phụ trách' })
  reviewScope(@CurrentUser() u: AuthUser, @UuidParam('id') id: string) {
    return this.scopes.get(u, id);
  }

  @Put(':id/review-scope')
  @Answers(ReviewScopeDto, 200)
  @ApiNotFoundResponse({ description: 'Không có người này trong huyện' })
  @ApiOperation({ summary: 'Thay toàn bộ cấp học và cụm trường một phó trưởng phòng hoặc chuyên viên phụ trách' })
  replaceReviewScope(@CurrentUser() u: AuthUser, @UuidParam('id') id: string, @Body() dto: ReviewScopeInputDto) {
    return this.scopes.replace(u, id, dto);
  }
}
