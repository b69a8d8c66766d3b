using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LiteAspire.Proxy.Health;

/// <summary>LiteLLM's <c>GET /health</c> body: the endpoints that answered, those that did not (with <c>error</c>), and their counts.</summary>
public sealed record HealthResponse(
    [property: JsonPropertyName("healthy_endpoints")] IReadOnlyList<JsonObject> HealthyEndpoints,
    [property: JsonPropertyName("unhealthy_endpoints")] IReadOnlyList<JsonObject> UnhealthyEndpoints,
    [property: JsonPropertyName("healthy_count")] int HealthyCount,
    [property: JsonPropertyName("unhealthy_count")] int UnhealthyCount)
{
    // LiteLLM's HEALTH_DISPLAY_PARAMS that live in litellm_params: routing facts only. api_key and every other credential
    // are left out by construction (an allow-list, as LiteLLM's is), not stripped.
    private static readonly string[] s_displayedParams =
    [
        "aws_bedrock_runtime_endpoint", "custom_llm_provider", "mode", "base_model", "aws_region_name", "region_name",
        "watsonx_region_name", "vertex_project", "vertex_location",
    ];

    /// <summary>Renders <paramref name="checks"/>; without <paramref name="details"/> (<c>health_check_details: false</c>) each endpoint lists only its model and id.</summary>
    public static HealthResponse From(IReadOnlyList<DeploymentCheck> checks, bool details)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var healthy = new List<JsonObject>();
        var unhealthy = new List<JsonObject>();
        foreach (var check in checks)
        {
            var endpoint = Endpoint(check, details);
            (check.Result.Status == ProbeStatus.Healthy ? healthy : unhealthy).Add(endpoint);
        }

        return new HealthResponse(healthy, unhealthy, healthy.Count, unhealthy.Count);
    }

    private static JsonObject Endpoint(DeploymentCheck check, bool details)
    {
        var endpoint = new JsonObject { ["model"] = check.CheckedModel };
        if (details)
        {
            var parameters = check.Entry.Source.LiteLLMParams;
            Add(endpoint, "api_base", parameters.ApiBase);
            Add(endpoint, "api_version", parameters.ApiVersion);
            foreach (var name in s_displayedParams)
            {
                Add(endpoint, name, parameters.Extra.GetValueOrDefault(name));
            }

            Add(endpoint, "tpm", parameters.Tpm);
            Add(endpoint, "rpm", parameters.Rpm);
            foreach (var (name, value) in check.Result.RateLimits)
            {
                endpoint[name] = value;
            }

            Add(endpoint, "error", check.Result.Error);
        }

        endpoint["model_id"] = check.DeploymentId;
        return endpoint;
    }

    private static void Add(JsonObject endpoint, string name, object? value)
    {
        if (value is not null)
        {
            endpoint[name] = JsonSerializer.SerializeToNode(value);
        }
    }
}
