using System.Text.Json.Nodes;

using LiteAspire.Data;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Management.Keys;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Spend;

/// <summary>
/// <c>GET /{user,team,organization,customer,end_user,tag}/daily/activity</c> (and <c>/user|team/daily/activity/aggregated</c>,
/// one page of everything, per-key lines for the <c>api_key_limit</c> keys with the most spend): <see cref="DailyActivity"/>
/// over the entity's Daily*Spend table, with LiteLLM's parameters (<c>start_date</c>, <c>end_date</c> required; <c>model</c>,
/// <c>api_key</c>, <c>page</c>, <c>page_size</c>, <c>api_key_limit</c>; the entity's own filter). Proxy admins and viewers
/// see every entity; others their own user, their teams and their organizations; customer and tag activity is for admins.
/// </summary>
public static class DailyActivityEndpoints
{
    /// <summary><c>/user/daily/activity</c>: <c>user_id</c> (others than admins get only their own).</summary>
    public static async Task<IResult> UserAsync(HttpContext context, bool aggregated)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Of(context);
        var userId = ManagementQuery.Text(context.Request, "user_id");
        // As LiteLLM's, a user's aggregated activity has no per-user breakdown (thousands of users a day would swamp it).
        var query = Read(context.Request, aggregated, defaultPageSize: 50) with { IncludeEntities = !aggregated };
        var only = SpendAccess.ReadsAll(caller) ? userId is null ? null : [userId] : new[] { SpendAccess.OwnUserOnly(caller, userId) };
        var db = ManagementDb.Of(context);
        return await RunAsync(db, DailyRows.Users(db), query with { Entities = only }, NoMetadata, context, DailyRows.Global(db)).ConfigureAwait(false);
    }

    /// <summary><c>/team/daily/activity</c>: <c>team_ids</c>, <c>exclude_team_ids</c>; others than admins see the teams they belong to.</summary>
    public static async Task<IResult> TeamAsync(HttpContext context, bool aggregated)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Of(context);
        var query = Read(context.Request, aggregated, defaultPageSize: 10);
        var teamIds = SpendParameters.List(context.Request, "team_ids");
        var db = ManagementDb.Of(context);
        if (!SpendAccess.ReadsAll(caller))
        {
            var userId = SpendAccess.OwnUserId(caller);
            var teams = await db.Users.AsNoTracking().Where(u => u.UserId == userId).Select(u => u.Teams).FirstOrDefaultAsync(context.RequestAborted).ConfigureAwait(false) ?? [];
            teamIds = Within(teamIds, teams, id => $"User does not belong to Team= {id}. Call `/user/info` to see user's teams");
        }

        query = query with { Entities = teamIds, ExcludedEntities = SpendParameters.List(context.Request, "exclude_team_ids") };
        return await RunAsync(db, DailyRows.Teams(db), query, (ids, ct) => NamesAsync(db.Teams.Where(t => ids.Contains(t.TeamId))
            .Select(t => new Named(t.TeamId, "team_alias", t.TeamAlias)), ct), context).ConfigureAwait(false);
    }

    /// <summary><c>/organization/daily/activity</c>: <c>organization_ids</c>, <c>exclude_organization_ids</c>; others than admins see their organizations.</summary>
    public static async Task<IResult> OrganizationAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Of(context);
        var query = Read(context.Request, aggregated: false, defaultPageSize: 10);
        var organizationIds = SpendParameters.List(context.Request, "organization_ids");
        var db = ManagementDb.Of(context);
        if (!SpendAccess.ReadsAll(caller))
        {
            var userId = SpendAccess.OwnUserId(caller);
            var memberOf = await db.OrganizationMemberships.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.OrganizationId)
                .ToListAsync(context.RequestAborted).ConfigureAwait(false);
            organizationIds = Within(organizationIds, memberOf, id => $"User does not have access to organization_id= {id}.");
        }

        query = query with { Entities = organizationIds, ExcludedEntities = SpendParameters.List(context.Request, "exclude_organization_ids") };
        return await RunAsync(db, DailyRows.Organizations(db), query, (ids, ct) => NamesAsync(db.Organizations.Where(o => ids.Contains(o.OrganizationId))
            .Select(o => new Named(o.OrganizationId, "organization_alias", o.OrganizationAlias)), ct), context).ConfigureAwait(false);
    }

    /// <summary><c>/customer/daily/activity</c> (alias <c>/end_user/...</c>): <c>end_user_ids</c>, <c>exclude_end_user_ids</c>.</summary>
    public static async Task<IResult> CustomerAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SpendAccess.RequireReadAll(Caller.Of(context), "customer activity");
        var query = Read(context.Request, aggregated: false, defaultPageSize: 10) with
        {
            Entities = SpendParameters.List(context.Request, "end_user_ids"),
            ExcludedEntities = SpendParameters.List(context.Request, "exclude_end_user_ids"),
        };
        var db = ManagementDb.Of(context);
        return await RunAsync(db, DailyRows.EndUsers(db), query, (ids, ct) => NamesAsync(db.EndUsers.Where(e => ids.Contains(e.UserId))
            .Select(e => new Named(e.UserId, "alias", e.Alias)), ct), context).ConfigureAwait(false);
    }

    /// <summary><c>/tag/daily/activity</c>: <c>tags</c>, <c>exclude_tags</c>.</summary>
    public static async Task<IResult> TagAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SpendAccess.RequireReadAll(Caller.Of(context), "tag activity");
        var query = Read(context.Request, aggregated: false, defaultPageSize: 10) with
        {
            Entities = SpendParameters.List(context.Request, "tags"),
            ExcludedEntities = SpendParameters.List(context.Request, "exclude_tags"),
        };
        var db = ManagementDb.Of(context);
        return await RunAsync(db, DailyRows.Tags(db), query, NoMetadata, context).ConfigureAwait(false);
    }

    private static DailyActivity.Query Read(HttpRequest request, bool aggregated, int defaultPageSize)
    {
        var (start, end) = SpendParameters.RequiredDays(request);
        return new DailyActivity.Query
        {
            Start = start,
            End = end,
            Model = ManagementQuery.Text(request, "model"),
            ApiKey = SpendParameters.ApiKey(request),
            Page = aggregated ? null : ManagementQuery.WholeNumber(request, "page", 1, 1, int.MaxValue),
            PageSize = ManagementQuery.WholeNumber(request, "page_size", defaultPageSize, 1, 1000),
            ApiKeyLimit = aggregated
                ? ManagementQuery.WholeNumber(request, "api_key_limit", DailyActivity.DefaultApiKeyLimit, 1, DailyActivity.MaxApiKeyLimit)
                : DailyActivity.DefaultApiKeyLimit,
        };
    }

    // A non-admin's entities: those asked for, each of which must be theirs (403 otherwise); all of theirs when none asked.
    private static List<string> Within(List<string>? requested, List<string> theirs, Func<string, string> refusal)
    {
        if (requested is null)
        {
            return theirs;
        }

        if (requested.FirstOrDefault(id => !theirs.Contains(id)) is { } outside)
        {
            throw ManagementAccess.Forbidden(refusal(outside));
        }

        return requested;
    }

    private static async Task<IResult> RunAsync(LiteLLMDbContext db, IQueryable<DailyRow> table, DailyActivity.Query query,
        Func<IReadOnlyCollection<string>, CancellationToken, Task<Dictionary<string, JsonObject>>> metadata, HttpContext context,
        IQueryable<DailyRow>? rollup = null) =>
        ManagementJson.Ok(await DailyActivity.RunAsync(db, table, query, metadata, context.RequestAborted, rollup).ConfigureAwait(false));

    private static Task<Dictionary<string, JsonObject>> NoMetadata(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult(new Dictionary<string, JsonObject>(StringComparer.Ordinal));

    private static async Task<Dictionary<string, JsonObject>> NamesAsync(IQueryable<Named> names, CancellationToken cancellationToken)
    {
        var rows = await names.ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(n => n.Id, n => new JsonObject { [n.Field] = n.Name }, StringComparer.Ordinal);
    }

    private sealed record Named(string Id, string Field, string? Name);
}
