using System.Globalization;

namespace LiteAspire.FakeProvider.Content;

/// <summary>
/// A usage asked for in the last user message, for tests of cost and spend: <c>[fake-usage prompt=1200 completion=300
/// cache_read=1000 cache_creation=100 reasoning=50]</c> (every key optional; prompt and completion are totals that include the
/// cache and reasoning tokens, as OpenAI counts them), or <c>[fake-usage none]</c> for a reply without usage. Each provider
/// writes it in its own shape.
/// </summary>
internal sealed record FakeUsage(int? Prompt, int? Completion, int CacheRead, int CacheCreation, int Reasoning, bool None)
{
    public const string Marker = "[fake-usage";

    /// <summary>The marker in <paramref name="text"/>, or null.</summary>
    public static FakeUsage? Parse(string text)
    {
        var start = text.IndexOf(Marker, StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf(']', start);
        if (end < 0)
        {
            return null;
        }

        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        var none = false;
        foreach (var item in text[(start + Marker.Length)..end].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (item == "none")
            {
                none = true;
            }
            else if (equals > 0 && int.TryParse(item.AsSpan(equals + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                values[item[..equals]] = number;
            }
        }

        return new FakeUsage(values.TryGetValue("prompt", out var prompt) ? prompt : null, values.TryGetValue("completion", out var completion) ? completion : null,
            values.GetValueOrDefault("cache_read"), values.GetValueOrDefault("cache_creation"), values.GetValueOrDefault("reasoning"), none);
    }
}
