using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>
/// The checks and writes of <c>/key/update</c> (also applied by <c>/key/regenerate</c>): who may move a key to another user
/// or team, that every referenced row exists, that the alias stays unique and a team key stays within its team's models.
/// </summary>
public static class KeyUpdater
{
    /// <summary>Validates the sent fields against <paramref name="row"/> (tracked) and applies them; the caller saves.</summary>
    public static async Task ApplyAsync(HttpContext context, LiteLLMDbContext db, ApiKeyAuth caller, VerificationToken row, TeamTable? team,
        KeyRequest body, RequestFields fields, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(fields);
        var isAdmin = LiteLLMRoles.IsAdmin(caller.UserRole);
        var owner = fields.Has("user_id") ? body.UserId : row.UserId;
        if (fields.Has("user_id") && body.UserId != row.UserId)
        {
            if (!isAdmin)
            {
                throw ManagementAccess.Forbidden(
                    $"User={caller.UserId ?? "None"} is not allowed to update key={row.KeyName} to belong to user={body.UserId ?? "None"}");
            }

            if (body.UserId is not null)
            {
                await KeyLookup.RequireUserAsync(db, body.UserId, cancellationToken).ConfigureAwait(false);
            }
        }

        var newTeam = team;
        var teamChanged = fields.Has("team_id") && body.TeamId != row.TeamId;
        if (teamChanged)
        {
            newTeam = body.TeamId is null ? null : await KeyLookup.RequireTeamAsync(db, body.TeamId, cancellationToken).ConfigureAwait(false);
            if (newTeam is not null)
            {
                RequireMayMoveInto(caller, newTeam, isAdmin);
                if (owner is not null && TeamRoles.RoleOf(newTeam, owner) is null)
                {
                    throw ManagementErrors.BadRequest(
                        $"User={owner} is not a member of team={newTeam.TeamId}. Add them with /team/member_add first.", "team_id");
                }
            }
        }

        if (fields.Has("organization_id") && body.OrganizationId is { } organizationId)
        {
            await KeyLookup.RequireOrganizationAsync(db, organizationId, cancellationToken).ConfigureAwait(false);
        }

        if (fields.Has("budget_id") && body.BudgetId is { } budgetId)
        {
            await KeyLookup.RequireBudgetAsync(db, budgetId, cancellationToken).ConfigureAwait(false);
        }

        if (fields.Has("soft_budget") && fields.Has("budget_id"))
        {
            throw ManagementErrors.BadRequest("Pass either soft_budget or budget_id, not both: soft_budget is kept in the key's own budget row.",
                "soft_budget");
        }

        if (fields.Has("key_alias"))
        {
            await KeyLookup.RequireUniqueAliasAsync(db, body.KeyAlias, row.Token, cancellationToken).ConfigureAwait(false);
        }

        KeyFieldWriter.Apply(row, body, fields, now);
        if (newTeam is not null && (teamChanged || fields.Has("models")))
        {
            KeyLookup.RequireWithinTeamModels(newTeam, row.Models, context.RequestServices.GetRequiredService<ModelAccess>());
        }

        if (fields.Has("soft_budget"))
        {
            SetSoftBudget(db, row, body.SoftBudget, ManagementActor.Of(caller) ?? "", now);
        }

        row.UpdatedAt = now;
        row.UpdatedBy = ManagementActor.Of(caller);
    }

    /// <summary>
    /// LiteLLM keeps a key's soft budget in a budget row. A new row (copying the key's current budget, which may be shared
    /// with other keys) carries the new soft budget, so no other key changes.
    /// </summary>
    public static void SetSoftBudget(LiteLLMDbContext db, VerificationToken row, double? softBudget, string actor, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(row);
        var current = row.Budget;
        var budget = new BudgetTable
        {
            BudgetId = Guid.NewGuid().ToString(),
            SoftBudget = softBudget,
            MaxBudget = current?.MaxBudget,
            MaxParallelRequests = current?.MaxParallelRequests,
            TpmLimit = current?.TpmLimit,
            RpmLimit = current?.RpmLimit,
            ModelMaxBudget = current?.ModelMaxBudget ?? "{}",
            BudgetDuration = current?.BudgetDuration,
            BudgetResetAt = current?.BudgetResetAt,
            AllowedModels = [.. current?.AllowedModels ?? []],
            CreatedAt = now,
            CreatedBy = actor,
            UpdatedAt = now,
            UpdatedBy = actor,
        };
        db.Budgets.Add(budget);
        row.BudgetId = budget.BudgetId;
        row.Budget = budget;
    }

    private static void RequireMayMoveInto(ApiKeyAuth caller, TeamTable team, bool isAdmin)
    {
        if (isAdmin)
        {
            return;
        }

        if (KeyAccess.OfOtherTeam(caller, team.TeamId))
        {
            throw ManagementAccess.Forbidden($"A key of team={caller.TeamId} cannot move keys into team={team.TeamId}.");
        }

        var role = caller.UserId is null ? null : TeamRoles.RoleOf(team, caller.UserId);
        if (role != LiteLLMRoles.TeamAdmin && (role is null || !KeyAccess.MemberMay(team, KeyAccess.UpdateRoute)))
        {
            throw ManagementAccess.Forbidden(
                $"User={caller.UserId ?? "None"} is not a Proxy Admin or Team Admin for team={team.TeamId}, so cannot move keys into it.");
        }
    }
}
