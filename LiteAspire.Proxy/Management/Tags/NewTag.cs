using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Budgets;
using LiteAspire.Proxy.Management.Budgets;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Tags;

/// <summary><c>POST /tag/new</c>: a tag, with a budget of its own (budget fields) or a shared one (<c>budget_id</c>).</summary>
public static class NewTag
{
    /// <summary>Handles the request: <c>{"message": "Tag X created successfully", "tag": {...}}</c>.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, TagLookup tags, ILiveSpend spend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Of(context);
        ManagementAccess.RequireAdmin(caller, "create tags");
        var db = ManagementDb.Of(context);
        var body = await ManagementJson.ReadAsync<TagRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        var name = TagRules.RequireName(body.Name);
        TagRules.Validate(body);

        var stamp = AuditStamp.Of(context, caller);
        var row = new TagTable { TagName = name, CreatedAt = stamp.At, CreatedBy = stamp.By, UpdatedAt = stamp.At };
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            if (await db.Tags.AnyAsync(t => t.TagName == name, cancellationToken).ConfigureAwait(false))
            {
                throw Duplicate(name);
            }

            TagRules.ApplyFields(row, body, stamp.At);
            await TagRules.ApplyBudgetAsync(db, row, body, stamp, cancellationToken).ConfigureAwait(false);
            db.Tags.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // Another admin created it between the check and the insert; the transaction rolls the budget row back too.
                throw Duplicate(name);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        // A tag of the same name may have been deleted and its counter left in Redis, or be cached as "no tag".
        await TagChangeEffects.ApplyAsync(tags, spend, name, forgetSpend: true).ConfigureAwait(false);
        return ManagementJson.Ok(new { message = $"Tag {name} created successfully", tag = TagJson.Of(row) });
    }

    private static Errors.GatewayException Duplicate(string name) => ManagementErrors.BadRequest($"Tag {name} already exists", "name");
}
