using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Budgets;

/// <summary>
/// The tags a request carries, from LiteLLM's three places: the body's <c>metadata.tags</c> and <c>tags</c> (lists of
/// strings) and the <c>x-litellm-tags</c> header (comma-separated, spaces trimmed). Each tag once, in that order.
/// </summary>
public static class RequestTags
{
    /// <summary>The header LiteLLM reads tags from.</summary>
    public const string Header = "x-litellm-tags";

    /// <summary>The tags of a request without a JSON body (multipart uploads): the header's only.</summary>
    public static IReadOnlyList<string> Of(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        List<string>? tags = null;
        AddHeader(ref tags, headers);
        return tags ?? (IReadOnlyList<string>)[];
    }

    /// <summary>The tags of a request with <paramref name="headers"/> and <paramref name="body"/>; an empty list (no allocation) when it has none.</summary>
    public static IReadOnlyList<string> Of(IHeaderDictionary headers, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(body);
        List<string>? tags = null;
        AddList(ref tags, (body["metadata"] as JsonObject)?["tags"]);
        AddList(ref tags, body["tags"]);
        AddHeader(ref tags, headers);
        return tags ?? (IReadOnlyList<string>)[];
    }

    private static void AddHeader(ref List<string>? tags, IHeaderDictionary headers)
    {
        if (!headers.TryGetValue(Header, out var header))
        {
            return;
        }

        foreach (var value in header)
        {
            foreach (var part in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                Add(ref tags, part);
            }
        }
    }

    private static void AddList(ref List<string>? tags, JsonNode? node)
    {
        if (node is not JsonArray list)
        {
            return;
        }

        foreach (var item in list)
        {
            if (item is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } tag)
            {
                Add(ref tags, tag);
            }
        }
    }

    private static void Add(ref List<string>? tags, string tag)
    {
        tags ??= [];
        if (!tags.Contains(tag, StringComparer.Ordinal))
        {
            tags.Add(tag);
        }
    }
}
