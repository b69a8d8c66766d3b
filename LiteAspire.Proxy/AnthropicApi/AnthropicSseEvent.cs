using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.AnthropicApi;

/// <summary>One Anthropic server-sent event: its name (<c>message_start</c>...) and its data, whose <c>type</c> repeats the name.</summary>
/// <param name="Name">The <c>event:</c> name.</param>
/// <param name="Data">The <c>data:</c> object.</param>
public readonly record struct AnthropicSseEvent(string Name, JsonObject Data);
