import { Module } from '@nestjs/common';
import { DistrictReadAccess } from './district-read-access';
import { ProvinceService } from './province.service';

/** Provinces (Sở GD&ĐT) and who may read a district's summaries: the one access rule that crosses a district. */
@Module({
  providers: [DistrictReadAccess, ProvinceService],
  exports: [DistrictReadAccess, ProvinceService],
})
export class ProvinceModule {}
