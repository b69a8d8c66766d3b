namespace LiteAspire.Data.Schema;

/// <summary>Settings edited through the API, e.g. <c>general_settings</c> (<c>LiteLLM_Config</c>).</summary>
public class Config
{
    public required string ParamName { get; set; }

    /// <summary>The value (JSON).</summary>
    public string? ParamValue { get; set; }
}
