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
        var keys = (await TeamInfoEndpoint.KeysAsync(db, ids, cancellationToken).ConfigureAwait(false)).ToLookup(k => k.TeamId, StringComparer.Ordinal);
        var memberships = (await TeamInfoEndpoint.MembershipsAsync(db, ids, cancellationToken).ConfigureAwait(false))
            .ToLookup(m => m.TeamId, StringComparer.Ordinal);
        return ManagementJson.Ok(teams.ConvertAll(t =>
        {
            var team = TeamView.From(t).With(("team_memberships", memberships[t.TeamId].Select(m => MembershipView.From(m)).ToList()));
            // Every key of every team (10,000 keys make ~5 MB): written straight from the views, not through a tree of nodes.
            team["keys"] = ManagementJson.Deferred(keys[t.TeamId].ToList());
            return team;
        }));
    }

    /// <summary>
    /// <c>GET /v2/team/list</c>: LiteLLM's paged team list, <c>{"teams", "total", "page", "page_size", "total_pages"}</c>, team rows
    /// without their keys. Filters <c>team_id</c>, <c>team_alias</c> (part, any case), <c>organization_id</c>, <c>user_id</c> (the
    /// teams of that user's row; anyone but a proxy admin gets their own, and only admins and viewers may name another user);
    /// <c>sort_by</c> <c>team_id</c>, <c>team_alias</c> or <c>created_at</c> with <c>sort_order</c>, newest first otherwise;
    /// <c>page_size</c> at most 100 (default 10).
    /// </summary>
    public static async Task<IResult> HandleV2Async(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        var request = context.Request;
        var page = Keys.ManagementQuery.WholeNumber(request, "page", 1, 1, int.MaxValue);
        var pageSize = Keys.ManagementQuery.WholeNumber(request, "page_size", 10, 1, 100);
        var userId = Query(context, "user_id");
        var teamId = Query(context, "team_id");
        if (userId is not null && userId != caller.UserId && !LiteLLMRoles.CanReadAll(caller.UserRole))
        {
            throw ManagementAccess.Forbidden($"Only admin users can query all teams/other teams. Your user role={caller.UserRole ?? "None"}");
        }

        var db = ManagementDb.Of(context);
        var teams = db.Teams.AsNoTracking();
        if (userId is null && caller.UserRole != LiteLLMRoles.ProxyAdmin)
        {
            // As LiteLLM, anyone but a proxy admin gets their own user's teams; a key without a user, its own team only
            // (LiteLLM would list every team).
            userId = caller.UserId;
            if (userId is null)
            {
                var ownTeam = caller.TeamId;
                teams = teams.Where(t => t.TeamId == ownTeam);
            }
        }

        if (teamId is not null)
        {
            teams = teams.Where(t => t.TeamId == teamId);
        }

        if (Query(context, "team_alias") is { } alias)
        {
            var lower = alias.ToLowerInvariant();
#pragma warning disable CA1862 // LOWER(...) LIKE in SQL: the database compares, and the StringComparison overload does not translate.
            teams = teams.Where(t => t.TeamAlias != null && t.TeamAlias.ToLower().Contains(lower));
#pragma warning restore CA1862
        }

        if (Query(context, "organization_id") is { } organizationId)
        {
            teams = teams.Where(t => t.OrganizationId == organizationId);
        }

        if (userId is not null)
        {
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserId == userId, cancellationToken).ConfigureAwait(false)
                ?? throw ManagementErrors.NotFound($"User not found, passed user_id={userId}", "user_id");
            var userTeams = user.Teams;
            if (teamId is not null && !userTeams.Contains(teamId))
            {
                throw ManagementErrors.NotFound($"User is not a member of team_id={teamId}", "team_id");
            }

            teams = teams.Where(t => userTeams.Contains(t.TeamId));
        }

        var total = await teams.CountAsync(cancellationToken).ConfigureAwait(false);
        var ascending = !string.Equals(Query(context, "sort_order"), "desc", StringComparison.OrdinalIgnoreCase);
        var sorted = Query(context, "sort_by") switch
        {
            "team_id" => ascending ? teams.OrderBy(t => t.TeamId) : teams.OrderByDescending(t => t.TeamId),
            "team_alias" => ascending ? teams.OrderBy(t => t.TeamAlias).ThenBy(t => t.TeamId) : teams.OrderByDescending(t => t.TeamAlias).ThenBy(t => t.TeamId),
            "created_at" => ascending ? teams.OrderBy(t => t.CreatedAt).ThenBy(t => t.TeamId) : teams.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.TeamId),
            _ => teams.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.TeamId),
        };
        var rows = await sorted.Skip((int)Math.Min((page - 1L) * pageSize, int.MaxValue)).Take(pageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return ManagementJson.Ok(new V2Response(rows.ConvertAll(TeamView.From), total, page, pageSize, Keys.ManagementQuery.Pages(total, pageSize)));
    }

    /// <summary>The answer of <c>/v2/team/list</c>.</summary>
    /// <param name="Teams">The page of teams.</param>
    /// <param name="Total">Teams matching the filters.</param>
    /// <param name="Page">The page returned.</param>
    /// <param name="PageSize">Teams per page.</param>
    /// <param name="TotalPages">Pages in all.</param>
    public sealed record V2Response(IReadOnlyList<TeamView> Teams, int Total, int Page, int PageSize, int TotalPages);

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
