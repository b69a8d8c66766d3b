using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Data;
using LiteAspire.Data.Schema;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Auth;

/// <summary>
/// Loads a key with its team, membership, user and organization from LiteLLM's tables: the view
/// <c>LiteLLM_VerificationTokenView</c> gives LiteLLM, in a few indexed lookups by primary key.
/// </summary>
public sealed class DatabaseApiKeyStore(IServiceScopeFactory scopes) : IApiKeyStore
{
    /// <inheritdoc />
    public async Task<ApiKeyAuth?> FindAsync(string token, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiteLLMDbContext>();
        try
        {
            var key = await db.VerificationTokens.AsNoTracking().FirstOrDefaultAsync(k => k.Token == token, cancellationToken).ConfigureAwait(false);
            if (key is null)
            {
                return null;
            }

            var keyBudget = key.BudgetId is null ? null
                : await db.Budgets.AsNoTracking().FirstOrDefaultAsync(b => b.BudgetId == key.BudgetId, cancellationToken).ConfigureAwait(false);
            var user = key.UserId is null ? null
                : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserId == key.UserId, cancellationToken).ConfigureAwait(false);
            var team = key.TeamId is null ? null
                : await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.TeamId == key.TeamId, cancellationToken).ConfigureAwait(false);
            var membership = team is null || key.UserId is null ? null
                : await db.TeamMemberships.AsNoTracking().Include(m => m.Budget)
                    .FirstOrDefaultAsync(m => m.TeamId == team.TeamId && m.UserId == key.UserId, cancellationToken).ConfigureAwait(false);
            var organizationId = key.OrganizationId ?? team?.OrganizationId;
            var organization = organizationId is null ? null
                : await db.Organizations.AsNoTracking().Include(o => o.Budget)
                    .FirstOrDefaultAsync(o => o.OrganizationId == organizationId, cancellationToken).ConfigureAwait(false);
            return Build(key, keyBudget, user, team, membership, organization);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException or InvalidOperationException { InnerException: System.Data.Common.DbException })
        {
            throw new DatabaseUnavailableException("The database could not be reached to look up a key.", e);
        }
    }

    /// <summary>Joins the rows into the cached identity.</summary>
    public static ApiKeyAuth Build(VerificationToken key, BudgetTable? keyBudget, UserTable? user, TeamTable? team,
        TeamMembership? membership, OrganizationTable? organization)
    {
        ArgumentNullException.ThrowIfNull(key);
        var metadata = ParseObject(key.Metadata);
        return new ApiKeyAuth
        {
            Token = key.Token,
            UserRole = user?.UserRole,
            KeyName = key.KeyName,
            KeyAlias = key.KeyAlias,
            UserId = key.UserId,
            TeamId = key.TeamId,
            OrganizationId = key.OrganizationId ?? team?.OrganizationId,
            Models = key.Models,
            Blocked = key.Blocked == true,
            Expires = key.Expires,
            AllowedRoutes = key.AllowedRoutes,
            AllowedCacheControls = key.AllowedCacheControls,
            // A key's own columns win over its budget row's, as in LiteLLM.
            KeyBudget = new BudgetState(key.MaxBudget ?? keyBudget?.MaxBudget, key.Spend, keyBudget?.SoftBudget,
                key.BudgetDuration ?? keyBudget?.BudgetDuration, key.BudgetResetAt ?? keyBudget?.BudgetResetAt),
            KeyLimits = new LimitSet(key.RpmLimit ?? keyBudget?.RpmLimit, key.TpmLimit ?? keyBudget?.TpmLimit,
                key.MaxParallelRequests ?? keyBudget?.MaxParallelRequests),
            ModelRpmLimits = LimitsByModel(metadata, "model_rpm_limit"),
            ModelTpmLimits = LimitsByModel(metadata, "model_tpm_limit"),
            ModelMaxBudgets = Budgets.KeyModelBudget.Parse(key.ModelMaxBudget),
            User = user is null ? null
                : new ScopeLimits(user.UserId, user.Models,
                    new BudgetState(user.MaxBudget, user.Spend, null, user.BudgetDuration, user.BudgetResetAt),
                    new LimitSet(user.RpmLimit, user.TpmLimit, user.MaxParallelRequests)),
            Team = team is null ? null : new TeamScope
            {
                TeamId = team.TeamId,
                TeamAlias = team.TeamAlias,
                Blocked = team.Blocked,
                Models = team.Models,
                Budget = new BudgetState(team.MaxBudget, team.Spend, team.SoftBudget, team.BudgetDuration, team.BudgetResetAt),
                Limits = new LimitSet(team.RpmLimit, team.TpmLimit, team.MaxParallelRequests),
                MemberRole = key.UserId is null ? null : TeamRoles.RoleOf(team, key.UserId),
                MemberBudget = membership?.Budget is { } memberBudget
                    ? new BudgetState(memberBudget.MaxBudget, membership.Spend, memberBudget.SoftBudget, memberBudget.BudgetDuration, memberBudget.BudgetResetAt)
                    : null,
                MemberLimits = membership?.Budget is { } limits
                    ? new LimitSet(limits.RpmLimit, limits.TpmLimit, limits.MaxParallelRequests)
                    : LimitSet.None,
            },
            Organization = organization is null ? null
                : new ScopeLimits(organization.OrganizationId, organization.Models,
                    organization.Budget is { } orgBudget
                        ? new BudgetState(orgBudget.MaxBudget, organization.Spend, orgBudget.SoftBudget, orgBudget.BudgetDuration, orgBudget.BudgetResetAt)
                        : null,
                    organization.Budget is { } orgLimits
                        ? new LimitSet(orgLimits.RpmLimit, orgLimits.TpmLimit, orgLimits.MaxParallelRequests)
                        : LimitSet.None),
        };
    }

    private static JsonObject? ParseObject(string? json)
    {
        try
        {
            return string.IsNullOrEmpty(json) ? null : JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Dictionary<string, long> LimitsByModel(JsonObject? metadata, string name)
    {
        var limits = new Dictionary<string, long>(StringComparer.Ordinal);
        if (metadata?[name] is JsonObject byModel)
        {
            foreach (var (model, value) in byModel)
            {
                if (value is JsonValue number && number.TryGetValue<long>(out var limit))
                {
                    limits[model] = limit;
                }
            }
        }

        return limits;
    }
}
