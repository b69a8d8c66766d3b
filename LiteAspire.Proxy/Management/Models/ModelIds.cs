using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Data;
using LiteAspire.Proxy.Routing;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Models;

/// <summary>Model ids (<c>model_info.id</c>): reading them from requests, and telling stored models from config.yaml's.</summary>
public static class ModelIds
{
    /// <summary><c>model_info.id</c> when given; a 400 when it is not a non-empty string.</summary>
    public static string? Read(JsonObject? modelInfo)
    {
        var node = modelInfo?["id"];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } id
            && !string.IsNullOrWhiteSpace(id))
        {
            return id;
        }

        throw ManagementErrors.BadRequest("Invalid value for 'model_info.id': expected a non-empty string.", "model_info.id");
    }

    /// <summary>True when a config.yaml deployment of <paramref name="table"/> has <paramref name="id"/>.</summary>
    public static bool InConfig(DeploymentTable table, string id)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var entry in table.Deployments)
        {
            if (entry.Deployment.Id == id && entry.Source.ModelInfo.GetValueOrDefault("db_model") is not true)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The 404 for an id no stored model has (a 400 when the id is config.yaml's, which the API cannot change).</summary>
    public static Errors.GatewayException NotStored(DeploymentTable table, string id, string field) =>
        InConfig(table, id)
            ? ManagementErrors.BadRequest($"Model id={id} is defined in config.yaml and cannot be changed through the API. Store a model via /model/new to manage it here.", field)
            : ManagementErrors.NotFound($"Model with id={id} not found in db.", field);

    /// <summary>Saves, turning a concurrent insert of the same id into a 400.</summary>
    public static async Task SaveAsync(LiteLLMDbContext db, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            throw ManagementErrors.BadRequest($"Model with id={id} already exists.", "model_info.id");
        }
    }
}
