export * from './board-csv';
export * from './board-query';
export * from './board-rows';
export * from './board-sql';
export * from './board.service';
