-- The admin-at-scale data set (issue 7), for bench/admin-scale/seed.sh: keys, users, teams, organizations, budgets, end
-- users and tags, SpendLogs rows over the last :days days, and the Daily*Spend aggregates with their key-free rollup
-- (LiteLLM_DailyGlobalSpend) computed from those rows (so every figure the admin pages show agrees whichever table it comes
-- from), then the spend counters of keys, users, teams, organizations, end users and tags. Everything is generated in the database (generate_series); ids start with "scale-" so
-- they cannot be mistaken for real ones; the scale_* temporary tables hold the draws and go with the session. Deterministic:
-- setseed fixes the random draws (times are relative to now()).
--
-- psql variables (seed.sh sets them): keys, teams, users, orgs, logs, days, end_users.

\set ON_ERROR_STOP on
SET TIME ZONE 'UTC';
SELECT setseed(0.42);

BEGIN;
-- A fresh start: seed.sh runs this only on a database that holds nothing else than an earlier seed.
TRUNCATE "LiteLLM_SpendLogs", "LiteLLM_DailyUserSpend", "LiteLLM_DailyTeamSpend", "LiteLLM_DailyOrganizationSpend",
    "LiteLLM_DailyEndUserSpend", "LiteLLM_DailyTagSpend", "LiteLLM_DailyGlobalSpend", "LiteLLM_VerificationToken",
    "LiteLLM_TeamMembership", "LiteLLM_OrganizationMembership", "LiteLLM_UserTable", "LiteLLM_TeamTable", "LiteLLM_EndUserTable",
    "LiteLLM_TagTable", "LiteLLM_OrganizationTable", "LiteLLM_BudgetTable";

-- Models: name, provider, prices per token, and whether it is an embedding model.
CREATE TEMP TABLE scale_models (idx int PRIMARY KEY, model text, provider text, api_base text, in_cost float8, out_cost float8, embedding bool);
INSERT INTO scale_models VALUES
  (0, 'gpt-4o', 'openai', 'https://api.openai.com/v1', 2.5e-6, 1.0e-5, false),
  (1, 'gpt-4o-mini', 'openai', 'https://api.openai.com/v1', 1.5e-7, 6.0e-7, false),
  (2, 'gpt-4.1', 'openai', 'https://api.openai.com/v1', 2.0e-6, 8.0e-6, false),
  (3, 'gpt-4.1-mini', 'openai', 'https://api.openai.com/v1', 4.0e-7, 1.6e-6, false),
  (4, 'o3-mini', 'openai', 'https://api.openai.com/v1', 1.1e-6, 4.4e-6, false),
  (5, 'claude-3-5-sonnet-20241022', 'anthropic', 'https://api.anthropic.com', 3.0e-6, 1.5e-5, false),
  (6, 'claude-3-5-haiku-20241022', 'anthropic', 'https://api.anthropic.com', 8.0e-7, 4.0e-6, false),
  (7, 'claude-3-opus-20240229', 'anthropic', 'https://api.anthropic.com', 1.5e-5, 7.5e-5, false),
  (8, 'gemini-1.5-pro', 'gemini', 'https://generativelanguage.googleapis.com', 1.25e-6, 5.0e-6, false),
  (9, 'gemini-1.5-flash', 'gemini', 'https://generativelanguage.googleapis.com', 7.5e-8, 3.0e-7, false),
  (10, 'gemini-2.0-flash', 'gemini', 'https://generativelanguage.googleapis.com', 1.0e-7, 4.0e-7, false),
  (11, 'mistral-large-latest', 'mistral', 'https://api.mistral.ai/v1', 2.0e-6, 6.0e-6, false),
  (12, 'mistral-small-latest', 'mistral', 'https://api.mistral.ai/v1', 2.0e-7, 6.0e-7, false),
  (13, 'command-r-plus', 'cohere', 'https://api.cohere.ai', 2.5e-6, 1.0e-5, false),
  (14, 'llama-3.1-70b-versatile', 'groq', 'https://api.groq.com/openai/v1', 5.9e-7, 7.9e-7, false),
  (15, 'llama-3.1-8b-instant', 'groq', 'https://api.groq.com/openai/v1', 5.0e-8, 8.0e-8, false),
  (16, 'deepseek-chat', 'deepseek', 'https://api.deepseek.com', 2.7e-7, 1.1e-6, false),
  (17, 'anthropic.claude-3-5-sonnet-20240620-v1:0', 'bedrock', 'https://bedrock-runtime.us-east-1.amazonaws.com', 3.0e-6, 1.5e-5, false),
  (18, 'text-embedding-3-small', 'openai', 'https://api.openai.com/v1', 2.0e-8, 0, true),
  (19, 'text-embedding-3-large', 'openai', 'https://api.openai.com/v1', 1.3e-7, 0, true);

CREATE TEMP TABLE scale_tags (idx int PRIMARY KEY, tag text);
INSERT INTO scale_tags VALUES (0, 'prod'), (1, 'staging'), (2, 'batch'), (3, 'chatbot'), (4, 'search'), (5, 'summarize'),
  (6, 'eval'), (7, 'internal'), (8, 'customer-facing'), (9, 'experiment');

-- Budgets: 20 shared ones (keys, end users, tags point at them) and one per organization (LiteLLM requires it).
INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, soft_budget, tpm_limit, rpm_limit, budget_duration, budget_reset_at,
    created_at, created_by, updated_at, updated_by)
SELECT 'scale-budget-' || lpad(b::text, 2, '0'), 50.0 * b, 40.0 * b, 100000 * b, 100 * b,
    (ARRAY['1d', '7d', '30d', '1mo'])[1 + b % 4], now() + (1 + b % 28) * interval '1 day',
    now() - interval '200 days', 'scale-user-0001', now() - interval '200 days', 'scale-user-0001'
FROM generate_series(1, 20) b;
INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, budget_duration, budget_reset_at, created_at, created_by, updated_at, updated_by)
SELECT 'scale-org-budget-' || o, 10000.0 * o, '30d', now() + interval '12 days', now() - interval '200 days', 'scale-user-0001',
    now() - interval '200 days', 'scale-user-0001'
FROM generate_series(1, :orgs) o;

INSERT INTO "LiteLLM_OrganizationTable" (organization_id, organization_alias, budget_id, metadata, models, created_at, created_by, updated_at, updated_by)
SELECT 'scale-org-' || o, 'Organization ' || o, 'scale-org-budget-' || o, jsonb_build_object('cost_center', 'CC-' || (1000 + o)),
    ARRAY[]::text[], now() - interval '200 days', 'scale-user-0001', now() - interval '200 days', 'scale-user-0001'
FROM generate_series(1, :orgs) o;

-- Users: user u is in team ((u - 1) % teams) + 1; the first user of each team is its admin; five proxy admins, some viewers.
CREATE TEMP TABLE scale_users AS
SELECT u, 'scale-user-' || lpad(u::text, 4, '0') AS user_id, ((u - 1) % :teams) + 1 AS team
FROM generate_series(1, :users) u;

-- Teams: four in five belong to an organization; members_with_roles lists the team's users.
INSERT INTO "LiteLLM_TeamTable" (team_id, team_alias, organization_id, admins, members, members_with_roles, metadata, max_budget,
    spend, models, tpm_limit, rpm_limit, budget_duration, budget_reset_at, blocked, created_at, updated_at)
SELECT 'scale-team-' || lpad(t::text, 2, '0'),
    (ARRAY['platform', 'search', 'support', 'growth', 'data', 'ml', 'mobile', 'web', 'infra', 'security'])[1 + t % 10] || '-' || lpad(t::text, 2, '0'),
    CASE WHEN t % 5 = 0 THEN NULL ELSE 'scale-org-' || (1 + t % :orgs) END,
    ARRAY[]::text[], ARRAY[]::text[],
    (SELECT jsonb_agg(jsonb_build_object('role', CASE WHEN su.u <= :teams THEN 'admin' ELSE 'user' END, 'user_id', su.user_id,
        'user_email', 'user' || lpad(su.u::text, 4, '0') || '@example.com') ORDER BY su.u)
     FROM scale_users su WHERE su.team = t),
    jsonb_build_object('department', 'dept-' || (1 + t % 7)),
    CASE WHEN t % 3 = 0 THEN 5000.0 ELSE NULL END, 0, ARRAY[]::text[], 1000000, 1000,
    CASE WHEN t % 3 = 0 THEN '30d' ELSE NULL END, CASE WHEN t % 3 = 0 THEN now() + interval '9 days' ELSE NULL END,
    false, now() - interval '190 days' + t * interval '1 hour', now() - interval '10 days'
FROM generate_series(1, :teams) t;

INSERT INTO "LiteLLM_UserTable" (user_id, user_alias, team_id, organization_id, teams, user_role, max_budget, spend, user_email,
    models, metadata, budget_duration, budget_reset_at, created_at, updated_at)
SELECT su.user_id, 'User ' || su.u, NULL, t.organization_id, ARRAY[t.team_id],
    CASE WHEN su.u <= 5 THEN 'proxy_admin' WHEN su.u % 25 = 0 THEN 'internal_user_viewer' ELSE 'internal_user' END,
    CASE WHEN su.u % 4 = 0 THEN 100.0 ELSE NULL END, 0, 'user' || lpad(su.u::text, 4, '0') || '@example.com',
    ARRAY[]::text[], jsonb_build_object('location', (ARRAY['berlin', 'london', 'nyc', 'sf', 'tokyo'])[1 + su.u % 5]),
    CASE WHEN su.u % 4 = 0 THEN '30d' ELSE NULL END, CASE WHEN su.u % 4 = 0 THEN now() + interval '5 days' ELSE NULL END,
    now() - interval '185 days' + su.u * interval '5 minutes', now() - interval '3 days'
FROM scale_users su JOIN "LiteLLM_TeamTable" t ON t.team_id = 'scale-team-' || lpad(su.team::text, 2, '0');

INSERT INTO "LiteLLM_TeamMembership" (user_id, team_id, spend, total_spend, budget_id)
SELECT su.user_id, 'scale-team-' || lpad(su.team::text, 2, '0'), 0, 0, CASE WHEN su.u % 10 = 0 THEN 'scale-budget-01' ELSE NULL END
FROM scale_users su;

INSERT INTO "LiteLLM_OrganizationMembership" (user_id, organization_id, user_role, spend, created_at, updated_at)
SELECT u.user_id, u.organization_id, CASE WHEN su.u <= :teams THEN 'org_admin' ELSE 'internal_user' END, 0, now() - interval '180 days', now()
FROM "LiteLLM_UserTable" u JOIN scale_users su ON su.user_id = u.user_id
WHERE u.organization_id IS NOT NULL;

-- Keys: key k belongs to user ((k - 1) % users) + 1 and, six in seven, to that user's team (and its organization). The
-- plaintext key is sk-scale-<k>; the row keeps its SHA-256, as the proxy does. Created over the last 180 days, in order.
CREATE TEMP TABLE scale_keys AS
SELECT k,
    encode(sha256(convert_to('sk-scale-' || lpad(k::text, 5, '0'), 'UTF8')), 'hex') AS token,
    'sk-...' || right(lpad(k::text, 5, '0'), 4) AS key_name,
    (ARRAY['svc', 'app', 'batch', 'notebook', 'ci'])[1 + k % 5] || '-' || lpad(k::text, 5, '0') AS key_alias,
    su.user_id,
    CASE WHEN k % 7 = 3 THEN NULL ELSE t.team_id END AS team_id,
    CASE WHEN k % 7 = 3 THEN NULL ELSE t.organization_id END AS organization_id,
    (k * 13) % 20 AS primary_model
FROM generate_series(1, :keys) k
JOIN scale_users su ON su.u = ((k - 1) % :users) + 1
JOIN "LiteLLM_TeamTable" t ON t.team_id = 'scale-team-' || lpad(su.team::text, 2, '0');
ALTER TABLE scale_keys ADD PRIMARY KEY (k);

INSERT INTO "LiteLLM_VerificationToken" (token, key_name, key_alias, spend, expires, models, user_id, team_id, metadata, blocked,
    tpm_limit, rpm_limit, max_budget, budget_duration, budget_reset_at, budget_id, organization_id, created_at, created_by,
    updated_at, updated_by, key_type)
SELECT sk.token, sk.key_name, sk.key_alias, 0,
    CASE WHEN sk.k % 7 = 0 THEN now() + interval '60 days' ELSE NULL END,
    CASE WHEN sk.k % 4 = 0 THEN ARRAY[m.model] ELSE ARRAY[]::text[] END,
    sk.user_id, sk.team_id,
    jsonb_build_object('env', (ARRAY['prod', 'staging', 'dev'])[1 + sk.k % 3], 'owner', sk.user_id, 'ticket', 'OPS-' || (1000 + sk.k % 900)),
    CASE WHEN sk.k % 97 = 0 THEN true ELSE NULL END,
    CASE WHEN sk.k % 5 = 0 THEN 200000 ELSE NULL END, CASE WHEN sk.k % 5 = 0 THEN 600 ELSE NULL END,
    CASE WHEN sk.k % 3 = 0 THEN 25.0 * (1 + sk.k % 8) ELSE NULL END,
    CASE WHEN sk.k % 3 = 0 THEN '30d' ELSE NULL END, CASE WHEN sk.k % 3 = 0 THEN now() + (1 + sk.k % 30) * interval '1 day' ELSE NULL END,
    CASE WHEN sk.k % 11 = 0 THEN 'scale-budget-' || lpad((1 + sk.k % 20)::text, 2, '0') ELSE NULL END,
    sk.organization_id,
    now() - interval '180 days' + (sk.k::float8 / :keys) * interval '179 days', sk.user_id,
    now() - interval '180 days' + (sk.k::float8 / :keys) * interval '179 days', sk.user_id,
    'llm_api'
FROM scale_keys sk JOIN scale_models m ON m.idx = sk.primary_model;

INSERT INTO "LiteLLM_EndUserTable" (user_id, alias, spend, allowed_model_region, default_model, budget_id, blocked)
SELECT 'scale-customer-' || lpad(e::text, 4, '0'), 'Customer ' || e, 0, CASE WHEN e % 2 = 0 THEN 'eu' ELSE 'us' END, NULL,
    CASE WHEN e % 10 = 0 THEN 'scale-budget-' || lpad((1 + e % 20)::text, 2, '0') ELSE NULL END, e % 101 = 0
FROM generate_series(1, :end_users) e;

INSERT INTO "LiteLLM_TagTable" (tag_name, description, models, spend, budget_id, created_at, created_by, updated_at)
SELECT tag, 'Requests tagged ' || tag, ARRAY[]::text[], 0, CASE WHEN idx % 3 = 0 THEN 'scale-budget-' || lpad((idx + 1)::text, 2, '0') ELSE NULL END,
    now() - interval '150 days', 'scale-user-0001', now() - interval '150 days'
FROM scale_tags;

COMMIT;

-- SpendLogs: traffic is skewed (a tenth of the keys make about half of the requests), each key mostly uses its own model,
-- the last days are busier than the first, 3 % of requests fail (no tokens, no spend), 2 % are cache hits (no spend), a
-- third name a customer, most carry one or two tags.
BEGIN;
CREATE TEMP TABLE scale_draws AS
SELECT i,
    1 + (floor(:keys * power(random(), 3))::int * 7919) % :keys AS k,
    random() AS r_model, random() AS r_model_pick, random() AS r_time, random() AS r_status, random() AS r_prompt,
    random() AS r_completion, random() AS r_customer, random() AS r_customer_pick, random() AS r_tags, random() AS r_tag1,
    random() AS r_tag2, random() AS r_duration, random() AS r_cache
FROM generate_series(1, :logs) i;

INSERT INTO "LiteLLM_SpendLogs" (request_id, call_type, api_key, spend, total_tokens, prompt_tokens, completion_tokens, "startTime",
    "endTime", request_duration_ms, "completionStartTime", model, model_id, model_group, custom_llm_provider, api_base, "user",
    metadata, cache_hit, cache_key, request_tags, team_id, organization_id, end_user, requester_ip_address, messages, response,
    status, proxy_server_request)
SELECT
    CASE WHEN x.embedding THEN 'emb-' ELSE 'chatcmpl-' END || md5('scale-' || x.i),
    CASE WHEN x.embedding THEN 'aembedding' ELSE 'acompletion' END,
    x.token,
    CASE WHEN x.failed OR x.cache_hit THEN 0 ELSE x.prompt_tokens * x.in_cost + x.completion_tokens * x.out_cost END,
    x.prompt_tokens + x.completion_tokens, x.prompt_tokens, x.completion_tokens,
    x.start_time, x.start_time + x.duration_ms * interval '1 millisecond', x.duration_ms,
    CASE WHEN x.embedding OR x.failed THEN NULL ELSE x.start_time + (x.duration_ms / 4) * interval '1 millisecond' END,
    x.model, 'scale-deployment-' || x.model_idx, x.model, x.provider, x.api_base, x.user_id,
    jsonb_build_object(
        'litellm_call_id', md5('call-' || x.i)::uuid::text,
        'user_api_key', x.token, 'user_api_key_alias', x.key_alias, 'user_api_key_team_id', x.team_id,
        'user_api_key_org_id', x.organization_id, 'user_api_key_user_id', x.user_id, 'user_api_key_end_user_id', x.end_user,
        'additional_usage_values', jsonb_build_object('cache_read_input_tokens', x.cache_read, 'cache_creation_input_tokens', 0, 'reasoning_tokens', 0))
      || CASE WHEN x.failed THEN jsonb_build_object('error_information', jsonb_build_object('error_code', '429', 'error_class', 'RateLimitError',
            'llm_provider', x.provider, 'error_message', 'litellm.RateLimitError: ' || x.provider || ' rate limit reached')) ELSE '{}'::jsonb END,
    CASE WHEN x.cache_hit THEN 'True' ELSE 'False' END, '',
    x.tags, x.team_id, x.organization_id, x.end_user, '10.0.' || (x.k % 250) || '.' || (1 + x.i % 250),
    '{}'::jsonb, '{}'::jsonb,
    CASE WHEN x.failed THEN 'failure' ELSE 'success' END, '{}'::jsonb
FROM (
    SELECT d.i, d.k, sk.token, sk.key_alias, sk.user_id, sk.team_id, sk.organization_id, m.idx AS model_idx, m.model, m.provider,
        m.api_base, m.in_cost, m.out_cost, m.embedding,
        (now() AT TIME ZONE 'UTC') - power(d.r_time, 1.3) * (:days * interval '1 day') AS start_time,
        d.r_status < 0.03 AS failed,
        d.r_status >= 0.03 AND d.r_cache < 0.02 AS cache_hit,
        CASE WHEN d.r_status < 0.03 THEN 0 ELSE 50 + floor(power(d.r_prompt, 2) * 4000)::int END AS prompt_tokens,
        CASE WHEN d.r_status < 0.03 OR m.embedding THEN 0 ELSE 10 + floor(power(d.r_completion, 2) * 1000)::int END AS completion_tokens,
        CASE WHEN d.r_status >= 0.03 AND d.r_cache BETWEEN 0.02 AND 0.12 THEN 25 + floor(d.r_prompt * 1000)::int ELSE 0 END AS cache_read,
        200 + floor(power(d.r_duration, 2) * 20000)::int AS duration_ms,
        CASE WHEN d.r_customer < 0.3 THEN 'scale-customer-' || lpad((1 + floor(power(d.r_customer_pick, 2) * :end_users))::int::text, 4, '0') END AS end_user,
        CASE WHEN d.r_tags < 0.3 THEN '[]'::jsonb
             WHEN d.r_tags < 0.8 OR floor(d.r_tag1 * 10) = floor(d.r_tag2 * 10) THEN jsonb_build_array(t1.tag)
             ELSE jsonb_build_array(t1.tag, t2.tag) END AS tags
    FROM scale_draws d
    JOIN scale_keys sk ON sk.k = d.k
    JOIN scale_models m ON m.idx = CASE WHEN d.r_model < 0.7 THEN sk.primary_model ELSE floor(d.r_model_pick * 20)::int END
    JOIN scale_tags t1 ON t1.idx = floor(d.r_tag1 * 10)::int
    JOIN scale_tags t2 ON t2.idx = floor(d.r_tag2 * 10)::int
) x
-- In time order, as the Worker appends them: the table's pages follow startTime, as in a real database.
ORDER BY x.start_time;
COMMIT;

-- The daily aggregates, as the Worker keeps them: one row per (entity, UTC day, key, model, provider, endpoint); every
-- request counts for its user (NULL user included), and for its team, organization, customer and each of its tags when set.
-- Rows are inserted day by day (in random order within a day), as the Worker creates them.
BEGIN;
CREATE TEMP VIEW scale_daily_source AS
SELECT NULLIF(s."user", '') AS user_id, s.team_id, s.organization_id, s.end_user, s.request_tags, s.request_id,
    to_char(s."startTime", 'YYYY-MM-DD') AS date, s.api_key, s.model, s.model_group, s.custom_llm_provider,
    CASE s.call_type WHEN 'aembedding' THEN '/v1/embeddings' ELSE '/v1/chat/completions' END AS endpoint,
    s.prompt_tokens::bigint AS prompt_tokens, s.completion_tokens::bigint AS completion_tokens,
    COALESCE((s.metadata -> 'additional_usage_values' ->> 'cache_read_input_tokens')::bigint, 0) AS cache_read,
    s.spend, s.status
FROM "LiteLLM_SpendLogs" s;

INSERT INTO "LiteLLM_DailyUserSpend" (id, user_id, date, api_key, model, model_group, custom_llm_provider, endpoint, prompt_tokens,
    completion_tokens, cache_read_input_tokens, cache_creation_input_tokens, spend, api_requests, successful_requests, failed_requests,
    created_at, updated_at)
SELECT gen_random_uuid()::text, user_id, date, api_key, model, max(model_group), custom_llm_provider, endpoint, sum(prompt_tokens),
    sum(completion_tokens), sum(cache_read), 0, sum(spend), count(*), count(*) FILTER (WHERE status = 'success'),
    count(*) FILTER (WHERE status <> 'success'), now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
FROM scale_daily_source GROUP BY user_id, date, api_key, model, custom_llm_provider, endpoint
ORDER BY date, 1;

INSERT INTO "LiteLLM_DailyTeamSpend" (id, team_id, date, api_key, model, model_group, custom_llm_provider, endpoint, prompt_tokens,
    completion_tokens, cache_read_input_tokens, cache_creation_input_tokens, spend, api_requests, successful_requests, failed_requests,
    created_at, updated_at)
SELECT gen_random_uuid()::text, team_id, date, api_key, model, max(model_group), custom_llm_provider, endpoint, sum(prompt_tokens),
    sum(completion_tokens), sum(cache_read), 0, sum(spend), count(*), count(*) FILTER (WHERE status = 'success'),
    count(*) FILTER (WHERE status <> 'success'), now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
FROM scale_daily_source WHERE team_id IS NOT NULL GROUP BY team_id, date, api_key, model, custom_llm_provider, endpoint
ORDER BY date, 1;

INSERT INTO "LiteLLM_DailyOrganizationSpend" (id, organization_id, date, api_key, model, model_group, custom_llm_provider, endpoint,
    prompt_tokens, completion_tokens, cache_read_input_tokens, cache_creation_input_tokens, spend, api_requests, successful_requests,
    failed_requests, created_at, updated_at)
SELECT gen_random_uuid()::text, organization_id, date, api_key, model, max(model_group), custom_llm_provider, endpoint, sum(prompt_tokens),
    sum(completion_tokens), sum(cache_read), 0, sum(spend), count(*), count(*) FILTER (WHERE status = 'success'),
    count(*) FILTER (WHERE status <> 'success'), now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
FROM scale_daily_source WHERE organization_id IS NOT NULL GROUP BY organization_id, date, api_key, model, custom_llm_provider, endpoint
ORDER BY date, 1;

INSERT INTO "LiteLLM_DailyEndUserSpend" (id, end_user_id, date, api_key, model, model_group, custom_llm_provider, endpoint,
    prompt_tokens, completion_tokens, cache_read_input_tokens, cache_creation_input_tokens, spend, api_requests, successful_requests,
    failed_requests, created_at, updated_at)
SELECT gen_random_uuid()::text, end_user, date, api_key, model, max(model_group), custom_llm_provider, endpoint, sum(prompt_tokens),
    sum(completion_tokens), sum(cache_read), 0, sum(spend), count(*), count(*) FILTER (WHERE status = 'success'),
    count(*) FILTER (WHERE status <> 'success'), now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
FROM scale_daily_source WHERE end_user IS NOT NULL GROUP BY end_user, date, api_key, model, custom_llm_provider, endpoint
ORDER BY date, 1;

INSERT INTO "LiteLLM_DailyTagSpend" (id, tag, date, api_key, model, model_group, custom_llm_provider, endpoint, prompt_tokens,
    completion_tokens, cache_read_input_tokens, cache_creation_input_tokens, spend, api_requests, successful_requests, failed_requests,
    created_at, updated_at)
SELECT gen_random_uuid()::text, t.tag, date, api_key, model, max(model_group), custom_llm_provider, endpoint, sum(prompt_tokens),
    sum(completion_tokens), sum(cache_read), 0, sum(spend), count(*), count(*) FILTER (WHERE status = 'success'),
    count(*) FILTER (WHERE status <> 'success'), now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
FROM scale_daily_source CROSS JOIN LATERAL (SELECT DISTINCT tag FROM jsonb_array_elements_text(request_tags) AS e(tag)) t
GROUP BY t.tag, date, api_key, model, custom_llm_provider, endpoint
ORDER BY date, 1;

-- The key-free rollup: the per-user rows summed over users and keys (what the migration that made the table does too).
INSERT INTO "LiteLLM_DailyGlobalSpend" (id, date, model, model_group, custom_llm_provider, mcp_namespaced_tool_name, endpoint,
    prompt_tokens, completion_tokens, cache_read_input_tokens, cache_creation_input_tokens, spend, api_requests, successful_requests,
    failed_requests, created_at, updated_at)
SELECT gen_random_uuid()::text, date, model, model_group, custom_llm_provider, mcp_namespaced_tool_name, endpoint, sum(prompt_tokens),
    sum(completion_tokens), sum(cache_read_input_tokens), sum(cache_creation_input_tokens), sum(spend), sum(api_requests),
    sum(successful_requests), sum(failed_requests), now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
FROM "LiteLLM_DailyUserSpend" GROUP BY date, model, model_group, custom_llm_provider, mcp_namespaced_tool_name, endpoint;

-- Spend counters: what the Worker adds per request, here the sum of every seeded request.
UPDATE "LiteLLM_VerificationToken" v SET spend = s.spend, last_active = s.last
FROM (SELECT api_key, sum(spend) AS spend, max("startTime") AS last FROM "LiteLLM_SpendLogs" GROUP BY api_key) s WHERE v.token = s.api_key;
UPDATE "LiteLLM_UserTable" u SET spend = s.spend
FROM (SELECT "user", sum(spend) AS spend FROM "LiteLLM_SpendLogs" GROUP BY "user") s WHERE u.user_id = s."user";
UPDATE "LiteLLM_TeamTable" t SET spend = s.spend
FROM (SELECT team_id, sum(spend) AS spend FROM "LiteLLM_SpendLogs" WHERE team_id IS NOT NULL GROUP BY team_id) s WHERE t.team_id = s.team_id;
UPDATE "LiteLLM_TeamMembership" m SET spend = s.spend, total_spend = s.spend
FROM (SELECT "user", team_id, sum(spend) AS spend FROM "LiteLLM_SpendLogs" WHERE team_id IS NOT NULL GROUP BY "user", team_id) s
WHERE m.user_id = s."user" AND m.team_id = s.team_id;
UPDATE "LiteLLM_OrganizationTable" o SET spend = s.spend
FROM (SELECT organization_id, sum(spend) AS spend FROM "LiteLLM_SpendLogs" WHERE organization_id IS NOT NULL GROUP BY organization_id) s
WHERE o.organization_id = s.organization_id;
UPDATE "LiteLLM_EndUserTable" e SET spend = s.spend
FROM (SELECT end_user, sum(spend) AS spend FROM "LiteLLM_SpendLogs" WHERE end_user IS NOT NULL GROUP BY end_user) s WHERE e.user_id = s.end_user;
UPDATE "LiteLLM_TagTable" g SET spend = s.spend
FROM (SELECT t.tag, sum(spend) AS spend FROM "LiteLLM_SpendLogs", jsonb_array_elements_text(request_tags) AS t(tag) GROUP BY t.tag) s
WHERE g.tag_name = s.tag;
COMMIT;
