using System.Text.Json.Nodes;

using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Management.Budgets;
using LiteAspire.Proxy.Routing;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Models;

/// <summary><c>POST /model/new</c>: stores a deployment (its params' strings encrypted) and routes to it at once.</summary>
public static class NewModel
{
    /// <summary>Handles the request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, ModelTableSync sync, ModelRouter router)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentNullException.ThrowIfNull(router);
        var caller = Caller.Of(context);
        ManagementAccess.RequireAdmin(caller, "add models");
        var db = ManagementDb.Of(context);
        var body = await ManagementJson.ReadAsync<NewModelRequest>(context.Request, context.RequestAborted).ConfigureAwait(false);
        RequireSecret(sync.Secrets);

        var parameters = body.LitellmParams ?? throw ManagementErrors.BadRequest("litellm_params is required.", "litellm_params");
        var info = body.ModelInfo?.DeepClone().AsObject() ?? [];
        var id = ModelIds.Read(info) ?? Guid.NewGuid().ToString();
        info["id"] = id;
        info["db_model"] = true;
        _ = StoredModels.ToDeployment(body.ModelName ?? "", parameters, info, Environment.GetEnvironmentVariable);

        if (ModelIds.InConfig(router.Table, id)
            || await db.ProxyModels.AnyAsync(m => m.ModelId == id, context.RequestAborted).ConfigureAwait(false))
        {
            throw ManagementErrors.BadRequest($"Model with id={id} already exists. Pass a new model_info.id, or update it via /model/update.", "model_info.id");
        }

        var stamp = AuditStamp.Of(context, caller);
        var row = new ProxyModelTable
        {
            ModelId = id,
            ModelName = body.ModelName!,
            LitellmParams = StoredModels.Encrypt(parameters, sync.Secrets).ToJsonString(),
            ModelInfo = info.ToJsonString(),
            CreatedAt = stamp.At,
            CreatedBy = stamp.By,
            UpdatedAt = stamp.At,
            UpdatedBy = stamp.By,
        };
        var transaction = await db.Database.BeginTransactionAsync(context.RequestAborted).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            db.ProxyModels.Add(row);
            await ModelIds.SaveAsync(db, id, context.RequestAborted).ConfigureAwait(false);
            await transaction.CommitAsync(context.RequestAborted).ConfigureAwait(false);
        }

        await sync.ChangedAsync(context.RequestAborted).ConfigureAwait(false);
        return ManagementJson.Ok(StoredModels.Describe(row, sync.Secrets));
    }

    /// <summary>Refuses to store credentials when there is nothing to encrypt them with.</summary>
    public static void RequireSecret(LiteLLMSecretBox secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (!secrets.CanEncrypt)
        {
            throw ManagementErrors.BadRequest(
                $"Models are stored with their credentials encrypted: set {LiteLLMSecretBox.SaltKeyVariable} or a master key first.");
        }
    }
}
