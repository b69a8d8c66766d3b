namespace LiteAspire.Admin.ProxyApi.Models;

/// <summary>The <c>litellm_params</c> the dashboard sends; null fields are left out (on update: unchanged).</summary>
public sealed record ModelParamsInput(
    string? Model,
    string? ApiBase,
    string? ApiKey,
    long? Rpm,
    long? Tpm,
    double? InputCostPerToken,
    double? OutputCostPerToken);

/// <summary><c>POST /model/new</c>.</summary>
public sealed record NewModelRequest(string ModelName, ModelParamsInput LitellmParams);

/// <summary><c>PATCH /model/{model_id}/update</c>: the fields to change.</summary>
public sealed record UpdateModelRequest(string? ModelName, ModelParamsInput LitellmParams);

/// <summary><c>POST /model/delete</c>.</summary>
public sealed record DeleteModelRequest(string Id);
