import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { CommentsService } from './comments.service';

/** The reviewers' comments on a plan's versions and the school's answers. */
@Module({
  imports: [PlansModule],
  providers: [CommentsService],
  exports: [CommentsService],
})
export class CommentsModule {}
