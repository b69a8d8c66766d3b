using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.AnthropicApi;

using Microsoft.AspNetCore.Http;

namespace LiteAspire.Proxy.Tests.AnthropicApi;

/// <summary>Stands in for the chat pipeline: records what it was given and answers with canned OpenAI objects or a failure.</summary>
internal sealed class FakeOpenAIChatExecutor : IOpenAIChatExecutor
{
    public JsonObject? Completion { get; set; }

    public IReadOnlyList<JsonObject> Chunks { get; set; } = [];

    public Exception? FailBeforeFirstChunk { get; set; }

    /// <summary>Thrown after this many chunks were yielded.</summary>
    public (int AfterChunks, Exception Error)? FailMidStream { get; set; }

    public JsonObject? LastRequest { get; private set; }

    public string? LastAuthorization { get; private set; }

    public string? LastAnthropicVersion { get; private set; }

    public Task<JsonObject> CompleteAsync(JsonObject openAiRequest, HttpContext context, CancellationToken cancellationToken)
    {
        Record(openAiRequest, context);
        return FailBeforeFirstChunk is { } error ? Task.FromException<JsonObject>(error) : Task.FromResult(Completion!);
    }

    public async IAsyncEnumerable<JsonObject> StreamAsync(JsonObject openAiRequest, HttpContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Record(openAiRequest, context);
        await Task.Yield();
        if (FailBeforeFirstChunk is { } error)
        {
            throw error;
        }

        for (var i = 0; i < Chunks.Count; i++)
        {
            if (FailMidStream is { } failure && failure.AfterChunks == i)
            {
                throw failure.Error;
            }

            yield return Chunks[i];
        }
    }

    private void Record(JsonObject request, HttpContext context)
    {
        LastRequest = request;
        LastAuthorization = context.Request.Headers.Authorization;
        LastAnthropicVersion = context.Request.Headers["anthropic-version"];
    }
}
