-- Bulk loads (CSV imports at hundreds of thousands of rows a second) cannot afford a foreign-key check
-- per bar: each one is a SELECT ... FOR KEY SHARE on the symbol. Imports always create the symbol first
-- in the same transaction, and symbols are never deleted while bars exist (no API deletes them), so the
-- application keeps this relation; market_data_ranges keeps its foreign key (one row per interval).
alter table market_data drop constraint market_data_symbol_fkey;
