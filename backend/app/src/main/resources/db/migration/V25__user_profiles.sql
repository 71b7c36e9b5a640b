-- Each user's preferences (issue 21): the name the header shows, the language and the up/down
-- colours the web app switches to on sign-in, and the trading costs a new run starts from (the shape
-- of a run request's costs; has_default_costs false: the run form keeps the market's preset). One
-- row per user, written on the first save; a user without one has every default.
create table user_profiles (
  user_id                  uuid primary key references users (id) on delete cascade,
  display_name             varchar(60),
  language                 varchar(2) check (language in ('ko', 'en')),
  colour_convention        varchar(10) not null default 'auto'
                           check (colour_convention in ('auto', 'red-up', 'green-up')),
  has_default_costs        boolean not null default false,
  cost_preset              varchar(20),
  cost_commission_rate     double precision,
  cost_commission_fixed    double precision,
  cost_commission_minimum  double precision,
  cost_sell_tax_rate       double precision,
  cost_slippage_rate       double precision,
  cost_slippage_ticks      double precision,
  updated_at               timestamptz not null
);
