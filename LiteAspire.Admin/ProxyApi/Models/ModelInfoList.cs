namespace LiteAspire.Admin.ProxyApi.Models;

/// <summary>The proxy's <c>GET /v1/model/info</c>: one entry per deployment, config.yaml's and the database's.</summary>
public sealed record ModelInfoList(IReadOnlyList<DeploymentInfo> Data);

/// <summary>
/// One deployment as <c>/model/info</c> describes it. Only the fields the page shows are read: a credential the proxy
/// should have left out (<c>api_key</c>, ...) is never even deserialized.
/// </summary>
public sealed record DeploymentInfo(string? ModelName, DeploymentParams? LitellmParams, DeploymentModelInfo? ModelInfo);

/// <summary>The shown part of <c>litellm_params</c>.</summary>
public sealed record DeploymentParams(
    string? Model,
    string? ApiBase,
    string? ApiVersion,
    string? CustomLlmProvider,
    long? Rpm,
    long? Tpm,
    double? InputCostPerToken,
    double? OutputCostPerToken);

/// <summary>The shown part of <c>model_info</c>: <c>db_model</c> tells a stored model from a config.yaml one.</summary>
public sealed record DeploymentModelInfo(string? Id, bool DbModel, string? Mode, double? InputCostPerToken, double? OutputCostPerToken);
