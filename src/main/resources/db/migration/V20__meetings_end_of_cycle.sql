-- How a meeting ends (issue 16).
-- The attendance list starts from the invitation answers; the minute taker confirms each line.
alter table minutes_attendance add column confirmed boolean not null default false;

-- A meeting that took place before Tafel, recorded afterwards ("archief"): never any invitations.
alter table meeting add column archive boolean not null default false;
-- Whether invitations go out for this meeting: not for an archived meeting, and not for one published after its
-- start unless the planner chose so.
alter table meeting add column send_invitations boolean not null default true;
