using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Pipeline;
using LiteAspire.Proxy.Routing;

namespace LiteAspire.Proxy.Endpoints;

/// <summary><c>GET /v1/models</c>, <c>/v1/models/{id}</c> (OpenAI's list) and <c>/v1/model/info</c> (LiteLLM's deployment view, secrets removed).</summary>
public static class ModelsEndpoints
{
    /// <summary>The fixed <c>created</c> LiteLLM reports for every model.</summary>
    public const long Created = 1677610602;

    // litellm_params keys never shown by /model/info.
    private static readonly HashSet<string> s_secretParams = new(StringComparer.Ordinal)
    {
        "api_key", "azure_ad_token", "aws_access_key_id", "aws_secret_access_key", "aws_session_token", "vertex_credentials",
        "client_secret", "azure_password", "aws_bedrock_runtime_key", "litellm_credential_name",
    };

    /// <summary>Maps the model routes.</summary>
    public static RouteGroupBuilder MapModelsEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        foreach (var prefix in LlmEndpoints.VersionPrefixes)
        {
            group.MapGet(prefix + "/models", (HttpContext context, ModelRouter router, ModelAccess access) =>
                JsonBody.Result(List(router.Table, Visible(context, access))));
            group.MapGet(prefix + "/models/{**id}", (HttpContext context, ModelRouter router, ModelAccess access, string id) =>
                JsonBody.Result(One(router.Table, id, Visible(context, access))));
            group.MapGet(prefix + "/model/info", (ModelRouter router, string? litellm_model_id) => JsonBody.Result(Info(router.Table, litellm_model_id)));
        }

        return group;
    }

    /// <summary>OpenAI's model list: every public model group and visible alias the caller may call (all when <paramref name="visible"/> is null).</summary>
    public static JsonObject List(DeploymentTable table, Func<string, bool>? visible = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var data = new JsonArray();
        foreach (var name in table.PublicModelNames)
        {
            if (visible is null || visible(name))
            {
                data.Add(Model(name));
            }
        }

        return new JsonObject { ["object"] = "list", ["data"] = data };
    }

    // As LiteLLM lists them: only the models the caller's key, team, user and organization let it call.
    private static Func<string, bool>? Visible(HttpContext context, ModelAccess access) =>
        context.Features.Get<ApiKeyAuth>() is { IsMasterKey: false } caller ? model => access.CanCall(caller, model) : null;

    private static JsonObject One(DeploymentTable table, string id, Func<string, bool>? visible)
    {
        foreach (var name in table.PublicModelNames)
        {
            if (name == id && (visible is null || visible(name)))
            {
                return Model(name);
            }
        }

        throw new GatewayException(404, $"The model '{id}' does not exist. Call /v1/models to view available models for your key.",
            "invalid_request_error", "model");
    }

    /// <summary>LiteLLM's <c>/model/info</c>: one entry per deployment, <c>model_info.id</c> always set, credentials removed.</summary>
    public static JsonObject Info(DeploymentTable table, string? deploymentId)
    {
        ArgumentNullException.ThrowIfNull(table);
        var data = new JsonArray();
        foreach (var entry in table.Deployments)
        {
            if (deploymentId is not null && entry.Deployment.Id != deploymentId)
            {
                continue;
            }

            var source = entry.Source;
            var p = source.LiteLLMParams;
            var litellmParams = new JsonObject { ["model"] = p.Model };
            AddIfSet(litellmParams, "api_base", p.ApiBase);
            AddIfSet(litellmParams, "api_version", p.ApiVersion);
            AddIfSet(litellmParams, "rpm", p.Rpm);
            AddIfSet(litellmParams, "tpm", p.Tpm);
            AddIfSet(litellmParams, "timeout", p.Timeout);
            AddIfSet(litellmParams, "weight", p.Weight);
            AddIfSet(litellmParams, "order", p.Order);
            foreach (var (key, value) in p.Extra)
            {
                if (!IsSecret(key))
                {
                    litellmParams[key] = JsonSerializer.SerializeToNode(value);
                }
            }

            var modelInfo = new JsonObject();
            foreach (var (key, value) in source.ModelInfo)
            {
                modelInfo[key] = JsonSerializer.SerializeToNode(value);
            }

            modelInfo["id"] = entry.Deployment.Id;
            modelInfo["db_model"] ??= false;
            data.Add(new JsonObject { ["model_name"] = source.ModelName, ["litellm_params"] = litellmParams, ["model_info"] = modelInfo });
        }

        return new JsonObject { ["data"] = data };
    }

    private static JsonObject Model(string id) => new()
    {
        ["id"] = id,
        ["object"] = "model",
        ["created"] = Created,
        ["owned_by"] = "openai",
    };

    /// <summary>True for a <c>litellm_params</c> key holding a credential, which no response shows.</summary>
    public static bool IsSecret(string key) =>
        s_secretParams.Contains(key) || key.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || key.Contains("password", StringComparison.OrdinalIgnoreCase) || key.EndsWith("_api_key", StringComparison.Ordinal);

    private static void AddIfSet<T>(JsonObject target, string key, T? value)
    {
        if (value is not null)
        {
            target[key] = JsonSerializer.SerializeToNode(value);
        }
    }
}
