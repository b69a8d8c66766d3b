using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Routing;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Models;

/// <summary><c>POST /model/delete</c> (<c>{"id": ...}</c>): removes a stored model; requests for it fail from then on.</summary>
public static class DeleteModel
{
    /// <summary>Handles the request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, ModelTableSync sync, ModelRouter router)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentNullException.ThrowIfNull(router);
        var caller = Caller.Of(context);
        ManagementAccess.RequireAdmin(caller, "delete models");
        var db = ManagementDb.Of(context);
        var body = await ManagementJson.ReadAsync<DeleteModelRequest>(context.Request, context.RequestAborted).ConfigureAwait(false);
        var id = string.IsNullOrWhiteSpace(body.Id) ? throw ManagementErrors.BadRequest("id is required: the model_info.id of the model to delete.", "id") : body.Id;

        var transaction = await db.Database.BeginTransactionAsync(context.RequestAborted).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var row = await db.ProxyModels.FirstOrDefaultAsync(m => m.ModelId == id, context.RequestAborted).ConfigureAwait(false)
                ?? throw ModelIds.NotStored(router.Table, id, "id");
            db.ProxyModels.Remove(row);
            await db.SaveChangesAsync(context.RequestAborted).ConfigureAwait(false);
            await transaction.CommitAsync(context.RequestAborted).ConfigureAwait(false);
        }

        await sync.ChangedAsync(context.RequestAborted).ConfigureAwait(false);
        return ManagementJson.Ok(new { message = $"Model: {id} deleted successfully" });
    }
}
