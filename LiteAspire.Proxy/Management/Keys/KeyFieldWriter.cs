using System.Text.Json.Nodes;

using LiteAspire.Data.Budgets;
using LiteAspire.Data.Schema;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>Copies the fields a key request sent onto the key's row, as LiteLLM stores them.</summary>
public static class KeyFieldWriter
{
    // Fields LiteLLM keeps inside the key's metadata; the auth code reads the limits from there.
    private static readonly string[] s_metadataFields = ["model_rpm_limit", "model_tpm_limit", "tags", "guardrails"];

    /// <summary>Applies every sent field of <paramref name="body"/> to <paramref name="row"/>; durations count from <paramref name="now"/>.</summary>
    public static void Apply(VerificationToken row, KeyRequest body, RequestFields fields, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Has("key_alias"))
        {
            row.KeyAlias = body.KeyAlias;
        }

        if (fields.Has("duration"))
        {
            row.Expires = KeyValidation.DurationOf(body.Duration)?.After(now);
        }

        if (fields.Has("budget_duration"))
        {
            row.BudgetDuration = body.BudgetDuration;
            row.BudgetResetAt = BudgetCalendar.Default.NextReset(body.BudgetDuration, now);
        }

        if (fields.Has("models"))
        {
            row.Models = [.. body.Models ?? []];
        }

        if (fields.Has("aliases"))
        {
            row.Aliases = JsonText.Of(body.Aliases);
        }

        if (fields.Has("config"))
        {
            row.Config = JsonText.Of(body.Config);
        }

        if (fields.Has("permissions"))
        {
            row.Permissions = JsonText.Of(body.Permissions);
        }

        if (fields.Has("model_max_budget"))
        {
            row.ModelMaxBudget = JsonText.Of(body.ModelMaxBudget);
        }

        if (fields.Has("spend"))
        {
            row.Spend = body.Spend ?? 0;
        }

        if (fields.Has("max_budget"))
        {
            row.MaxBudget = body.MaxBudget;
        }

        if (fields.Has("budget_id"))
        {
            row.BudgetId = body.BudgetId;
        }

        if (fields.Has("tpm_limit"))
        {
            row.TpmLimit = body.TpmLimit;
        }

        if (fields.Has("rpm_limit"))
        {
            row.RpmLimit = body.RpmLimit;
        }

        if (fields.Has("max_parallel_requests"))
        {
            row.MaxParallelRequests = body.MaxParallelRequests;
        }

        if (fields.Has("user_id"))
        {
            row.UserId = body.UserId;
        }

        if (fields.Has("team_id"))
        {
            row.TeamId = body.TeamId;
        }

        if (fields.Has("organization_id"))
        {
            row.OrganizationId = body.OrganizationId;
        }

        if (fields.Has("blocked"))
        {
            row.Blocked = body.Blocked;
        }

        if (fields.Has("allowed_cache_controls"))
        {
            row.AllowedCacheControls = [.. body.AllowedCacheControls ?? []];
        }

        if (fields.Has("allowed_routes"))
        {
            row.AllowedRoutes = [.. body.AllowedRoutes ?? []];
        }

        if (fields.Has("key_type"))
        {
            row.KeyType = body.KeyType;
            // LiteLLM turns a key type into its route group unless routes are given explicitly.
            if (!fields.Has("allowed_routes") && body.KeyType is { } type && KeyValidation.KeyTypes[type] is { } routes)
            {
                row.AllowedRoutes = [routes];
            }
        }

        ApplyMetadata(row, fields);
    }

    private static void ApplyMetadata(VerificationToken row, RequestFields fields)
    {
        if (!fields.Has("metadata") && !s_metadataFields.Any(fields.Has))
        {
            return;
        }

        var metadata = fields.Has("metadata") ? fields.Node("metadata") as JsonObject ?? [] : JsonText.ParseObject(row.Metadata) ?? [];
        foreach (var name in s_metadataFields)
        {
            if (!fields.Has(name))
            {
                continue;
            }

            if (fields.Node(name) is { } value)
            {
                metadata[name] = value;
            }
            else
            {
                metadata.Remove(name);
            }
        }

        row.Metadata = metadata.ToJsonString();
    }
}
