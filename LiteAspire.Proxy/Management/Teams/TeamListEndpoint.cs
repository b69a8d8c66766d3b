using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>
/// <c>GET /team/list</c> (filters <c>user_id</c>, <c>organization_id</c>; <c>default_organization</c> lists teams without
/// one): proxy admins and viewers see every team; anyone else only the teams their user belongs to and their key's team.
/// Each team carries its keys (without tokens) and memberships, sorted by alias.
/// </summary>
internal static class TeamListEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        var userId = Query(context, "user_id");
        var organizationId = Query(context, "organization_id");
        var db = ManagementDb.Of(context);

        List<TeamTable> teams;
        if (LiteLLMRoles.CanReadAll(caller.UserRole))
        {
            teams = await db.Teams.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (userId is not null && userId != caller.UserId)
            {
                throw ManagementAccess.Forbidden($"Only admin users can query all teams/other teams. Your user role={caller.UserRole ?? "None"}");
            }

            teams = await OwnTeamsAsync(db, caller, cancellationToken).ConfigureAwait(false);
        }

        teams = teams.FindAll(t => (userId is null || TeamRoles.RoleOf(t, userId) is not null)
            && (organizationId is null || t.OrganizationId == (organizationId == "default_organization" ? null : organizationId)));
        teams.Sort((a, b) => string.CompareOrdinal(a.TeamAlias ?? "", b.TeamAlias ?? ""));

        var ids = teams.ConvertAll(t => t.TeamId);
        var keys = await TeamInfoEndpoint.KeysAsync(db, ids, cancellationToken).ConfigureAwait(false);
        var memberships = await TeamInfoEndpoint.MembershipsAsync(db, ids, cancellationToken).ConfigureAwait(false);
        return ManagementJson.Ok(teams.ConvertAll(t => TeamView.From(t).With(
            ("keys", keys.FindAll(k => k.TeamId == t.TeamId).ConvertAll(TeamKeyView.From)),
            ("team_memberships", memberships.FindAll(m => m.TeamId == t.TeamId).ConvertAll(m => MembershipView.From(m))))));
    }

    // The teams a user may read: the user's teams (user row, memberships, members_with_roles) and the key's own team.
    private static async Task<List<TeamTable>> OwnTeamsAsync(LiteLLMDbContext db, ApiKeyAuth caller, CancellationToken cancellationToken)
    {
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        if (caller.TeamId is { } keyTeam)
        {
            candidates.Add(keyTeam);
        }

        if (caller.UserId is { } userId)
        {
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserId == userId, cancellationToken).ConfigureAwait(false);
            candidates.UnionWith(user?.Teams ?? []);
            candidates.UnionWith(await db.TeamMemberships.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.TeamId)
                .ToListAsync(cancellationToken).ConfigureAwait(false));
        }

        var ids = candidates.ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => ids.Contains(t.TeamId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return teams.FindAll(t => TeamAccess.CanRead(caller, t));
    }

    private static string? Query(HttpContext context, string name)
    {
        var value = context.Request.Query[name].ToString();
        return value.Length == 0 ? null : value;
    }
}
