using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>
/// <c>POST|PATCH /team/update</c>: the fields sent change; proxy admins and the team's admins may update (only proxy admins
/// may block it or move it between organizations). The team's keys see the change at once on every replica.
/// </summary>
internal static class UpdateTeamEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        ManagementAccess.RequireWriter(caller);
        var body = await SentBody.ReadAsync<UpdateTeamRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        var request = body.Value;
        var teamId = request.TeamId ?? throw ManagementErrors.BadRequest("No team id passed in. 'team_id' is required.", "team_id");
        TeamRules.Validate(request);

        var db = ManagementDb.Of(context);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var team = await TeamAccess.FindForUpdateAsync(db, teamId, cancellationToken).ConfigureAwait(false);
        TeamAccess.RequireManage(caller, team, "/team/update");
        if (!LiteLLMRoles.IsAdmin(caller.UserRole) && (body.Has("blocked") || body.Has("organization_id")))
        {
            throw ManagementAccess.Forbidden("Only proxy admins can block a team or change its organization.");
        }

        if (body.Has("organization_id") && request.OrganizationId is { Length: > 0 } organizationId
            && !await db.Organizations.AnyAsync(o => o.OrganizationId == organizationId, cancellationToken).ConfigureAwait(false))
        {
            throw ManagementErrors.BadRequest($"Organization not found for organization_id={organizationId}", "organization_id");
        }

        var now = ManagementClock.Now(context);
        await TeamSettingsWriter.ApplyAsync(db, team, body, ManagementClock.Author(caller), now, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        await AffectedKeys.InvalidateAsync(context, await AffectedKeys.OfTeamsAsync(db, [teamId], cancellationToken).ConfigureAwait(false))
            .ConfigureAwait(false);
        return ManagementJson.Ok(new TeamUpdateResponse(teamId, TeamView.From(team)));
    }
}

/// <summary>LiteLLM's answer to <c>/team/update</c>.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Data">The team as stored now.</param>
public sealed record TeamUpdateResponse(string TeamId, TeamView Data);
