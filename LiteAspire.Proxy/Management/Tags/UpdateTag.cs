using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Budgets;
using LiteAspire.Proxy.Management.Budgets;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Tags;

/// <summary><c>POST /tag/update</c>: changes the given fields of a tag and of its budget; every replica sees it on the next request.</summary>
public static class UpdateTag
{
    /// <summary>Handles the request: <c>{"message": "Tag X updated successfully", "tag": {...}}</c>.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, TagLookup tags, ILiveSpend spend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Of(context);
        ManagementAccess.RequireAdmin(caller, "update tags");
        var db = ManagementDb.Of(context);
        var body = await ManagementJson.ReadAsync<TagRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        var name = TagRules.RequireName(body.Name);
        TagRules.Validate(body);

        var stamp = AuditStamp.Of(context, caller);
        Data.Schema.TagTable row;
        bool newPeriod;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            row = await db.Tags.Include(t => t.Budget).FirstOrDefaultAsync(t => t.TagName == name, cancellationToken).ConfigureAwait(false)
                ?? throw TagRules.NotFound(name);
            var before = (row.BudgetId, row.Budget?.BudgetResetAt);
            TagRules.ApplyFields(row, body, stamp.At);
            await TagRules.ApplyBudgetAsync(db, row, body, stamp, cancellationToken).ConfigureAwait(false);
            newPeriod = before != (row.BudgetId, row.Budget?.BudgetResetAt);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        // A new budget row or period: the live counter must seed again from the database.
        await TagChangeEffects.ApplyAsync(tags, spend, name, forgetSpend: newPeriod).ConfigureAwait(false);
        return ManagementJson.Ok(new { message = $"Tag {name} updated successfully", tag = TagJson.Of(row) });
    }
}
