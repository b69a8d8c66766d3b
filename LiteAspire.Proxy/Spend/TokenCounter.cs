using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers.Shared;

using Microsoft.ML.Tokenizers;

namespace LiteAspire.Proxy.Spend;

/// <summary>
/// Counts tokens with tiktoken's encodings when an upstream does not report usage (LiteLLM's <c>token_counter</c>):
/// <c>o200k_base</c> for the gpt-4o, gpt-4.1, gpt-5 and o-series families, <c>cl100k_base</c> for every other model.
/// Each encoding is loaded on first use, never at start-up.
/// </summary>
public static class TokenCounter
{
    // OpenAI's chat format: every message costs 3 tokens of framing, a name 1 more, and the reply is primed with 3.
    private const int TokensPerMessage = 3;
    private const int TokensPerName = 1;
    private const int ReplyPriming = 3;

    // LiteLLM's DEFAULT_IMAGE_TOKEN_COUNT for an image whose size it does not know.
    private const int ImageTokens = 250;

    private static readonly string[] s_o200kFamilies = ["gpt-4o", "chatgpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "gpt-oss", "o1", "o3", "o4"];

    private static readonly Lazy<Tokenizer> s_o200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));
    private static readonly Lazy<Tokenizer> s_cl100k = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    /// <summary>The encoding LiteLLM uses for <paramref name="model"/> (a provider prefix is ignored).</summary>
    public static string EncodingFor(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var name = model.AsSpan(model.LastIndexOf('/') + 1);
        foreach (var family in s_o200kFamilies)
        {
            if (name.StartsWith(family, StringComparison.OrdinalIgnoreCase))
            {
                return "o200k_base";
            }
        }

        return "cl100k_base";
    }

    /// <summary>The tokens of plain <paramref name="text"/> for <paramref name="model"/>.</summary>
    public static long CountText(string model, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? 0 : TokenizerFor(model).CountTokens(text);
    }

    /// <summary>The prompt tokens of a chat request's <paramref name="messages"/> and <paramref name="tools"/>, framing included.</summary>
    public static long CountMessages(string model, JsonArray? messages, JsonNode? tools = null)
    {
        var tokenizer = TokenizerFor(model);
        long count = ReplyPriming;
        foreach (var message in messages ?? [])
        {
            if (message is not JsonObject fields)
            {
                continue;
            }

            count += TokensPerMessage;
            foreach (var (key, value) in fields)
            {
                count += key switch
                {
                    "tool_calls" => ToolCalls(tokenizer, value),
                    "name" => Count(tokenizer, value) + TokensPerName,
                    _ => Content(tokenizer, value),
                };
            }
        }

        if (tools is JsonArray { Count: > 0 })
        {
            // Function definitions as their JSON text: close to what the model sees, and never a failure.
            count += tokenizer.CountTokens(tools.ToJsonString());
        }

        return count;
    }

    private static Tokenizer TokenizerFor(string model) => EncodingFor(model) == "o200k_base" ? s_o200k.Value : s_cl100k.Value;

    private static long Count(Tokenizer tokenizer, JsonNode? value) =>
        JsonRead.String(value) is { Length: > 0 } text ? tokenizer.CountTokens(text) : 0;

    private static long Content(Tokenizer tokenizer, JsonNode? value)
    {
        if (value is not JsonArray parts)
        {
            return value?.GetValueKind() == JsonValueKind.String ? Count(tokenizer, value) : 0;
        }

        long count = 0;
        foreach (var part in parts)
        {
            count += JsonRead.String(part.Prop("type")) switch
            {
                "image_url" or "image" => ImageTokens,
                _ => Count(tokenizer, part.Prop("text")),
            };
        }

        return count;
    }

    private static long ToolCalls(Tokenizer tokenizer, JsonNode? value)
    {
        long count = 0;
        foreach (var call in value as JsonArray ?? [])
        {
            count += Count(tokenizer, call.Prop("function").Prop("name")) + Count(tokenizer, call.Prop("function").Prop("arguments"));
        }

        return count;
    }
}
