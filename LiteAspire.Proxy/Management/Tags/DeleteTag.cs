using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Budgets;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Tags;

/// <summary><c>POST /tag/delete</c> (<c>{"name": ...}</c>): removes the tag; its budget row stays (it may be shared), as in LiteLLM.</summary>
public static class DeleteTag
{
    /// <summary>Handles the request: <c>{"message": "Tag X deleted successfully"}</c>.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, TagLookup tags, ILiveSpend spend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ManagementAccess.RequireAdmin(Caller.Of(context), "delete tags");
        var db = ManagementDb.Of(context);
        var body = await ManagementJson.ReadAsync<DeleteTagRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        var name = string.IsNullOrWhiteSpace(body.Name) ? throw ManagementErrors.BadRequest("name is required: the tag to delete.", "name") : body.Name;

        var deleted = await db.Tags.Where(t => t.TagName == name).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (deleted == 0)
        {
            throw TagRules.NotFound(name);
        }

        await TagChangeEffects.ApplyAsync(tags, spend, name, forgetSpend: true).ConfigureAwait(false);
        return ManagementJson.Ok(new { message = $"Tag {name} deleted successfully" });
    }
}
