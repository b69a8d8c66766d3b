using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Caching;

/// <summary>Collects a live stream's chunks as they go to the client and stores the assembled answer once the stream completes.</summary>
public sealed class StreamCapture(ResponseCache cache, CacheableCall call, string? modelId)
{
    private readonly ChatStreamAssembler _answer = new();

    /// <summary>Takes one chunk in (before it is trimmed for the client).</summary>
    public void Add(JsonObject chunk) => _answer.Add(chunk);

    /// <summary>The upstream finished the stream: stores the answer with its final <paramref name="usage"/>. Never called for a broken stream.</summary>
    public void Complete(JsonObject? usage)
    {
        _answer.Usage = usage ?? _answer.Usage;
        if (_answer.Build() is { } response)
        {
            cache.Save(call, response, modelId);
        }
    }
}
