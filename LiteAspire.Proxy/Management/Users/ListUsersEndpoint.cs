using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Management.Keys;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Users;

/// <summary>
/// <c>GET /user/list</c> (proxy admins and viewers): paginated users with their key counts; filters <c>role</c>,
/// <c>user_ids</c> (comma separated), <c>sso_user_ids</c>, <c>user_email</c> (part, any case), <c>team</c>; sorting
/// <c>sort_by</c>/<c>sort_order</c>.
/// </summary>
public static class ListUsersEndpoint
{
    private static readonly string[] s_sortColumns = ["user_id", "user_email", "created_at", "spend", "user_alias", "user_role"];

    /// <summary>The answer.</summary>
    /// <param name="Users">The page of users.</param>
    /// <param name="Total">Users matching the filters.</param>
    /// <param name="Page">The page returned.</param>
    /// <param name="PageSize">Users per page.</param>
    /// <param name="TotalPages">Pages in all.</param>
    public sealed record Response(IReadOnlyList<UserInfo> Users, int Total, int Page, int PageSize, int TotalPages);

    /// <summary>Handles the request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        ManagementAccess.RequireReadAll(Caller.Of(context), "list users");
        var request = context.Request;
        var page = ManagementQuery.WholeNumber(request, "page", 1, 1, int.MaxValue);
        var pageSize = ManagementQuery.WholeNumber(request, "page_size", 25, 1, 100);
        var role = ManagementQuery.Text(request, "role");
        UserLookup.RequireRole(role);
        var sortBy = ManagementQuery.Text(request, "sort_by");
        if (sortBy is not null && !s_sortColumns.Contains(sortBy))
        {
            throw ManagementErrors.BadRequest($"Invalid sort column '{sortBy}'. Must be one of: {string.Join(", ", s_sortColumns)}.", "sort_by");
        }

        var sortOrder = (ManagementQuery.Text(request, "sort_order") ?? "asc").ToLowerInvariant();
        if (sortOrder is not ("asc" or "desc"))
        {
            throw ManagementErrors.BadRequest($"Invalid sort order '{sortOrder}'. Must be 'asc' or 'desc'.", "sort_order");
        }

        var db = ManagementDb.Of(context);
        var query = db.Users.AsNoTracking();
        if (role is not null)
        {
            query = query.Where(u => u.UserRole == role);
        }

        if (Split(ManagementQuery.Text(request, "user_ids")) is { } userIds)
        {
            query = query.Where(u => userIds.Contains(u.UserId));
        }

        if (Split(ManagementQuery.Text(request, "sso_user_ids")) is { } ssoIds)
        {
            query = query.Where(u => u.SsoUserId != null && ssoIds.Contains(u.SsoUserId));
        }

        if (ManagementQuery.Text(request, "user_email") is { } email)
        {
            var lower = email.ToLowerInvariant();
            query = query.Where(UserLookup.EmailContains(lower));
        }

        if (ManagementQuery.Text(request, "team") is { } team)
        {
            query = query.Where(u => u.Teams.Contains(team));
        }

        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var users = await Sorted(query, sortBy, sortOrder == "desc").Skip((int)Math.Min((page - 1L) * pageSize, int.MaxValue)).Take(pageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = users.Select(u => u.UserId).ToList();
        var counts = await db.VerificationTokens.Where(k => k.UserId != null && ids.Contains(k.UserId)
                && (k.TeamId == null || k.TeamId != ListKeysEndpoint.UiSessionTeamId))
            .GroupBy(k => k.UserId!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken).ConfigureAwait(false);
        return ManagementJson.Ok(new Response([.. users.Select(u => UserInfo.From(u, counts.GetValueOrDefault(u.UserId)))], total, page, pageSize,
            ManagementQuery.Pages(total, pageSize)));
    }

    private static List<string>? Split(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() is { Count: > 0 } items ? items : null;

    private static IQueryable<UserTable> Sorted(IQueryable<UserTable> query, string? sortBy, bool descending) => sortBy switch
    {
        "user_id" => descending ? query.OrderByDescending(u => u.UserId) : query.OrderBy(u => u.UserId),
        "user_email" => descending ? query.OrderByDescending(u => u.UserEmail) : query.OrderBy(u => u.UserEmail),
        "spend" => descending ? query.OrderByDescending(u => u.Spend) : query.OrderBy(u => u.Spend),
        "user_alias" => descending ? query.OrderByDescending(u => u.UserAlias) : query.OrderBy(u => u.UserAlias),
        "user_role" => descending ? query.OrderByDescending(u => u.UserRole) : query.OrderBy(u => u.UserRole),
        "created_at" => descending ? query.OrderByDescending(u => u.CreatedAt) : query.OrderBy(u => u.CreatedAt),
        // LiteLLM's default: newest first.
        _ => query.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.UserId),
    };
}
