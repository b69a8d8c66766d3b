using LiteAspire.Data.Budgets;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Management.Keys;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Users;

/// <summary>
/// <c>POST /user/update</c>: the user by <c>user_id</c> (or <c>user_email</c>); changes only the fields sent. Proxy admins may
/// change anything; a user may change their own alias, email and password. The user's keys see the change at once.
/// </summary>
public static class UpdateUserEndpoint
{
    // What only an admin may change: a user may change their own alias, email and password, not their budget or role.
    private static readonly string[] s_adminOnly = ["user_role", "max_budget", "budget_duration", "spend", "models", "tpm_limit", "rpm_limit",
        "max_parallel_requests", "metadata", "model_max_budget", "allowed_cache_controls", "sso_user_id"];

    /// <summary>The answer: the user id and the updated row.</summary>
    /// <param name="UserId">The user.</param>
    /// <param name="Data">The row.</param>
    public sealed record Response(string UserId, UserInfo Data);

    /// <summary>Handles the request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        var caller = Caller.Of(context);
        ManagementAccess.RequireWriter(caller);
        var (body, fields) = await RequestFields.ReadAsync<UpdateUserRequest>(context.Request, nullMeansUnset: false, allowEmpty: false,
            cancellationToken).ConfigureAwait(false);
        Validate(body);
        var db = ManagementDb.Of(context);
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var user = await FindAsync(db, body, cancellationToken).ConfigureAwait(false);
        RequireMayUpdate(caller, user, fields);
        if (fields.Has("user_email") && body.UserId is not null)
        {
            await UserLookup.RequireUniqueEmailAsync(db, body.UserEmail, user.UserId, cancellationToken).ConfigureAwait(false);
        }

        if (fields.Has("sso_user_id"))
        {
            await UserLookup.RequireUniqueSsoIdAsync(db, body.SsoUserId, user.UserId, cancellationToken).ConfigureAwait(false);
        }

        Apply(user, body, fields, now);
        await ManagementSave.SaveAsync(db, "A user with this email or sso_user_id", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        var tokens = await UserLookup.KeyTokensAsync(db, [user.UserId], cancellationToken).ConfigureAwait(false);
        await KeyChangeEffects.ApplyAsync(context, tokens, fields.Has("spend") ? [KeyChangeEffects.UserSpend(user.UserId)] : null)
            .ConfigureAwait(false);
        return ManagementJson.Ok(new Response(user.UserId, UserInfo.From(user)));
    }

    private static async Task<UserTable> FindAsync(Data.LiteLLMDbContext db, UpdateUserRequest body, CancellationToken cancellationToken)
    {
        if (body.UserId is not null)
        {
            return await UserLookup.FindAsync(db, body.UserId, cancellationToken).ConfigureAwait(false);
        }

        if (string.IsNullOrWhiteSpace(body.UserEmail))
        {
            throw ManagementErrors.BadRequest("Either user_id or user_email must be provided.", "user_id");
        }

        var lower = body.UserEmail.Trim().ToLowerInvariant();
        return await db.Users.FirstOrDefaultAsync(UserLookup.EmailIs(lower), cancellationToken).ConfigureAwait(false)
            ?? throw ManagementErrors.NotFound($"User not found, passed user_email={body.UserEmail}", "user_email");
    }

    private static void RequireMayUpdate(ApiKeyAuth caller, UserTable user, RequestFields fields)
    {
        if (LiteLLMRoles.IsAdmin(caller.UserRole))
        {
            return;
        }

        if (caller.UserId != user.UserId)
        {
            throw ManagementAccess.Forbidden("User does not have permission to update this user. Only PROXY_ADMIN can update other users.");
        }

        foreach (var field in s_adminOnly)
        {
            if (fields.Has(field))
            {
                throw ManagementAccess.Forbidden($"Only proxy admins can change '{field}'. You may change your own user_alias, user_email and password.");
            }
        }
    }

    private static void Validate(UpdateUserRequest body)
    {
        UserLookup.RequireRole(body.UserRole);
        ManagementErrors.RequireNonNegative(body.MaxBudget, "max_budget");
        ManagementErrors.RequireNonNegative(body.Spend, "spend");
        ManagementErrors.RequireNonNegative(body.TpmLimit, "tpm_limit");
        ManagementErrors.RequireNonNegative(body.RpmLimit, "rpm_limit");
        ManagementErrors.RequireNonNegative(body.MaxParallelRequests, "max_parallel_requests");
        ManagementErrors.RequireDuration(body.BudgetDuration, "budget_duration");
        PasswordHash.RequireValid(body.Password);
    }

    private static void Apply(UserTable user, UpdateUserRequest body, RequestFields fields, DateTime now)
    {
        // user_email names the user when user_id is absent; it is a change only alongside user_id.
        if (fields.Has("user_email") && body.UserId is not null)
        {
            user.UserEmail = body.UserEmail;
        }

        if (fields.Has("user_alias"))
        {
            user.UserAlias = body.UserAlias;
        }

        if (fields.Has("user_role") && body.UserRole is not null)
        {
            user.UserRole = body.UserRole;
        }

        if (fields.Has("password") && body.Password is not null)
        {
            user.Password = PasswordHash.Hash(body.Password);
        }

        if (fields.Has("max_budget"))
        {
            user.MaxBudget = body.MaxBudget;
        }

        if (fields.Has("budget_duration"))
        {
            user.BudgetDuration = body.BudgetDuration;
            user.BudgetResetAt = BudgetCalendar.Default.NextReset(body.BudgetDuration, now);
        }

        if (fields.Has("spend"))
        {
            user.Spend = body.Spend ?? 0;
        }

        if (fields.Has("models"))
        {
            user.Models = [.. body.Models ?? []];
        }

        if (fields.Has("tpm_limit"))
        {
            user.TpmLimit = body.TpmLimit;
        }

        if (fields.Has("rpm_limit"))
        {
            user.RpmLimit = body.RpmLimit;
        }

        if (fields.Has("max_parallel_requests"))
        {
            user.MaxParallelRequests = body.MaxParallelRequests;
        }

        if (fields.Has("metadata"))
        {
            user.Metadata = JsonText.Of(body.Metadata);
        }

        if (fields.Has("model_max_budget"))
        {
            user.ModelMaxBudget = JsonText.Of(body.ModelMaxBudget);
        }

        if (fields.Has("allowed_cache_controls"))
        {
            user.AllowedCacheControls = [.. body.AllowedCacheControls ?? []];
        }

        if (fields.Has("sso_user_id"))
        {
            user.SsoUserId = body.SsoUserId;
        }

        user.UpdatedAt = now;
    }
}
