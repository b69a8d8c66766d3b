using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Keys;

/// <summary>
/// <c>GET /key/list</c>: paginated keys (hashes, or full rows with <c>return_full_object=true</c>). Proxy admins and viewers
/// see every key; anyone else their own keys, plus with <c>include_team_keys=true</c> the keys of teams they administer.
/// </summary>
public static class ListKeysEndpoint
{
    /// <summary>LiteLLM's team of the UI's session keys, which lists leave out.</summary>
    public const string UiSessionTeamId = "litellm-dashboard";

    private static readonly string[] s_sortColumns = ["spend", "max_budget", "created_at", "updated_at", "token", "key_alias"];

    /// <summary>The answer.</summary>
    /// <param name="Keys">Hashes, or full rows.</param>
    /// <param name="TotalCount">Keys matching the filters.</param>
    /// <param name="CurrentPage">The page returned.</param>
    /// <param name="TotalPages">Pages in all.</param>
    public sealed record Response(JsonArray Keys, int TotalCount, int CurrentPage, int TotalPages);

    /// <summary>Handles the request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        var caller = Caller.Of(context);
        var request = context.Request;
        var page = ManagementQuery.WholeNumber(request, "page", 1, 1, int.MaxValue);
        var size = ManagementQuery.WholeNumber(request, "size", 10, 1, 100);
        var userId = ManagementQuery.Text(request, "user_id");
        var teamId = ManagementQuery.Text(request, "team_id");
        var organizationId = ManagementQuery.Text(request, "organization_id");
        var keyAlias = ManagementQuery.Text(request, "key_alias");
        var keyHash = ManagementQuery.Text(request, "key_hash");
        var fullObjects = ManagementQuery.Flag(request, "return_full_object");
        var includeTeamKeys = ManagementQuery.Flag(request, "include_team_keys");
        var sortBy = ManagementQuery.Text(request, "sort_by");
        var descending = (ManagementQuery.Text(request, "sort_order") ?? "desc").ToLowerInvariant() switch
        {
            "desc" => true,
            "asc" => false,
            var other => throw ManagementErrors.BadRequest($"Invalid sort order '{other}'. Must be 'asc' or 'desc'.", "sort_order"),
        };
        if (sortBy is not null && !s_sortColumns.Contains(sortBy))
        {
            throw ManagementErrors.BadRequest($"Invalid sort column '{sortBy}'. Must be one of: {string.Join(", ", s_sortColumns)}.", "sort_by");
        }

        var db = ManagementDb.Of(context);
        var query = db.VerificationTokens.AsNoTracking().Include(k => k.Budget)
            .Where(k => k.TeamId == null || k.TeamId != UiSessionTeamId);
        if (!LiteLLMRoles.CanReadAll(caller.UserRole))
        {
            query = await VisibleToAsync(db, caller, query, userId, teamId, includeTeamKeys, cancellationToken).ConfigureAwait(false);
        }
        else if (userId is not null)
        {
            query = query.Where(k => k.UserId == userId);
        }

        if (teamId is not null)
        {
            query = query.Where(k => k.TeamId == teamId);
        }

        if (organizationId is not null)
        {
            query = query.Where(k => k.OrganizationId == organizationId);
        }

        if (keyAlias is not null)
        {
            query = query.Where(k => k.KeyAlias == keyAlias);
        }

        if (keyHash is not null)
        {
            var token = VirtualKeys.ToToken(keyHash);
            query = query.Where(k => k.Token == token);
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Sorted(query, sortBy, descending).Skip((int)Math.Min((page - 1L) * size, int.MaxValue)).Take(size)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var keys = new JsonArray();
        foreach (var row in rows)
        {
            keys.Add(fullObjects ? JsonSerializer.SerializeToNode(KeyInfo.From(row, withToken: true), ManagementJson.Options) : JsonValue.Create(row.Token));
        }

        return ManagementJson.Ok(new Response(keys, total, page, ManagementQuery.Pages(total, size)));
    }

    // A non-admin sees their own keys, and (asked for) every key of the teams they administer; asking for another user's or
    // another team's keys is refused, as in LiteLLM.
    private static async Task<IQueryable<VerificationToken>> VisibleToAsync(Data.LiteLLMDbContext db, ApiKeyAuth caller,
        IQueryable<VerificationToken> query, string? userId, string? teamId, bool includeTeamKeys, CancellationToken cancellationToken)
    {
        var callerId = caller.UserId
            ?? throw ManagementAccess.Forbidden("You are not authorized to access this endpoint. No 'user_id' is associated with your API key.");
        if (userId is not null && userId != callerId)
        {
            throw ManagementAccess.Forbidden("You are not authorized to check another user's keys");
        }

        if (KeyAccess.OfOtherTeam(caller, teamId))
        {
            throw ManagementAccess.Forbidden("You are not authorized to check this team's keys");
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserId == callerId, cancellationToken).ConfigureAwait(false);
        var teamIds = user?.Teams ?? [];
        if (teamId is not null && !teamIds.Contains(teamId))
        {
            var team = await KeyLookup.TeamOfAsync(db, teamId, cancellationToken).ConfigureAwait(false);
            if (team is null || TeamRoles.RoleOf(team, callerId) is null)
            {
                throw ManagementAccess.Forbidden("You are not authorized to check this team's keys");
            }
        }

        var adminTeams = new List<string>();
        if (includeTeamKeys)
        {
            var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.TeamId) || t.TeamId == caller.TeamId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            adminTeams.AddRange(teams.Where(t => KeyAccess.IsTeamAdmin(t, callerId) && !KeyAccess.OfOtherTeam(caller, t.TeamId))
                .Select(t => t.TeamId));
        }

        return query.Where(k => k.UserId == callerId || (k.TeamId != null && adminTeams.Contains(k.TeamId)));
    }

    private static IQueryable<VerificationToken> Sorted(IQueryable<VerificationToken> query, string? sortBy, bool descending) => sortBy switch
    {
        "spend" => descending ? query.OrderByDescending(k => k.Spend) : query.OrderBy(k => k.Spend),
        "max_budget" => descending ? query.OrderByDescending(k => k.MaxBudget) : query.OrderBy(k => k.MaxBudget),
        "updated_at" => descending ? query.OrderByDescending(k => k.UpdatedAt) : query.OrderBy(k => k.UpdatedAt),
        "token" => descending ? query.OrderByDescending(k => k.Token) : query.OrderBy(k => k.Token),
        "key_alias" => descending ? query.OrderByDescending(k => k.KeyAlias) : query.OrderBy(k => k.KeyAlias),
        _ => descending ? query.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Token)
            : query.OrderBy(k => k.CreatedAt).ThenBy(k => k.Token),
    };
}
