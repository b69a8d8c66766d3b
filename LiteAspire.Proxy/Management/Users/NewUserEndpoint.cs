using System.Text.Json.Nodes;

using LiteAspire.Data.Budgets;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Management.Keys;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Users;

/// <summary>
/// <c>POST /user/new</c> (proxy admins): the user, their teams and organizations, and unless <c>auto_create_key</c> is false
/// a key for them, whose plaintext is in this answer only.
/// </summary>
public static class NewUserEndpoint
{
    /// <summary>Handles the request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        var caller = Caller.Of(context);
        ManagementAccess.RequireAdmin(caller, "create users");
        var body = await ManagementJson.ReadAsync<NewUserRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        Validate(body);
        var joins = UserMemberships.ParseTeams(body.Teams, body.TeamId);
        var db = ManagementDb.Of(context);
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var actor = ManagementActor.Of(caller) ?? ManagementActor.ProxyAdminName;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var userId = body.UserId ?? Guid.NewGuid().ToString();
        if (await db.Users.AnyAsync(u => u.UserId == userId, cancellationToken).ConfigureAwait(false))
        {
            throw UserLookup.Conflict($"User with id {userId} already exists", "user_id");
        }

        await UserLookup.RequireUniqueEmailAsync(db, body.UserEmail, null, cancellationToken).ConfigureAwait(false);
        await UserLookup.RequireUniqueSsoIdAsync(db, body.SsoUserId, null, cancellationToken).ConfigureAwait(false);
        var teams = new List<TeamTable>();
        foreach (var join in joins)
        {
            teams.Add(await KeyLookup.RequireTeamAsync(db, join.TeamId, cancellationToken).ConfigureAwait(false));
        }

        foreach (var organizationId in body.Organizations ?? [])
        {
            await KeyLookup.RequireOrganizationAsync(db, organizationId, cancellationToken).ConfigureAwait(false);
        }

        var user = new UserTable
        {
            UserId = userId,
            UserEmail = body.UserEmail,
            UserAlias = body.UserAlias,
            UserRole = body.UserRole ?? LiteLLMRoles.InternalUser,
            MaxBudget = body.MaxBudget,
            Spend = body.Spend ?? 0,
            Models = [.. body.Models ?? []],
            Metadata = JsonText.Of(body.Metadata),
            ModelMaxBudget = JsonText.Of(body.ModelMaxBudget),
            TpmLimit = body.TpmLimit,
            RpmLimit = body.RpmLimit,
            MaxParallelRequests = body.MaxParallelRequests,
            BudgetDuration = body.BudgetDuration,
            BudgetResetAt = BudgetCalendar.Default.NextReset(body.BudgetDuration, now),
            AllowedCacheControls = [.. body.AllowedCacheControls ?? []],
            SsoUserId = body.SsoUserId,
            Password = body.Password is null ? null : PasswordHash.Hash(body.Password),
            OrganizationId = body.Organizations is [var first, ..] ? first : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Users.Add(user);
        for (var i = 0; i < teams.Count; i++)
        {
            UserMemberships.AddToTeam(db, teams[i], user, joins[i], actor, now);
        }

        foreach (var organizationId in (body.Organizations ?? []).Distinct(StringComparer.Ordinal))
        {
            db.OrganizationMemberships.Add(new OrganizationMembership
            {
                UserId = userId,
                OrganizationId = organizationId,
                UserRole = LiteLLMRoles.InternalUser,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        VerificationToken? key = null;
        string? plaintext = null;
        if (body.AutoCreateKey ?? true)
        {
            await KeyLookup.RequireUniqueAliasAsync(db, body.KeyAlias, null, cancellationToken).ConfigureAwait(false);
            plaintext = VirtualKeys.Generate();
            key = new VerificationToken
            {
                Token = VirtualKeys.Hash(plaintext),
                KeyName = VirtualKeys.DisplayName(plaintext),
                KeyAlias = body.KeyAlias,
                Expires = KeyValidation.DurationOf(body.Duration)?.After(now),
                Models = [.. user.Models],
                UserId = userId,
                TpmLimit = body.TpmLimit,
                RpmLimit = body.RpmLimit,
                MaxParallelRequests = body.MaxParallelRequests,
                Metadata = user.Metadata,
                AllowedCacheControls = [.. user.AllowedCacheControls],
                CreatedAt = now,
                CreatedBy = actor,
                UpdatedAt = now,
                UpdatedBy = actor,
            };
            db.VerificationTokens.Add(key);
        }

        await ManagementSave.SaveAsync(db, "A user with this id, email or sso_user_id", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ManagementJson.Ok(Response(user, key, plaintext, body.Duration, actor));
    }

    private static void Validate(NewUserRequest body)
    {
        if (body.UserId is { } id && string.IsNullOrWhiteSpace(id))
        {
            throw ManagementErrors.BadRequest("Invalid value for 'user_id': must not be empty.", "user_id");
        }

        UserLookup.RequireRole(body.UserRole);
        ManagementErrors.RequireNonNegative(body.MaxBudget, "max_budget");
        ManagementErrors.RequireNonNegative(body.Spend, "spend");
        ManagementErrors.RequireNonNegative(body.TpmLimit, "tpm_limit");
        ManagementErrors.RequireNonNegative(body.RpmLimit, "rpm_limit");
        ManagementErrors.RequireNonNegative(body.MaxParallelRequests, "max_parallel_requests");
        ManagementErrors.RequireDuration(body.BudgetDuration, "budget_duration");
        if (body.Duration is not null and not "-1")
        {
            ManagementErrors.RequireDuration(body.Duration, "duration");
        }

        PasswordHash.RequireValid(body.Password);
    }

    // LiteLLM's NewUserResponse: the key fields (plaintext "key", "" when none was made) and the user's fields.
    private static JsonObject Response(UserTable user, VerificationToken? key, string? plaintext, string? duration, string actor) => new()
    {
        ["key"] = plaintext ?? "",
        ["key_name"] = key?.KeyName,
        ["key_alias"] = key?.KeyAlias,
        ["expires"] = key?.Expires,
        ["duration"] = duration,
        ["user_id"] = user.UserId,
        ["user_email"] = user.UserEmail,
        ["user_alias"] = user.UserAlias,
        ["user_role"] = user.UserRole,
        ["teams"] = new JsonArray([.. user.Teams.Select(t => (JsonNode?)t)]),
        ["organization_id"] = user.OrganizationId,
        ["max_budget"] = user.MaxBudget,
        ["spend"] = user.Spend,
        ["models"] = new JsonArray([.. user.Models.Select(m => (JsonNode?)m)]),
        ["tpm_limit"] = user.TpmLimit,
        ["rpm_limit"] = user.RpmLimit,
        ["max_parallel_requests"] = user.MaxParallelRequests,
        ["budget_duration"] = user.BudgetDuration,
        ["budget_reset_at"] = user.BudgetResetAt,
        ["metadata"] = JsonText.Parse(user.Metadata),
        ["sso_user_id"] = user.SsoUserId,
        ["created_by"] = actor,
        ["updated_by"] = actor,
        ["created_at"] = user.CreatedAt,
        ["updated_at"] = user.UpdatedAt,
    };
}
