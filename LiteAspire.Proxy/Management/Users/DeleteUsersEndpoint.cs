using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Management.Keys;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Users;

/// <summary>
/// <c>POST /user/delete</c> (proxy admins): <c>{"user_ids": [...]}</c>. All or nothing: an unknown user deletes none. Like
/// LiteLLM, the users' keys go too (copied to <c>LiteLLM_DeletedVerificationToken</c>), as do their team and organization
/// memberships; the answer is the number of users deleted.
/// </summary>
public static class DeleteUsersEndpoint
{
    /// <summary>Handles the request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        var caller = Caller.Of(context);
        ManagementAccess.RequireAdmin(caller, "delete users");
        var body = await ManagementJson.ReadAsync<DeleteUsersRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        var userIds = (body.UserIds ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (userIds.Count == 0)
        {
            throw ManagementErrors.BadRequest("No user id passed in: give 'user_ids'.", "user_ids");
        }

        var db = ManagementDb.Of(context);
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var users = new List<Data.Schema.UserTable>();
        foreach (var userId in userIds)
        {
            users.Add(await UserLookup.FindAsync(db, userId, cancellationToken).ConfigureAwait(false));
        }

        var keys = await db.VerificationTokens.Where(k => k.UserId != null && userIds.Contains(k.UserId)).ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var deletedBy = ManagementActor.Of(caller);
        var changedBy = ManagementActor.ChangedBy(context.Request);
        foreach (var key in keys)
        {
            db.DeletedVerificationTokens.Add(DeletedKeys.Copy(key, now, deletedBy, caller.Token, changedBy));
        }

        db.VerificationTokens.RemoveRange(keys);
        await UserMemberships.RemoveFromTeamsAsync(db, userIds, now, cancellationToken).ConfigureAwait(false);
        db.TeamMemberships.RemoveRange(await db.TeamMemberships.Where(m => userIds.Contains(m.UserId)).ToListAsync(cancellationToken)
            .ConfigureAwait(false));
        db.OrganizationMemberships.RemoveRange(await db.OrganizationMemberships.Where(m => userIds.Contains(m.UserId))
            .ToListAsync(cancellationToken).ConfigureAwait(false));
        db.Users.RemoveRange(users);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        // Keys of other members of the changed teams are unaffected: a member's cached role concerns only their own keys.
        var tokens = keys.Select(k => k.Token).ToList();
        await KeyChangeEffects.ApplyAsync(context, tokens,
            [.. tokens.Select(KeyChangeEffects.KeySpend), .. userIds.Select(KeyChangeEffects.UserSpend)]).ConfigureAwait(false);
        return ManagementJson.Ok(users.Count);
    }
}
