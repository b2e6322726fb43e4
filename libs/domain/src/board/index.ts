export * from './board-csv';
export * from './board-query';
export * from './board-rows';
export * from './board-sql';
export * from './board.service';
export * from './board-remind.service';
export * from './board.module';
