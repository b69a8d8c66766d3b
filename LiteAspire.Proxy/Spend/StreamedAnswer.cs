using System.Text;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Spend;

/// <summary>
/// A streamed answer's text (content, reasoning, tool calls) as the chunks go by, so that its tokens can be counted when
/// the upstream ends the stream without reporting usage, as LiteLLM's <c>stream_chunk_builder</c> does.
/// </summary>
public sealed class StreamedAnswer
{
    private StringBuilder? _text;

    /// <summary>Adds the text of one <c>chat.completion.chunk</c>.</summary>
    public void Add(JsonObject chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (chunk["choices"] is not JsonArray { Count: > 0 } choices)
        {
            return;
        }

        foreach (var choice in choices)
        {
            var delta = choice.Prop("delta");
            Append(delta.Prop("content"));
            Append(delta.Prop("reasoning_content"));
            if (delta.Prop("tool_calls") is JsonArray calls)
            {
                foreach (var call in calls)
                {
                    Append(call.Prop("function").Prop("name"));
                    Append(call.Prop("function").Prop("arguments"));
                }
            }
        }
    }

    /// <summary>
    /// OpenAI usage counted with tiktoken: the prompt from <paramref name="request"/>'s messages and tools, the completion
    /// from the text streamed so far.
    /// </summary>
    public JsonObject CountedUsage(ResolvedDeployment deployment, JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(request);
        var model = deployment.ModelInfo.TryGetValue("base_model", out var baseModel) && baseModel?.ToString() is { Length: > 0 } given
            ? given
            : deployment.UpstreamModel;
        var prompt = TokenCounter.CountMessages(model, request["messages"] as JsonArray, request["tools"]);
        var completion = _text is null ? 0 : TokenCounter.CountText(model, _text.ToString());
        return OpenAIShapes.Usage(prompt, completion);
    }

    private void Append(JsonNode? value)
    {
        if (JsonRead.String(value) is { Length: > 0 } text)
        {
            (_text ??= new StringBuilder()).Append(text);
        }
    }
}
