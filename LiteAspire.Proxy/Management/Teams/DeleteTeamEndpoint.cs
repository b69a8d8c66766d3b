using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>
/// <c>POST /team/delete</c> (proxy admins), as LiteLLM deletes a team: its keys are deleted (copied to
/// <c>LiteLLM_DeletedVerificationToken</c>), its memberships removed and its id taken out of its users' <c>teams</c>, and
/// the team copied to <c>LiteLLM_DeletedTeamTable</c>. All teams exist or nothing is deleted.
/// </summary>
internal static class DeleteTeamEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        ManagementAccess.RequireAdmin(caller, "delete teams");
        var request = await ManagementJson.ReadAsync<DeleteTeamRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        if (request.TeamIds is not { Count: > 0 } ids || ids.Exists(string.IsNullOrEmpty))
        {
            throw ManagementErrors.BadRequest("No team id passed in. 'team_ids' must list at least one team id.", "team_ids");
        }

        var teamIds = ids.Distinct(StringComparer.Ordinal).ToList();
        var db = ManagementDb.Of(context);
        var teams = await db.Teams.Where(t => teamIds.Contains(t.TeamId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (teamIds.Find(id => !teams.Exists(t => t.TeamId == id)) is { } missing)
        {
            throw ManagementErrors.NotFound($"Team not found, passed team_id={missing}", "team_ids");
        }

        var deletion = Deletion.Of(context, caller, ManagementClock.Now(context));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var keys = await db.VerificationTokens.Where(k => k.TeamId != null && teamIds.Contains(k.TeamId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            db.DeletedVerificationTokens.Add(DeletedRows.Key(key, deletion));
        }

        db.VerificationTokens.RemoveRange(keys);
        db.TeamMemberships.RemoveRange(
            await db.TeamMemberships.Where(m => teamIds.Contains(m.TeamId)).ToListAsync(cancellationToken).ConfigureAwait(false));
        foreach (var teamId in teamIds)
        {
            var users = await db.Users.Where(u => u.Teams.Contains(teamId)).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var user in users)
            {
                user.Teams = user.Teams.Where(t => t != teamId).ToList();
                user.UpdatedAt = deletion.At;
            }
        }

        foreach (var team in teams)
        {
            db.DeletedTeams.Add(DeletedRows.Team(team, deletion));
        }

        db.Teams.RemoveRange(teams);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        await AffectedKeys.InvalidateAsync(context, keys.ConvertAll(k => k.Token)).ConfigureAwait(false);
        return ManagementJson.Ok(new DeleteTeamResponse(teamIds));
    }
}

/// <summary>LiteLLM's answer to <c>/team/delete</c>.</summary>
/// <param name="DeletedTeams">The ids of the teams deleted.</param>
public sealed record DeleteTeamResponse(IReadOnlyList<string> DeletedTeams);
