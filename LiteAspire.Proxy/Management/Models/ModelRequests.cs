using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Management.Models;

/// <summary><c>POST /model/new</c>: LiteLLM's <c>Deployment</c>.</summary>
public sealed record NewModelRequest
{
    /// <summary>The public name clients send as <c>model</c> (a model group).</summary>
    public string? ModelName { get; init; }

    /// <summary>How to call the provider; <c>model</c> is required.</summary>
    public JsonObject? LitellmParams { get; init; }

    /// <summary>Free-form metadata; <c>id</c> names the deployment (a uuid when absent).</summary>
    public JsonObject? ModelInfo { get; init; }
}

/// <summary><c>POST /model/update</c> and <c>PATCH /model/{model_id}/update</c>: the fields to change (absent or null: unchanged).</summary>
public sealed record UpdateModelRequest
{
    /// <summary>A new public name.</summary>
    public string? ModelName { get; init; }

    /// <summary>Parameters to add or replace.</summary>
    public JsonObject? LitellmParams { get; init; }

    /// <summary>Metadata to add or replace; <c>id</c> names the model for <c>POST /model/update</c>.</summary>
    public JsonObject? ModelInfo { get; init; }
}

/// <summary><c>POST /model/delete</c>.</summary>
public sealed record DeleteModelRequest
{
    /// <summary>The <c>model_info.id</c> of the stored model.</summary>
    public string? Id { get; init; }
}
