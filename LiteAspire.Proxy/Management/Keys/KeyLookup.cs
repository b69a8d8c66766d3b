using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>Finding keys and the rows a key refers to, with LiteLLM's 404s and 400s.</summary>
public static class KeyLookup
{
    /// <summary>The key (plaintext or hash, as LiteLLM's routes accept), tracked, with its budget row; 404 when none.</summary>
    public static async Task<VerificationToken> FindAsync(LiteLLMDbContext db, string? keyOrHash, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(keyOrHash))
        {
            throw ManagementErrors.BadRequest($"Missing '{field}': pass the key (sk-...) or its hash.", field);
        }

        var token = VirtualKeys.ToToken(keyOrHash);
        return await db.VerificationTokens.Include(k => k.Budget).FirstOrDefaultAsync(k => k.Token == token, cancellationToken).ConfigureAwait(false)
            ?? throw ManagementErrors.NotFound($"Key not found: {Shown(keyOrHash)}", field);
    }

    /// <summary>How a key the caller passed is named in messages: never the whole plaintext.</summary>
    public static string Shown(string keyOrHash)
    {
        ArgumentNullException.ThrowIfNull(keyOrHash);
        return VirtualKeys.IsHash(keyOrHash) ? keyOrHash.ToLowerInvariant() : VirtualKeys.DisplayName(keyOrHash);
    }

    /// <summary>The team of a key, or null (no team, or a team since deleted).</summary>
    public static async Task<TeamTable?> TeamOfAsync(LiteLLMDbContext db, string? teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return teamId is null ? null
            : await db.Teams.FirstOrDefaultAsync(t => t.TeamId == teamId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The team a request names; 400 when it does not exist.</summary>
    public static async Task<TeamTable> RequireTeamAsync(LiteLLMDbContext db, string teamId, CancellationToken cancellationToken) =>
        await TeamOfAsync(db, teamId, cancellationToken).ConfigureAwait(false)
            ?? throw ManagementErrors.BadRequest($"Team not found, passed team_id={teamId}. Create it with /team/new first.", "team_id");

    /// <summary>400 unless the user exists.</summary>
    public static async Task RequireUserAsync(LiteLLMDbContext db, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Users.AnyAsync(u => u.UserId == userId, cancellationToken).ConfigureAwait(false))
        {
            throw ManagementErrors.BadRequest($"User not found, passed user_id={userId}. Create it with /user/new first.", "user_id");
        }
    }

    /// <summary>400 unless the organization exists.</summary>
    public static async Task RequireOrganizationAsync(LiteLLMDbContext db, string organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Organizations.AnyAsync(o => o.OrganizationId == organizationId, cancellationToken).ConfigureAwait(false))
        {
            throw ManagementErrors.BadRequest($"Organization not found for organization_id={organizationId}", "organization_id");
        }
    }

    /// <summary>The budget row a request names; 400 when it does not exist.</summary>
    public static async Task<BudgetTable> RequireBudgetAsync(LiteLLMDbContext db, string budgetId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Budgets.FirstOrDefaultAsync(b => b.BudgetId == budgetId, cancellationToken).ConfigureAwait(false)
            ?? throw ManagementErrors.BadRequest($"Budget not found, passed budget_id={budgetId}. Create it with /budget/new first.", "budget_id");
    }

    /// <summary>
    /// LiteLLM refuses a <c>key_alias</c> another key already has. Call it inside the write's transaction: on PostgreSQL a
    /// transaction lock on the alias then makes two concurrent writers of one alias check one after the other (the schema
    /// has no unique index on it, as LiteLLM's has none), so only one of them gets it.
    /// </summary>
    public static async Task RequireUniqueAliasAsync(LiteLLMDbContext db, string? alias, string? exceptToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (alias is not null)
        {
            await DbLocks.LockAsync(db, "litellm:key_alias:" + alias, cancellationToken).ConfigureAwait(false);
        }

        if (alias is not null
            && await db.VerificationTokens.AnyAsync(k => k.KeyAlias == alias && k.Token != exceptToken, cancellationToken).ConfigureAwait(false))
        {
            throw ManagementErrors.BadRequest(
                $"Invalid value for 'key_alias': unique key aliases across all keys are required, and '{alias}' is already used by another key.",
                "key_alias");
        }
    }

    /// <summary>400 when a key with this value already exists.</summary>
    public static async Task RequireNewTokenAsync(LiteLLMDbContext db, string token, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.VerificationTokens.AnyAsync(k => k.Token == token, cancellationToken).ConfigureAwait(false))
        {
            throw ManagementErrors.BadRequest($"Invalid value for '{field}': a key with this value already exists.", field);
        }
    }

    /// <summary>
    /// A team key may only name models its team may use (an empty team list, or <c>all-proxy-models</c>, allows every model;
    /// <c>all-team-models</c> always fits).
    /// </summary>
    public static void RequireWithinTeamModels(TeamTable team, IReadOnlyList<string> models, ModelAccess access)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(access);
        foreach (var model in models)
        {
            if (model is not ModelAccess.AllTeamModels && !team.Models.Contains(model) && !access.Allows(team.Models, model))
            {
                throw ManagementErrors.BadRequest(
                    $"Model '{model}' is not allowed for team={team.TeamId}. The team can only access models=[{string.Join(", ", team.Models)}].",
                    "models");
            }
        }
    }
}
