using System.Linq.Expressions;

using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Errors;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Users;

/// <summary>Finding users, and LiteLLM's refusals of duplicate ids, emails and SSO ids.</summary>
public static class UserLookup
{
    /// <summary>The user, tracked; 404 when none.</summary>
    public static async Task<UserTable> FindAsync(LiteLLMDbContext db, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Users.FirstOrDefaultAsync(u => u.UserId == userId, cancellationToken).ConfigureAwait(false)
            ?? throw ManagementErrors.NotFound($"User not found, passed user_id={userId}", "user_id");
    }

    /// <summary>400 unless <paramref name="role"/> is one of LiteLLM's user roles.</summary>
    public static void RequireRole(string? role)
    {
        if (role is not null && !LiteLLMRoles.All.Contains(role))
        {
            throw ManagementErrors.BadRequest($"Invalid value for 'user_role': '{role}'. Use one of: {string.Join(", ", LiteLLMRoles.All)}.", "user_role");
        }
    }

    /// <summary>409 when another user already has this email (compared without case), as LiteLLM answers.</summary>
    public static async Task RequireUniqueEmailAsync(LiteLLMDbContext db, string? email, string? exceptUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(email))
        {
            return;
        }

        var lower = email.Trim().ToLowerInvariant();
        if (await db.Users.Where(EmailIs(lower)).AnyAsync(u => u.UserId != exceptUserId, cancellationToken).ConfigureAwait(false))
        {
            throw Conflict($"User with email {email.Trim()} already exists", "user_email");
        }
    }

    /// <summary>409 when another user already has this SSO id (it is unique in the schema).</summary>
    public static async Task RequireUniqueSsoIdAsync(LiteLLMDbContext db, string? ssoUserId, string? exceptUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (ssoUserId is not null
            && await db.Users.AnyAsync(u => u.SsoUserId == ssoUserId && u.UserId != exceptUserId, cancellationToken).ConfigureAwait(false))
        {
            throw Conflict($"User with sso_user_id {ssoUserId} already exists", "sso_user_id");
        }
    }

#pragma warning disable CA1862 // EF Core translates ToLower() to SQL lower(); the StringComparison overloads do not translate.
    /// <summary>Users whose email is <paramref name="lowerEmail"/> in any case.</summary>
    public static Expression<Func<UserTable, bool>> EmailIs(string lowerEmail) => u => u.UserEmail != null && u.UserEmail.ToLower() == lowerEmail;

    /// <summary>Users whose email contains <paramref name="lowerPart"/> in any case.</summary>
    public static Expression<Func<UserTable, bool>> EmailContains(string lowerPart) =>
        u => u.UserEmail != null && u.UserEmail.ToLower().Contains(lowerPart);
#pragma warning restore CA1862

    /// <summary>LiteLLM's 409 for a user that already exists.</summary>
    public static GatewayException Conflict(string message, string param) => new(409, message, "bad_request_error", param);

    /// <summary>The stored tokens of the user's keys (to invalidate after a change to the user).</summary>
    public static async Task<List<string>> KeyTokensAsync(LiteLLMDbContext db, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.VerificationTokens.Where(k => k.UserId != null && userIds.Contains(k.UserId)).Select(k => k.Token)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
