using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>The user behind a member, created when missing as LiteLLM's member endpoints do (an <c>internal_user</c>).</summary>
internal static class MemberUsers
{
    /// <summary>The tracked user named by <paramref name="member"/>'s id (else email); a new row (added, not saved) when none exists.</summary>
    public static async Task<UserTable> FindOrCreateAsync(LiteLLMDbContext db, MemberRequest member, string field, DateTime now,
        CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(member.UserId))
        {
            var byId = await db.Users.FindAsync([member.UserId], cancellationToken).ConfigureAwait(false);
            return byId ?? Add(db, member.UserId, member.UserEmail, now);
        }

        // user_email is not unique in LiteLLM's schema: two rows with it leave the member ambiguous.
        var byEmail = await db.Users.Where(u => u.UserEmail == member.UserEmail).Take(2).ToListAsync(cancellationToken).ConfigureAwait(false);
        return byEmail.Count switch
        {
            0 => Add(db, Guid.NewGuid().ToString(), member.UserEmail, now),
            1 => byEmail[0],
            _ => throw ManagementErrors.BadRequest(
                $"Multiple users with user_email={member.UserEmail} found in db. Please use 'user_id' instead.", field),
        };
    }

    private static UserTable Add(LiteLLMDbContext db, string userId, string? email, DateTime now)
    {
        var user = new UserTable
        {
            UserId = userId,
            UserEmail = email,
            UserRole = LiteLLMRoles.InternalUser,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Users.Add(user);
        return user;
    }
}
