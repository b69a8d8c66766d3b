using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Routing;

/// <summary>
/// A count per error type, as LiteLLM's <c>retry_policy</c> (<c>RateLimitErrorRetries: 3</c>) and <c>allowed_fails_policy</c>
/// (<c>RateLimitErrorAllowedFails: 10</c>) write it.
/// </summary>
public sealed class RetryPolicy
{
    private static readonly string[] s_types =
        ["BadRequestError", "AuthenticationError", "TimeoutError", "RateLimitError", "ContentPolicyViolationError", "InternalServerError"];

    private readonly Dictionary<string, int> _counts;

    private RetryPolicy(Dictionary<string, int> counts) => _counts = counts;

    /// <summary>No entries: every error type uses the general setting.</summary>
    public static RetryPolicy None { get; } = new([]);

    /// <summary>True when no type has its own count.</summary>
    public bool IsEmpty => _counts.Count == 0;

    /// <summary>Reads a mapping of <c>&lt;Type&gt;&lt;suffix&gt;: count</c>.</summary>
    /// <exception cref="ProxyConfigException">A key that names no known error type, or a count that is not a non-negative integer.</exception>
    public static RetryPolicy From(object? value, string path, string suffix = "Retries")
    {
        if (value is null)
        {
            return None;
        }

        if (value is not IReadOnlyDictionary<string, object?> map)
        {
            throw new ProxyConfigException($"{path} must be a mapping such as {{RateLimitError{suffix}: 3}}.");
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, count) in map)
        {
            var type = key.EndsWith(suffix, StringComparison.Ordinal) ? key[..^suffix.Length] : null;
            if (type is null || Array.IndexOf(s_types, type) < 0)
            {
                throw new ProxyConfigException(
                    $"{path}.{key} is not a known entry; use one of {string.Join(", ", s_types.Select(t => t + suffix))}.");
            }

            if (ConfigValues.NumberOf(count) is not { } number || number < 0 || number != Math.Floor(number))
            {
                throw new ProxyConfigException($"{path}.{key} must be a non-negative integer.");
            }

            counts[type] = (int)number;
        }

        return new RetryPolicy(counts);
    }

    /// <summary>The count for errors of <paramref name="kind"/>, or null when the policy does not name their type.</summary>
    public int? For(LiteLLMErrorKind kind) => _counts.Count > 0 && _counts.TryGetValue(TypeOf(kind), out var count) ? count : null;

    /// <summary>The position of <paramref name="kind"/>'s policy type among the six types (for per-type counters).</summary>
    public static int TypeIndex(LiteLLMErrorKind kind) => Array.IndexOf(s_types, TypeOf(kind));

    /// <summary>The policy type an error kind falls under (LiteLLM's exception class hierarchy).</summary>
    public static string TypeOf(LiteLLMErrorKind kind) => kind switch
    {
        LiteLLMErrorKind.AuthenticationError => "AuthenticationError",
        LiteLLMErrorKind.Timeout => "TimeoutError",
        LiteLLMErrorKind.RateLimitError => "RateLimitError",
        LiteLLMErrorKind.ContentPolicyViolationError => "ContentPolicyViolationError",
        LiteLLMErrorKind.APIError or LiteLLMErrorKind.APIConnectionError or LiteLLMErrorKind.ServiceUnavailableError
            or LiteLLMErrorKind.InternalServerError => "InternalServerError",
        _ => "BadRequestError",
    };
}
