using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;

using LiteAspire.Admin.ProxyApi.Playground;

namespace LiteAspire.Admin.Components.Pages.Playground;

/// <summary>What one server-sent event of a chat stream brought: text, the usage at the end, or an error.</summary>
public sealed record ChatStreamEvent(string? Text, ChatUsage? Usage, PlaygroundError? Error);

/// <summary>Reads a streamed chat completion (<c>text/event-stream</c>, <c>data: {chunk}</c> lines, <c>data: [DONE]</c> at the end).</summary>
public static class ChatStreamReader
{
    private const string DataPrefix = "data:";

    /// <summary>The events of <paramref name="response"/>'s stream, as they arrive; stops at <c>[DONE]</c> or the end.</summary>
    public static async IAsyncEnumerable<ChatStreamEvent> ReadAsync(HttpResponseMessage response, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (!line.StartsWith(DataPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var data = line[DataPrefix.Length..].Trim();
            if (data == "[DONE]")
            {
                yield break;
            }

            if (Parse(data) is { } chatEvent)
            {
                yield return chatEvent;
            }
        }
    }

    /// <summary>One <c>data:</c> payload: a chunk's text and usage, or the error the proxy sent mid-stream.</summary>
    public static ChatStreamEvent? Parse(string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            using var document = JsonDocument.Parse(data);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (document.RootElement.TryGetProperty("error", out _))
            {
                return new ChatStreamEvent(null, null, PlaygroundError.From(null, data));
            }

            var chunk = document.RootElement.Deserialize<ChatChunk>(ProxyApi.ProxyJson.Options);
            var text = string.Concat(chunk?.Choices?.Select(c => c.Delta?.Content) ?? []);
            return text.Length == 0 && chunk?.Usage is null ? null : new ChatStreamEvent(text.Length == 0 ? null : text, chunk?.Usage, null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The header's value, or null.</summary>
    public static string? Header(HttpResponseMessage response, string name)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
    }

    /// <summary>The models <paramref name="response"/> lists (OpenAI's <c>/v1/models</c>).</summary>
    public static async Task<IReadOnlyList<string>> ModelsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var list = await response.Content.ReadFromJsonAsync<OpenAIModelList>(ProxyApi.ProxyJson.Options, cancellationToken).ConfigureAwait(false);
        return [.. (list?.Data ?? []).Select(m => m.Id).Order(StringComparer.OrdinalIgnoreCase)];
    }
}
