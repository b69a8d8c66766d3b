using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Tags;

/// <summary>Reading tags: <c>POST /tag/info</c> and <c>GET /tag/list</c> (proxy admins and viewers).</summary>
public static class TagInfo
{
    /// <summary><c>POST /tag/info</c> (<c>{"names": [...]}</c>): <c>{name: tag}</c>; 404 when one of them is no tag.</summary>
    public static async Task<IResult> InfoAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ManagementAccess.RequireReadAll(Caller.Of(context), "read tags");
        var db = ManagementDb.Of(context);
        var body = await ManagementJson.ReadAsync<TagInfoRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        if (body.Names is not { Count: > 0 } names)
        {
            throw ManagementErrors.BadRequest("names is required: a list of tag names.", "names");
        }

        var rows = await db.Tags.AsNoTracking().Include(t => t.Budget).Where(t => names.Contains(t.TagName)).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (names.FirstOrDefault(n => !rows.Any(r => r.TagName == n)) is { } missing)
        {
            throw TagRules.NotFound(missing);
        }

        var result = new JsonObject();
        foreach (var row in rows)
        {
            result[row.TagName] = TagJson.Of(row);
        }

        return ManagementJson.Ok(result);
    }

    /// <summary><c>GET /tag/list</c>: every tag, oldest first.</summary>
    public static async Task<IResult> ListAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ManagementAccess.RequireReadAll(Caller.Of(context), "list tags");
        var db = ManagementDb.Of(context);
        var rows = await db.Tags.AsNoTracking().Include(t => t.Budget).OrderBy(t => t.CreatedAt).ThenBy(t => t.TagName)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return ManagementJson.Ok(new JsonArray([.. rows.Select(r => (JsonNode)TagJson.Of(r))]));
    }
}
