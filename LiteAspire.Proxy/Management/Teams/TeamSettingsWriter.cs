using System.Text.Json.Nodes;

using LiteAspire.Data;
using LiteAspire.Data.Budgets;
using LiteAspire.Data.Schema;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>Writes the sent fields of <c>/team/new</c> or <c>/team/update</c> onto a team row (and its member budget row).</summary>
internal static class TeamSettingsWriter
{
    public static async Task ApplyAsync<T>(LiteLLMDbContext db, TeamTable team, SentBody<T> body, string author, DateTime now,
        CancellationToken cancellationToken)
        where T : TeamSettings
    {
        var s = body.Value;
        if (body.Has("team_alias"))
        {
            team.TeamAlias = s.TeamAlias;
        }

        if (body.Has("organization_id"))
        {
            team.OrganizationId = string.IsNullOrEmpty(s.OrganizationId) ? null : s.OrganizationId;
        }

        if (body.Has("admins"))
        {
            team.Admins = s.Admins ?? [];
        }

        if (body.Has("members"))
        {
            team.Members = s.Members ?? [];
        }

        if (body.Has("models"))
        {
            team.Models = s.Models ?? [];
        }

        if (body.Has("max_budget"))
        {
            team.MaxBudget = s.MaxBudget;
        }

        if (body.Has("soft_budget"))
        {
            team.SoftBudget = s.SoftBudget;
        }

        if (body.Has("tpm_limit"))
        {
            team.TpmLimit = s.TpmLimit;
        }

        if (body.Has("rpm_limit"))
        {
            team.RpmLimit = s.RpmLimit;
        }

        if (body.Has("max_parallel_requests"))
        {
            team.MaxParallelRequests = s.MaxParallelRequests;
        }

        if (body.Has("budget_duration"))
        {
            team.BudgetDuration = s.BudgetDuration;
            team.BudgetResetAt = ResetAt(s.BudgetDuration, now);
        }

        if (body.Has("blocked"))
        {
            team.Blocked = s.Blocked ?? false;
        }

        if (body.Has("team_member_permissions"))
        {
            team.TeamMemberPermissions = s.TeamMemberPermissions ?? [];
        }

        if (body.Has("router_settings"))
        {
            team.RouterSettings = s.RouterSettings?.ToJsonString() ?? "{}";
        }

        var metadata = Metadata(team, body);
        await ApplyMemberBudgetAsync(db, team, s, metadata, author, now, cancellationToken).ConfigureAwait(false);
        team.Metadata = metadata.ToJsonString();
        team.UpdatedAt = now;
    }

    /// <summary>When a budget period starts now: its end (calendar-aligned, see <see cref="BudgetCalendar"/>), or null without a duration.</summary>
    public static DateTime? ResetAt(string? budgetDuration, DateTime now) =>
        BudgetCalendar.Default.NextReset(budgetDuration, now);

    private static JsonObject Metadata<T>(TeamTable team, SentBody<T> body)
        where T : TeamSettings
    {
        var s = body.Value;
        var metadata = JsonColumn.Object(team.Metadata);
        if (body.Has("metadata"))
        {
            // Sent metadata replaces the old, but the keys the proxy keeps there are its own: a client cannot repoint them.
            var replaced = s.Metadata?.DeepClone().AsObject() ?? [];
            foreach (var own in (string[])[TeamMetadata.TeamMemberBudgetId, TeamMetadata.ModelAliases])
            {
                replaced.Remove(own);
                if (metadata[own] is { } kept)
                {
                    replaced[own] = kept.DeepClone();
                }
            }

            metadata = replaced;
        }

        if (body.Has("tags"))
        {
            JsonColumn.Set(metadata, "tags", s.Tags);
        }

        if (body.Has("guardrails"))
        {
            JsonColumn.Set(metadata, "guardrails", s.Guardrails);
        }

        if (body.Has("model_rpm_limit"))
        {
            JsonColumn.Set(metadata, "model_rpm_limit", s.ModelRpmLimit);
        }

        if (body.Has("model_tpm_limit"))
        {
            JsonColumn.Set(metadata, "model_tpm_limit", s.ModelTpmLimit);
        }

        if (body.Has("model_aliases"))
        {
            JsonColumn.Set(metadata, TeamMetadata.ModelAliases, s.ModelAliases);
        }

        return metadata;
    }

    // team_member_budget / _rpm_limit / _tpm_limit live in one budget row named in metadata.team_member_budget_id;
    // every membership without a budget of its own points to it.
    private static async Task ApplyMemberBudgetAsync(LiteLLMDbContext db, TeamTable team, TeamSettings s, JsonObject metadata, string author,
        DateTime now, CancellationToken cancellationToken)
    {
        if (s.TeamMemberBudget is null && s.TeamMemberRpmLimit is null && s.TeamMemberTpmLimit is null)
        {
            return;
        }

        var id = JsonColumn.Text(metadata, TeamMetadata.TeamMemberBudgetId);
        var budget = id is null ? null : await db.Budgets.FindAsync([id], cancellationToken).ConfigureAwait(false);
        if (budget is null)
        {
            budget = new BudgetTable
            {
                BudgetId = Guid.NewGuid().ToString(),
                BudgetDuration = team.BudgetDuration,
                BudgetResetAt = ResetAt(team.BudgetDuration, now),
                CreatedAt = now,
                CreatedBy = author,
            };
            db.Budgets.Add(budget);
            metadata[TeamMetadata.TeamMemberBudgetId] = budget.BudgetId;
            var unbudgeted = await db.TeamMemberships.Where(m => m.TeamId == team.TeamId && m.BudgetId == null)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var membership in unbudgeted)
            {
                membership.BudgetId = budget.BudgetId;
            }
        }

        budget.MaxBudget = s.TeamMemberBudget ?? budget.MaxBudget;
        budget.RpmLimit = s.TeamMemberRpmLimit ?? budget.RpmLimit;
        budget.TpmLimit = s.TeamMemberTpmLimit ?? budget.TpmLimit;
        budget.UpdatedAt = now;
        budget.UpdatedBy = author;
    }
}
