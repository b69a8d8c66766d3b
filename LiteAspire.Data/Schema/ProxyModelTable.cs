namespace LiteAspire.Data.Schema;

/// <summary>A deployment added through the API (<c>LiteLLM_ProxyModelTable</c>); secret values in the params are encrypted.</summary>
public class ProxyModelTable
{
    public required string ModelId { get; set; }

    public required string ModelName { get; set; }

    /// <summary>litellm_params (JSON object, secret values encrypted).</summary>
    public string LitellmParams { get; set; } = "{}";

    /// <summary>model_info (JSON object).</summary>
    public string? ModelInfo { get; set; }

    public bool Blocked { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
