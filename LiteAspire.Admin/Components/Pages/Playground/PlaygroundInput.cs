namespace LiteAspire.Admin.Components.Pages.Playground;

/// <summary>The playground's form.</summary>
public sealed class PlaygroundInput
{
    /// <summary>A virtual key to call as; empty: the operator's own sign-in key.</summary>
    public string? Key { get; set; }

    /// <summary>The model (group) to call.</summary>
    public string? Model { get; set; }

    /// <summary>An optional system prompt, sent first.</summary>
    public string? SystemPrompt { get; set; }

    /// <summary>Sampling temperature; empty: the model's default.</summary>
    public double? Temperature { get; set; }

    /// <summary>The message to send.</summary>
    public string? Message { get; set; }
}
