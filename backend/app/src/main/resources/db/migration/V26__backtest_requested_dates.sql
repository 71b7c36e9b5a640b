-- A run's dates are clipped to the bars it can read (issue 21): start_date and end_date now hold the
-- first and last day of data the run covers, and these hold the range the user asked for, so the
-- run page can say "asked for 1990-01-01 to 2030-12-31, ran on the data's 2004-08-19 to 2013-03-01".
-- Null in runs stored before, whose start_date and end_date are what they asked for.
alter table backtests add column requested_start_date date;
alter table backtests add column requested_end_date date;
