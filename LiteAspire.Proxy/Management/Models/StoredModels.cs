using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Endpoints;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Management.Models;

/// <summary>
/// Models in <c>LiteLLM_ProxyModelTable</c> as LiteLLM keeps them (every string of <c>litellm_params</c> encrypted with
/// <see cref="LiteLLMSecretBox"/>, <c>model_info</c> in clear), and as the router uses them (<see cref="ModelDeployment"/>).
/// </summary>
public static class StoredModels
{
    private const string EnvironmentPrefix = "os.environ/";

    private static readonly HashSet<string> s_typedParams = new(StringComparer.Ordinal)
    {
        "model", "api_base", "api_key", "api_version", "rpm", "tpm", "timeout", "weight", "order",
    };

    /// <summary>
    /// Reads a deployment from request JSON, refusing what LiteLLM would not route: no <c>litellm_params.model</c>, or a
    /// typed parameter of the wrong kind (400 naming the field). <c>os.environ/NAME</c> values are looked up in <paramref name="environment"/>.
    /// </summary>
    public static ModelDeployment ToDeployment(string modelName, JsonObject litellmParams, JsonObject modelInfo, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(litellmParams);
        ArgumentNullException.ThrowIfNull(modelInfo);
        ArgumentNullException.ThrowIfNull(environment);
        if (string.IsNullOrWhiteSpace(modelName))
        {
            throw ManagementErrors.BadRequest("model_name is required.", "model_name");
        }

        var model = Text(litellmParams, "model", environment);
        if (string.IsNullOrWhiteSpace(model))
        {
            throw ManagementErrors.BadRequest("litellm_params.model is required (e.g. openai/gpt-4o).", "litellm_params.model");
        }

        var extra = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in litellmParams)
        {
            if (!s_typedParams.Contains(key))
            {
                extra[key] = Plain(value, environment);
            }
        }

        var info = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in modelInfo)
        {
            info[key] = Plain(value, environment: null);
        }

        return new ModelDeployment
        {
            ModelName = modelName,
            LiteLLMParams = new LiteLLMParams
            {
                Model = model,
                ApiBase = Text(litellmParams, "api_base", environment),
                ApiKey = Text(litellmParams, "api_key", environment),
                ApiVersion = Text(litellmParams, "api_version", environment),
                Rpm = Integer(litellmParams, "rpm"),
                Tpm = Integer(litellmParams, "tpm"),
                Timeout = Number(litellmParams, "timeout"),
                Weight = Number(litellmParams, "weight"),
                Order = Integer(litellmParams, "order"),
                Extra = new ReadOnlyDictionary<string, object?>(extra),
            },
            ModelInfo = new ReadOnlyDictionary<string, object?>(info),
        };
    }

    /// <summary>A copy of <paramref name="litellmParams"/> with every string encrypted, as LiteLLM stores it.</summary>
    public static JsonObject Encrypt(JsonObject litellmParams, LiteLLMSecretBox box)
    {
        ArgumentNullException.ThrowIfNull(litellmParams);
        ArgumentNullException.ThrowIfNull(box);
        var stored = new JsonObject();
        foreach (var (key, value) in litellmParams)
        {
            stored[key] = value is JsonValue text && text.GetValueKind() == JsonValueKind.String
                ? box.Encrypt(text.GetValue<string>())
                : value?.DeepClone();
        }

        return stored;
    }

    /// <summary>
    /// The stored <c>litellm_params</c> in clear. LiteLLM may have written the object as a JSON string; a string that this
    /// secret does not open is kept as it is (a row written by hand).
    /// </summary>
    public static JsonObject Decrypt(string? storedJson, LiteLLMSecretBox box)
    {
        ArgumentNullException.ThrowIfNull(box);
        var stored = ParseObject(storedJson);
        var clear = new JsonObject();
        foreach (var (key, value) in stored)
        {
            clear[key] = value is JsonValue text && text.GetValueKind() == JsonValueKind.String
                && box.TryDecrypt(text.GetValue<string>(), out var plaintext)
                ? plaintext
                : value?.DeepClone();
        }

        return clear;
    }

    /// <summary>A JSON object column; a JSON string holding an object (Prisma's <c>model_dump_json</c>) is unwrapped.</summary>
    public static JsonObject ParseObject(string? json)
    {
        try
        {
            var node = string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json);
            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                node = JsonNode.Parse(value.GetValue<string>());
            }

            return node as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The router's view of a stored row: decrypted, <c>model_info.id</c> = <c>model_id</c>, <c>model_info.db_model</c> = true.</summary>
    public static ModelDeployment FromRow(ProxyModelTable row, LiteLLMSecretBox box, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(row);
        var info = ParseObject(row.ModelInfo);
        info["id"] = row.ModelId;
        info["db_model"] = true;
        return ToDeployment(row.ModelName, Decrypt(row.LitellmParams, box), info, environment);
    }

    /// <summary>The response form of a row: params decrypted without credentials, <c>model_info</c> with its id.</summary>
    public static JsonObject Describe(ProxyModelTable row, LiteLLMSecretBox box)
    {
        ArgumentNullException.ThrowIfNull(row);
        var clear = Decrypt(row.LitellmParams, box);
        var shown = new JsonObject();
        foreach (var (key, value) in clear)
        {
            if (!ModelsEndpoints.IsSecret(key))
            {
                shown[key] = value?.DeepClone();
            }
        }

        var info = ParseObject(row.ModelInfo);
        info["id"] = row.ModelId;
        info["db_model"] = true;
        return new JsonObject
        {
            ["model_id"] = row.ModelId,
            ["model_name"] = row.ModelName,
            ["litellm_params"] = shown,
            ["model_info"] = info,
            ["blocked"] = row.Blocked,
            ["created_at"] = row.CreatedAt,
            ["created_by"] = row.CreatedBy,
            ["updated_at"] = row.UpdatedAt,
            ["updated_by"] = row.UpdatedBy,
        };
    }

    /// <summary>
    /// Every routable (not blocked) stored model, and a version that changes whenever a row is added, changed or removed.
    /// A row that cannot be read is left out and reported to <paramref name="skipped"/>.
    /// </summary>
    public static async Task<(IReadOnlyList<ModelDeployment> Models, string Version)> LoadAsync(LiteLLMDbContext db, LiteLLMSecretBox box,
        Func<string, string?> environment, Action<string, string> skipped, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(skipped);
        var rows = await db.ProxyModels.AsNoTracking().Where(m => !m.Blocked).OrderBy(m => m.CreatedAt).ThenBy(m => m.ModelId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var models = new List<ModelDeployment>(rows.Count);
        foreach (var row in rows)
        {
            try
            {
                models.Add(FromRow(row, box, environment));
            }
            catch (Errors.GatewayException e)
            {
                skipped(row.ModelId, e.Message);
            }
        }

        var version = string.Join(',', rows.Select(r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.ModelId}@{r.UpdatedAt.Ticks}")));
        return (models, version);
    }

    private static string? Text(JsonObject parameters, string field, Func<string, string?> environment)
    {
        var node = parameters[field];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            throw ManagementErrors.BadRequest($"Invalid value for 'litellm_params.{field}': expected a string.", $"litellm_params.{field}");
        }

        return Resolve(value.GetValue<string>(), environment);
    }

    private static long? Integer(JsonObject parameters, string field)
    {
        var node = parameters[field];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) && number >= 0)
        {
            return number;
        }

        throw ManagementErrors.BadRequest($"Invalid value for 'litellm_params.{field}': expected a whole number >= 0.", $"litellm_params.{field}");
    }

    private static double? Number(JsonObject parameters, string field)
    {
        var node = parameters[field];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number)
            && number >= 0 && double.IsFinite(number))
        {
            return number;
        }

        throw ManagementErrors.BadRequest($"Invalid value for 'litellm_params.{field}': expected a number >= 0.", $"litellm_params.{field}");
    }

    private static string? Resolve(string text, Func<string, string?>? environment) =>
        environment is not null && text.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) ? environment(text[EnvironmentPrefix.Length..]) : text;

    // JSON as the plain values config.yaml gives: read-only maps and lists, null, bool, long, double, string.
    private static object? Plain(JsonNode? node, Func<string, string?>? environment)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject map:
                var values = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (key, value) in map)
                {
                    values[key] = Plain(value, environment);
                }

                return new ReadOnlyDictionary<string, object?>(values);
            case JsonArray list:
                var items = new object?[list.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Plain(list[i], environment);
                }

                return Array.AsReadOnly(items);
            default:
                var scalar = node.AsValue();
                return scalar.GetValueKind() switch
                {
                    JsonValueKind.String => Resolve(scalar.GetValue<string>(), environment),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number => scalar.TryGetValue<long>(out var whole) ? whole : scalar.GetValue<double>(),
                    _ => null,
                };
        }
    }
}
