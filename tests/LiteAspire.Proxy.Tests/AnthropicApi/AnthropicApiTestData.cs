using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.AnthropicApi;

using static LiteAspire.Proxy.Tests.Providers.Anthropic.AnthropicFixtures;

namespace LiteAspire.Proxy.Tests.AnthropicApi;

/// <summary>OpenAI chunk streams from the fixtures, as an executor would yield them.</summary>
internal static class AnthropicApiTestData
{
    public static List<JsonObject> Chunks(string fixture)
    {
        var chunks = new List<JsonObject>();
        foreach (var line in Text("AnthropicApi/Fixtures/" + fixture).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            chunks.Add((JsonObject)JsonNode.Parse(line)!);
        }

        return chunks;
    }

    public static async IAsyncEnumerable<JsonObject> AsAsync(IEnumerable<JsonObject> chunks, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var chunk in chunks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return chunk;
        }
    }

    public static async Task<List<AnthropicSseEvent>> EventsAsync(IEnumerable<JsonObject> chunks, string model = "claude-via-openai")
    {
        var events = new List<AnthropicSseEvent>();
        await foreach (var e in OpenAIChunksToAnthropicEvents.TranslateAsync(AsAsync(chunks), model, CancellationToken.None))
        {
            events.Add(e);
        }

        return events;
    }
}
