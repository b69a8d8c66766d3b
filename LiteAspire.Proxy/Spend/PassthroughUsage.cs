using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers.Shared;

namespace LiteAspire.Proxy.Spend;

/// <summary>
/// What a passed-through OpenAI answer used, read from its JSON: tokens from <c>usage</c> in either of OpenAI's namings
/// (<c>prompt_tokens</c>/<c>completion_tokens</c>, or the Responses and image API's <c>input_tokens</c>/<c>output_tokens</c>),
/// images from <c>data</c>, and seconds of audio from a transcription's <c>duration</c>.
/// </summary>
public static class PassthroughUsage
{
    /// <summary>Reads <paramref name="json"/>, the answer to <paramref name="operation"/> (e.g. <c>images/generations</c>).</summary>
    /// <param name="json">The upstream's answer.</param>
    /// <param name="operation">The OpenAI path after the version.</param>
    /// <param name="usage">The tokens as an OpenAI chat <c>usage</c> object for spend, or null when the answer reports none.</param>
    public static CallUsage Read(ReadOnlySpan<byte> json, string operation, out JsonObject? usage)
    {
        ArgumentNullException.ThrowIfNull(operation);
        usage = null;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return default;
        }

        if (root is not JsonObject answer)
        {
            return default;
        }

        var reported = answer["usage"] as JsonObject;
        if (reported is not null && Tokens(reported) is { } tokens)
        {
            usage = tokens;
        }

        var images = operation.StartsWith("images/", StringComparison.Ordinal) && answer["data"] is JsonArray data ? data.Count : 0;
        // Transcriptions report seconds as verbose_json's duration, or (gpt-4o-transcribe) usage of type "duration".
        var seconds = Decimal(answer["duration"]) ?? (JsonRead.String(reported.Prop("type")) == "duration" ? Decimal(reported.Prop("seconds")) : null) ?? 0m;
        return new CallUsage(UsageTokens.Of(usage), images, seconds);
    }

    private static JsonObject? Tokens(JsonObject usage)
    {
        var completion = JsonRead.Long(usage["completion_tokens"]) ?? JsonRead.Long(usage["output_tokens"]);
        var prompt = JsonRead.Long(usage["prompt_tokens"]) ?? JsonRead.Long(usage["input_tokens"])
            ?? (JsonRead.Long(usage["total_tokens"]) is { } total ? total - (completion ?? 0) : null);
        if (prompt is null && completion is null)
        {
            return null;
        }

        var cached = JsonRead.Long(usage.Prop("prompt_tokens_details").Prop("cached_tokens"))
            ?? JsonRead.Long(usage.Prop("input_tokens_details").Prop("cached_tokens"));
        var reasoning = JsonRead.Long(usage.Prop("completion_tokens_details").Prop("reasoning_tokens"))
            ?? JsonRead.Long(usage.Prop("output_tokens_details").Prop("reasoning_tokens"));
        return OpenAIShapes.Usage(prompt ?? 0, completion ?? 0, cached, reasoning);
    }

    private static decimal? Decimal(JsonNode? value) =>
        value is JsonValue number && number.GetValueKind() == JsonValueKind.Number && number.TryGetValue<decimal>(out var parsed) ? parsed : null;
}
