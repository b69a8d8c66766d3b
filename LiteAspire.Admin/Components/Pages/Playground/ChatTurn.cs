using System.Text;

using LiteAspire.Admin.ProxyApi.Playground;

namespace LiteAspire.Admin.Components.Pages.Playground;

/// <summary>One message of the conversation; an assistant's grows while its stream arrives.</summary>
public sealed class ChatTurn(string role, string text = "")
{
    private readonly StringBuilder _text = new(text);

    /// <summary><c>user</c> or <c>assistant</c>.</summary>
    public string Role { get; } = role;

    /// <summary>The text so far.</summary>
    public string Text => _text.ToString();

    /// <summary>True while the stream is still arriving.</summary>
    public bool Streaming { get; set; }

    /// <summary>True when the operator stopped the stream before its end.</summary>
    public bool Stopped { get; set; }

    /// <summary>The proxy's refusal or failure in plain words, when the answer did not come.</summary>
    public PlaygroundError? Error { get; set; }

    /// <summary>Token counts (the stream's usage chunk).</summary>
    public ChatUsage? Usage { get; set; }

    /// <summary>The deployment that answered (<c>x-litellm-model-id</c>) and its group (<c>x-litellm-model-group</c>).</summary>
    public string? ModelId { get; set; }

    /// <summary>The model group that answered.</summary>
    public string? ModelGroup { get; set; }

    /// <summary><c>x-litellm-response-cost</c> (non-streaming answers only).</summary>
    public string? Cost { get; set; }

    /// <summary>True for a question whose answer failed: it is left out of the next request's context.</summary>
    public bool Excluded { get; set; }

    /// <summary>Adds streamed text.</summary>
    public void Append(string text) => _text.Append(text);

    /// <summary>True when the turn belongs in the next request's context (a failed answer does not).</summary>
    public bool InContext => Error is null && !Excluded && (Role != "assistant" || _text.Length > 0);
}
