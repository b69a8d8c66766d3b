using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Management.Budgets;
using LiteAspire.Proxy.Routing;

using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Models;

/// <summary>
/// <c>POST /model/update</c> (the model named by <c>model_info.id</c>) and <c>PATCH /model/{model_id}/update</c>: merges
/// the given <c>litellm_params</c> and <c>model_info</c> into a stored model (null or absent fields stay as they are).
/// </summary>
public static class UpdateModel
{
    /// <summary>Handles <c>POST /model/update</c>.</summary>
    public static async Task<IResult> HandlePostAsync(HttpContext context, ModelTableSync sync, ModelRouter router)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Of(context);
        ManagementAccess.RequireAdmin(caller, "update models");
        var body = await ManagementJson.ReadAsync<UpdateModelRequest>(context.Request, context.RequestAborted).ConfigureAwait(false);
        var id = ModelIds.Read(body.ModelInfo) ?? throw ManagementErrors.BadRequest("model_info.id is required: it names the model to update.", "model_info.id");
        return await UpdateAsync(context, sync, router, caller, id, body, "model_info.id").ConfigureAwait(false);
    }

    /// <summary>Handles <c>PATCH /model/{model_id}/update</c>.</summary>
    public static async Task<IResult> HandlePatchAsync(HttpContext context, ModelTableSync sync, ModelRouter router, [FromRoute(Name = "model_id")] string modelId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Of(context);
        ManagementAccess.RequireAdmin(caller, "update models");
        var body = await ManagementJson.ReadAsync<UpdateModelRequest>(context.Request, context.RequestAborted).ConfigureAwait(false);
        return await UpdateAsync(context, sync, router, caller, modelId, body, "model_id").ConfigureAwait(false);
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, ModelTableSync sync, ModelRouter router, ApiKeyAuth caller, string id,
        UpdateModelRequest body, string idField)
    {
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentNullException.ThrowIfNull(router);
        var db = ManagementDb.Of(context);
        NewModel.RequireSecret(sync.Secrets);
        var transaction = await db.Database.BeginTransactionAsync(context.RequestAborted).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var row = await db.ProxyModels.FirstOrDefaultAsync(m => m.ModelId == id, context.RequestAborted).ConfigureAwait(false)
                ?? throw ModelIds.NotStored(router.Table, id, idField);

            var parameters = StoredModels.Decrypt(row.LitellmParams, sync.Secrets);
            Merge(parameters, body.LitellmParams);
            var info = StoredModels.ParseObject(row.ModelInfo);
            Merge(info, body.ModelInfo);
            info["id"] = id;
            info["db_model"] = true;
            var name = body.ModelName ?? row.ModelName;
            _ = StoredModels.ToDeployment(name, parameters, info, Environment.GetEnvironmentVariable);

            var stamp = AuditStamp.Of(context, caller);
            row.ModelName = name;
            row.LitellmParams = StoredModels.Encrypt(parameters, sync.Secrets).ToJsonString();
            row.ModelInfo = info.ToJsonString();
            row.UpdatedAt = stamp.At;
            row.UpdatedBy = stamp.By;
            await ModelIds.SaveAsync(db, id, context.RequestAborted).ConfigureAwait(false);
            await transaction.CommitAsync(context.RequestAborted).ConfigureAwait(false);
            await sync.ChangedAsync(context.RequestAborted).ConfigureAwait(false);
            return ManagementJson.Ok(StoredModels.Describe(row, sync.Secrets));
        }
    }

    private static void Merge(JsonObject target, JsonObject? changes)
    {
        if (changes is null)
        {
            return;
        }

        foreach (var (key, value) in changes)
        {
            if (value is not null)
            {
                target[key] = value.DeepClone();
            }
        }
    }
}
